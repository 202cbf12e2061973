/**
 * Stored files (证明材料、照片、视频): content-addressed under the upload dir, one copy per SHA-256,
 * written while hashed so nothing is held in memory, served with byte ranges so a phone can
 * stream a video (docs/decisions/0023). A module keeps its own rows (name, type, size, hash, who,
 * when) beside its records, checks access to the record, audits, and calls these functions.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contentDisposition } from '../http/download.js';
import { badRequest } from '../http/errors.js';

/** The folder under the upload dir (its historic name: evidence attachments were first). */
const STORE_FOLDER = 'attachments';
const SHA256 = /^[0-9a-f]{64}$/;

/** Where the content with this SHA-256 lies. */
export function storedFilePath(uploadDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new RangeError('not a SHA-256 hex digest');
  return path.join(uploadDir, STORE_FOLDER, sha256.slice(0, 2), sha256);
}

/**
 * Streams a body to the store while hashing it. An empty body or one above `maxBytes` is refused
 * (400 naming `field`, default `file`) and leaves nothing behind; identical content is stored once.
 */
export async function saveStoredFile(
  uploadDir: string,
  body: AsyncIterable<Buffer | Uint8Array | string>,
  opts: { maxBytes: number; field?: string },
): Promise<{ sha256: string; sizeBytes: number }> {
  const field = opts.field ?? 'file';
  const dir = path.join(uploadDir, STORE_FOLDER);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `upload-${randomUUID()}`);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const handle = await fs.open(temp, 'w');
  try {
    for await (const chunk of body) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      sizeBytes += buffer.length;
      if (sizeBytes > opts.maxBytes)
        throw badRequest('attachment.too_large', field, { max: Math.floor(opts.maxBytes / 1024 / 1024) });
      hash.update(buffer);
      await handle.write(buffer);
    }
    if (sizeBytes === 0) throw badRequest('attachment.empty', field);
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  const sha256 = hash.digest('hex');
  const target = storedFilePath(uploadDir, sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.rename(temp, target);
  return { sha256, sizeBytes };
}

/** Whether content with this SHA-256 is in the store (false for anything that is not a digest). */
export async function storedFileExists(uploadDir: string, sha256: string): Promise<boolean> {
  if (!SHA256.test(sha256)) return false;
  try {
    return (await fs.stat(storedFilePath(uploadDir, sha256))).isFile();
  } catch {
    return false;
  }
}

/**
 * One byte range of a `Range` header (RFC 9110 §14.1.2) over a file of `size` bytes: `null` when
 * the header is absent or not a single bytes range (the whole file is sent), `'unsatisfiable'`
 * when it starts past the end.
 */
export function parseByteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first, last] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return null;
  return { start, end };
}

/**
 * Sends a stored file: its type, name (attachment, or inline for images and video), an ETag of its
 * hash (304 on a match) and, with a `Range` header, 206 with that part (416 past the end).
 */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  uploadDir: string,
  file: { sha256: string; fileName: string; contentType: string; sizeBytes: number; inline?: boolean },
) {
  const etag = `"${file.sha256}"`;
  reply
    .type(file.contentType)
    .header('content-disposition', contentDisposition(file.fileName, file.inline ? 'inline' : 'attachment'))
    .header('accept-ranges', 'bytes')
    .header('etag', etag)
    .header('cache-control', 'private, max-age=0, must-revalidate');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  const filePath = storedFilePath(uploadDir, file.sha256);
  const range = parseByteRange(request.headers.range, file.sizeBytes);
  if (range === 'unsatisfiable')
    return reply.code(416).header('content-range', `bytes */${file.sizeBytes}`).send();
  if (range === null) return reply.header('content-length', file.sizeBytes).send(createReadStream(filePath));
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${file.sizeBytes}`)
    .header('content-length', range.end - range.start + 1)
    .send(createReadStream(filePath, { start: range.start, end: range.end }));
}
