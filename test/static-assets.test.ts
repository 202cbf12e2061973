import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';

/** The built UI is served precompressed, hashed files cached for good (issue 19, decision 0031). */
describe('static assets', () => {
  let t: TestApp;
  const assets = fs.readdirSync(path.resolve('dist/web/assets'));
  const script = assets.find((f) => /^index-.*\.js$/.test(f));
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('sends brotli or gzip to a browser that accepts it, and the file itself to one that does not', async () => {
    const raw = fs.readFileSync(path.resolve('dist/web/assets', script ?? ''));
    const br = await t.app.inject({
      url: `/assets/${script}`,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(raw.length / 2);
    const gz = await t.app.inject({ url: `/assets/${script}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await t.app.inject({
      url: `/assets/${script}`,
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(raw)).toBe(true);
  });

  it('caches hashed files for a year and revalidates the page that names them', async () => {
    const asset = await t.app.inject({ url: `/assets/${script}` });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await t.app.inject({ url: '/analytics', headers: { 'accept-encoding': 'br' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(String(page.headers['content-type'])).toContain('text/html');
  });
});
