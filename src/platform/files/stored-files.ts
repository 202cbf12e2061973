// Stand-in with the interface the lead is adding to main (replaced by main's file at the merge).
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';

function storedPath(uploadDir: string, sha256: string) {
  return path.join(uploadDir, 'files', sha256.slice(0, 2), sha256);
}

export async function saveStoredFile(
  uploadDir: string,
  body: AsyncIterable<Buffer>,
  opts: { maxBytes: number; field?: string },
): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  const tmp = path.join(uploadDir, 'files', `.tmp-${randomUUID()}`);
  await fs.mkdir(path.dirname(tmp), { recursive: true });
  const handle = await fs.open(tmp, 'w');
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > opts.maxBytes) throw new AppError(400, 'not_found', {}, opts.field ?? 'file');
      hash.update(chunk);
      await handle.write(chunk);
    }
  } catch (error) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  if (size === 0) {
    await fs.rm(tmp, { force: true });
    throw new AppError(400, 'not_found', {}, opts.field ?? 'file');
  }
  const sha256 = hash.digest('hex');
  const target = storedPath(uploadDir, sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.rename(tmp, target);
  return { sha256, sizeBytes: size };
}

export async function storedFileExists(uploadDir: string, sha256: string): Promise<boolean> {
  return fs.access(storedPath(uploadDir, sha256)).then(
    () => true,
    () => false,
  );
}

export function sendStoredFile(
  _request: FastifyRequest,
  reply: FastifyReply,
  uploadDir: string,
  file: { sha256: string; fileName: string; contentType: string; sizeBytes: number; inline?: boolean },
) {
  reply
    .type(file.contentType)
    .header('content-length', file.sizeBytes)
    .header('etag', `"${file.sha256}"`)
    .header(
      'content-disposition',
      `${file.inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
  return reply.send(createReadStream(storedPath(uploadDir, file.sha256)));
}
