import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * RFC 5987 `ext-value` encoding of a file name: UTF-8, percent-encoded except `attr-char`.
 * encodeURIComponent leaves `'()*` as they are, which `attr-char` does not allow.
 */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The Content-Disposition header of a download (RFC 6266): `filename*` carries the real name in
 * UTF-8 (RFC 5987; every current browser reads it, so Chinese names arrive intact), and `filename`
 * a plain-ASCII fallback for old clients: the name itself when it is printable ASCII, otherwise
 * `download` with the name's extension.
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const isPlain = /^[\x20-\x7e]*$/.test(fileName) && fileName.length > 0;
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(fileName)?.[0] ?? '';
  const fallback = (isPlain ? fileName : `download${extension}`).replace(/["\\]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** Sends a file to download: its type, the Content-Disposition above and, when known, its length. */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; body: Readable | Buffer | string; sizeBytes?: number },
) {
  reply.type(file.contentType).header('content-disposition', contentDisposition(file.fileName));
  if (file.sizeBytes !== undefined) reply.header('content-length', file.sizeBytes);
  return reply.send(file.body);
}
