import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import {
  parseByteRange,
  saveStoredFile,
  sendStoredFile,
  storedFileExists,
  storedFilePath,
} from './stored-files.js';

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-files-'));
afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }));

async function* chunks(...parts: string[]) {
  for (const part of parts) yield Buffer.from(part);
}

/** Files of the store other than the content itself (left-over temporary files). */
const strayUploads = () =>
  fs.readdirSync(path.join(uploadDir, 'attachments')).filter((name) => name.startsWith('upload-'));

describe('stored files', () => {
  it('stores content once under its SHA-256, whatever the chunking', async () => {
    const a = await saveStoredFile(uploadDir, chunks('0123', '456789'), { maxBytes: 100 });
    const b = await saveStoredFile(uploadDir, chunks('0123456789'), { maxBytes: 100 });
    const expected = createHash('sha256').update('0123456789').digest('hex');
    expect(a).toEqual({ sha256: expected, sizeBytes: 10 });
    expect(b).toEqual(a);
    expect(fs.readFileSync(storedFilePath(uploadDir, expected), 'utf8')).toBe('0123456789');
    expect(await storedFileExists(uploadDir, expected)).toBe(true);
    expect(await storedFileExists(uploadDir, 'f'.repeat(64))).toBe(false);
    expect(await storedFileExists(uploadDir, '../../etc/passwd')).toBe(false);
    expect(() => storedFilePath(uploadDir, '../x')).toThrow(RangeError);
  });

  it('refuses an empty or too large body naming the field, leaving nothing behind', async () => {
    const tooLarge = saveStoredFile(uploadDir, chunks('12345', '67'), { maxBytes: 6, field: 'video' });
    await expect(tooLarge).rejects.toBeInstanceOf(AppError);
    await expect(
      saveStoredFile(uploadDir, chunks('12345', '67'), { maxBytes: 6, field: 'video' }),
    ).rejects.toMatchObject({ statusCode: 400, field: 'video', code: 'attachment.too_large' });
    await expect(saveStoredFile(uploadDir, chunks(), { maxBytes: 6 })).rejects.toMatchObject({
      statusCode: 400,
      field: 'file',
      code: 'attachment.empty',
    });
    expect(strayUploads()).toEqual([]);
    expect(await storedFileExists(uploadDir, createHash('sha256').update('1234567').digest('hex'))).toBe(
      false,
    );
  });

  it('reads single byte ranges as RFC 9110 says', () => {
    expect(parseByteRange(undefined, 10)).toBeNull();
    expect(parseByteRange('bytes=0-3', 10)).toEqual({ start: 0, end: 3 });
    expect(parseByteRange('bytes=4-', 10)).toEqual({ start: 4, end: 9 });
    expect(parseByteRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseByteRange('bytes=-30', 10)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('bytes=5-400', 10)).toEqual({ start: 5, end: 9 });
    expect(parseByteRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-1,4-5', 10)).toBeNull(); // several ranges: the whole file
    expect(parseByteRange('items=0-1', 10)).toBeNull();
    expect(parseByteRange('bytes=6-2', 10)).toBeNull();
  });

  it('serves the whole file, a range (206), past the end (416) and a cached copy (304)', async () => {
    const saved = await saveStoredFile(uploadDir, chunks('abcdefghij'), { maxBytes: 100 });
    const app = Fastify();
    app.get('/f', (request, reply) =>
      sendStoredFile(request, reply, uploadDir, {
        ...saved,
        fileName: '课程视频.mp4',
        contentType: 'video/mp4',
        inline: true,
      }),
    );
    const whole = await app.inject({ url: '/f' });
    expect(whole.statusCode).toBe(200);
    expect(whole.body).toBe('abcdefghij');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-length']).toBe('10');
    expect(whole.headers['content-disposition']).toContain('inline;');
    const part = await app.inject({ url: '/f', headers: { range: 'bytes=2-5' } });
    expect(part.statusCode).toBe(206);
    expect(part.body).toBe('cdef');
    expect(part.headers['content-range']).toBe('bytes 2-5/10');
    expect(part.headers['content-length']).toBe('4');
    const tail = await app.inject({ url: '/f', headers: { range: 'bytes=-2' } });
    expect(tail.body).toBe('ij');
    const past = await app.inject({ url: '/f', headers: { range: 'bytes=10-' } });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */10');
    const cached = await app.inject({ url: '/f', headers: { 'if-none-match': `"${saved.sha256}"` } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    await app.close();
  });
});
