import type { FormInstance } from 'antd';
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** Typed client generated from docs/openapi.json: the UI imports no server code. */
export const api = createClient<paths>({ baseUrl: '' });

export type Schemas = components['schemas'];

let csrfToken = '';
let language: 'zh' | 'en' = 'zh';
let onSessionLost: (() => void) | undefined;

export function setCsrfToken(token: string) {
  csrfToken = token;
}
export function setApiLanguage(lang: 'zh' | 'en') {
  language = lang;
}
/** Called when the server answers 401 to a signed-in request (idle timeout, sign-out elsewhere). */
export function setSessionLostHandler(handler: () => void) {
  onSessionLost = handler;
}

api.use({
  onRequest({ request }) {
    request.headers.set('accept-language', language);
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/auth/')) onSessionLost?.();
    return response;
  },
});

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** A failed API call: the server's message (already in the user's language) and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

/** Resolves to the data of a successful call, or throws ApiError. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    const body = (error ?? {}) as Partial<{ code: string; message: string; fields: FieldError[] }>;
    throw new ApiError(
      response.status,
      body.code ?? 'error',
      body.message ?? response.statusText,
      body.fields ?? [],
    );
  }
  return data as T;
}

/**
 * Shows an error: field errors beside their form fields (when a form is given), anything else
 * through `notify`.
 */
export function showError(error: unknown, notify: (message: string) => void, form?: FormInstance): void {
  if (error instanceof ApiError) {
    if (form && error.fields.length > 0) {
      const known = new Set(Object.keys(form.getFieldsValue()));
      const placed = error.fields.filter((f) => known.has(f.field.split('.')[0] ?? ''));
      form.setFields(placed.map((f) => ({ name: f.field.split('.'), errors: [f.message] })));
      if (placed.length === error.fields.length) return;
    }
    notify(error.message);
    return;
  }
  notify(error instanceof Error ? error.message : String(error));
}

/** Downloads a file the API streams (with the session cookie and the UI's language). */
export async function downloadFile(url: string): Promise<void> {
  const response = await fetch(url, { headers: { 'accept-language': language } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<{ code: string; message: string }>;
    throw new ApiError(response.status, body.code ?? 'error', body.message ?? response.statusText);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? 'download');
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.click();
  URL.revokeObjectURL(href);
}

/** Sends a file as the raw request body (application/octet-stream) and resolves to the JSON answer. */
export async function uploadFile<T>(url: string, file: Blob): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'accept-language': language,
      'content-type': 'application/octet-stream',
      ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as Partial<{ code: string; message: string }>;
  if (!response.ok)
    throw new ApiError(response.status, body.code ?? 'error', body.message ?? response.statusText);
  return body as T;
}
