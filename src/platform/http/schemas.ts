import { z } from 'zod';

/** The one error shape every route answers with on failure. */
export const ZError = z
  .object({
    statusCode: z.number().int().describe('HTTP status'),
    error: z.string().describe('HTTP status text'),
    code: z.string().describe('Stable error code, e.g. validation.failed or credit_code.malformed'),
    message: z.string().describe('Message in the language of Accept-Language (zh by default, en)'),
    fields: z
      .array(
        z.object({
          field: z.string().describe('Dotted path of the offending field'),
          code: z.string().describe('Error code for this field'),
          message: z.string().describe('What is wrong, in the caller’s language'),
        }),
      )
      .optional()
      .describe('Field-level errors, for forms'),
  })
  .meta({ id: 'Error' });

/** Error responses a signed-in route documents. */
export const errorResponses = {
  400: ZError,
  401: ZError,
  403: ZError,
  404: ZError,
} as const;

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('1-based page number'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('Rows per page (at most 200)'),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item).describe('Rows of this page'),
    total: z.number().int().describe('Rows matching the filter, over all pages'),
  });
}

export const ZOk = z.object({ ok: z.literal(true) });
