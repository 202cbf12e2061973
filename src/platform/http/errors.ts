import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isMessageKey, type Language, type MessageKey, pickLanguage, translate } from '../i18n/messages.js';

export interface FieldError {
  /** Dotted path of the offending field, e.g. creditCode or rows.3.idNumber */
  field: string;
  code: string;
  message: string;
  /** The message in Chinese where a service wrote both (the handler answers in the caller's language). */
  messageZh?: string;
}

/** An expected failure with a message key; the error handler renders it in the caller's language. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: MessageKey,
    readonly params: Record<string, unknown> = {},
    /** A field-level error: the form shows it beside the field. */
    readonly field?: string,
    /** Several field-level errors at once (e.g. every rule a rule set breaks); wins over `field`. */
    readonly fields?: FieldError[],
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'auth.forbidden');
export const badRequest = (code: MessageKey, field?: string, params: Record<string, unknown> = {}) =>
  new AppError(400, code, params, field);

interface ZodIssueLike {
  code?: string;
  message?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  values?: unknown[];
  keys?: string[];
}

const FORMAT_ZH: Record<string, string> = {
  email: '请输入有效的电子邮箱',
  url: '请输入有效的网址',
  date: '日期格式应为 YYYY-MM-DD',
  datetime: '时间格式不正确',
};
const FORMAT_EN: Record<string, string> = {
  email: 'Enter a valid email address',
  url: 'Enter a valid web address',
  date: 'Dates are written YYYY-MM-DD',
  datetime: 'Invalid date and time',
};
const TYPE_ZH: Record<string, string> = {
  string: '必填，应为文字',
  number: '必填，应为数字',
  int: '必填，应为整数',
  boolean: '必填',
};
const TYPE_EN: Record<string, string> = {
  string: 'Required: text',
  number: 'Required: a number',
  int: 'Required: a whole number',
  boolean: 'Required',
};

/** Renders a zod issue in the caller's language (zod's own messages are English only here). */
export function describeIssue(issue: ZodIssueLike, language: Language): string {
  const zh = language === 'zh';
  if (issue.code === 'custom' && issue.message && isMessageKey(issue.message)) {
    return translate(issue.message, language);
  }
  switch (issue.code) {
    case 'invalid_type':
      return zh ? (TYPE_ZH[issue.expected ?? ''] ?? '必填') : (TYPE_EN[issue.expected ?? ''] ?? 'Required');
    case 'too_small':
      if (issue.origin === 'string')
        return zh ? `至少 ${issue.minimum} 个字符` : `At least ${issue.minimum} characters`;
      return zh ? `不能小于 ${issue.minimum}` : `Must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string')
        return zh ? `最多 ${issue.maximum} 个字符` : `At most ${issue.maximum} characters`;
      return zh ? `不能大于 ${issue.maximum}` : `Must be at most ${issue.maximum}`;
    case 'invalid_format':
      // The validator's name (regex, email…) means nothing to the person filling in the form.
      return zh
        ? (FORMAT_ZH[issue.format ?? ''] ?? '格式不正确')
        : (FORMAT_EN[issue.format ?? ''] ?? 'Invalid format');
    case 'invalid_value':
      return zh
        ? `取值应为：${(issue.values ?? []).join('、')}`
        : `Must be one of: ${(issue.values ?? []).join(', ')}`;
    case 'unrecognized_keys':
      return zh
        ? `不认识的字段：${(issue.keys ?? []).join('、')}`
        : `Unknown fields: ${(issue.keys ?? []).join(', ')}`;
    default:
      return issue.message ?? (zh ? '输入无效' : 'Invalid input');
  }
}

interface PgErrorLike {
  code?: string;
  constraint?: string;
  detail?: string;
  cause?: unknown;
}

/** The PostgreSQL error behind a failure (drizzle wraps it in `cause`), or undefined. */
function pgErrorOf(error: unknown): PgErrorLike | undefined {
  for (
    let e = error as PgErrorLike | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as PgErrorLike, depth++
  ) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return undefined;
}

/** Request field named by a unique constraint whose column is not the field (e.g. experts.user_id ← username). */
const uniqueFields = new Map<string, string>();

/** Declares which request field a unique constraint guards, so its violation names that field. */
export function declareUniqueField(constraint: string, field: string): void {
  uniqueFields.set(constraint, field);
}

/**
 * A PostgreSQL unique violation (23505) as 409 naming the field: the declared field of the
 * constraint, else the first column of its key in camelCase (`Key (credit_code)=… already exists`).
 * Characters text cannot hold (22021, 22P05: a NUL in a body) are a 400. Anything else: undefined.
 */
export function appErrorOfDatabase(error: unknown): AppError | undefined {
  const pg = pgErrorOf(error);
  if (pg?.code === '23505') {
    const column = /Key \(([^,)]+)/.exec(pg.detail ?? '')?.[1]?.trim();
    const field =
      (pg.constraint && uniqueFields.get(pg.constraint)) ??
      column?.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()) ??
      'id';
    return new AppError(409, 'conflict.duplicate', { field }, field);
  }
  if (pg?.code === '22021' || pg?.code === '22P05') return new AppError(400, 'request.nul_byte', {}, 'body');
  return undefined;
}

/** One error shape for every failure: { statusCode, error, code, message, fields? }. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError, request, reply) => {
    const error = (appErrorOfDatabase(thrown) as FastifyError | undefined) ?? thrown;
    const language = pickLanguage(request.headers['accept-language']);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext;
      const fields: FieldError[] = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const issue = { code: v.keyword, message: v.message, ...(v.params as object) } as ZodIssueLike;
        return {
          field: path || where || '',
          code: issue.message && isMessageKey(issue.message) ? issue.message : v.keyword,
          message: describeIssue(issue, language),
        };
      });
      return reply.code(400).send({
        statusCode: 400,
        error: 'Bad Request',
        code: 'validation.failed',
        message: `${translate('validation.failed', language)}: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
        fields,
      });
    }
    if (error instanceof AppError) {
      const message = translate(error.code, language, error.params);
      return reply.code(error.statusCode).send({
        statusCode: error.statusCode,
        error: statusText(error.statusCode),
        code: error.code,
        message,
        ...(error.fields
          ? {
              fields: error.fields.map(({ messageZh, ...f }) =>
                language === 'zh' && messageZh ? { ...f, message: messageZh } : f,
              ),
            }
          : error.field
            ? { fields: [{ field: error.field, code: error.code, message }] }
            : {}),
      });
    }
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'request failed');
    const code = status === 429 ? 'rate_limited' : status === 500 ? 'internal' : (error.code ?? 'error');
    return reply.code(status).send({
      statusCode: status,
      error: statusText(status),
      code,
      message:
        status === 500
          ? translate('internal', language)
          : status === 429
            ? translate('rate_limited', language)
            : error.message,
    });
  });
}

function statusText(status: number): string {
  return (
    {
      400: 'Bad Request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not Found',
      409: 'Conflict',
      423: 'Locked',
      429: 'Too Many Requests',
    }[status] ?? 'Internal Server Error'
  );
}
