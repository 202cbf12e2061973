import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * Logs without personal data (PIPL; 等保 2.0 audit records are the audit log, not the server log).
 *
 * Where personal data reached the logs before: a failing query's error. drizzle wraps every driver
 * error in a DrizzleQueryError whose message is `Failed query: <sql>\nparams: <every parameter>`
 * and which carries `params` as a property, so the error handler's `request.log.error({ err })`
 * wrote the 身份证号, names and phone numbers a write was sending; node-postgres errors add
 * `detail` ("Key (id_number)=(…) already exists"). Requests also carried personal data in their URL
 * (`/api/persons/:idNumber`). Here: errors are serialized field by field (no `params`, `detail`,
 * `where`, bound values stripped from the message and stack), URLs and messages are masked, and
 * headers and bodies that may hold secrets are redacted should any code log them.
 */

/** 18- and 15-digit resident identity numbers and mainland mobile numbers, wherever they appear. */
const PERSONAL = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15}|1[3-9]\d{9})(?![\dA-Za-z])/g;

/** Masks identity and phone numbers in a text. */
export function maskPersonal(text: string): string {
  return text.replace(PERSONAL, '[redacted]');
}

/** drizzle's "\nparams: …" line (the bound values of a failed query), cut from a message or stack. */
function withoutParams(text: string): string {
  return text.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]');
}

/** A log-safe text of an error: its message without bound values and with personal numbers masked. */
export function safeErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return maskPersonal(withoutParams(message));
}

/** Fields of a driver error worth logging: none of them holds a row's values. */
const SAFE_FIELDS = ['code', 'statusCode', 'severity', 'constraint', 'table', 'column', 'routine'] as const;

interface SerializedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

/** The `err` serializer: what an operator needs to find the fault, and no row's values. */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error))
    return { type: typeof error, message: maskPersonal(String(error)), stack: '' };
  const record = error as unknown as Record<string, unknown>;
  const out: SerializedError = {
    type: error.constructor?.name ?? 'Error',
    message: safeErrorText(error),
    stack: maskPersonal(withoutParams(error.stack ?? '')),
  };
  for (const field of SAFE_FIELDS) if (record[field] !== undefined) out[field] = record[field];
  if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

/** The `req` serializer: method, the URL with personal numbers masked, the route pattern, the peer. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: maskPersonal(request.url),
    route: request.routeOptions?.url,
    remoteAddress: request.ip,
  };
}

/** Paths pino replaces with "[redacted]" wherever code logs such an object. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'password',
  'newPassword',
  'currentPassword',
  'idNumber',
  'phone',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.idNumber',
  '*.phone',
  '*.token',
  '*.secret',
];

type LoggerOption = FastifyServerOptions['logger'];

/**
 * Any logger configuration with the privacy serializers and redaction applied (JSON lines to
 * stdout unless the caller says otherwise: journald or the container runtime ships them).
 */
export function withPrivateLogging(logger: LoggerOption): LoggerOption {
  if (!logger) return false;
  const base = logger === true ? {} : (logger as Record<string, unknown>);
  return {
    ...base,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      ...((base.serializers as object | undefined) ?? {}),
      req: serializeRequest,
      err: serializeError,
      error: serializeError,
    },
  } as LoggerOption;
}
