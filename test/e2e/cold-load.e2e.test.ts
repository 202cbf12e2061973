import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers.js';
import { type BrowserApp, hasChromium, resultsDir, startBrowserApp } from './browser.js';

/**
 * Cold and warm loads of the sign-in page and of 指标分析 (docs/PERFORMANCE.md): bytes on the wire
 * and time to a settled page, unthrottled and on an emulated 10 Mbit/s, 40 ms link. A measurement,
 * not a timed assertion: run with YF_COLD_LOAD=1; it prints a table and writes
 * test-results/cold-load.json.
 */
describe.skipIf(!hasChromium || !process.env.YF_COLD_LOAD)('cold load of the web UI', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => app?.close());

  async function load(context: BrowserContext, url: string, throttled: boolean) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (throttled)
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 40,
        downloadThroughput: (10 * 1024 * 1024) / 8,
        uploadThroughput: (10 * 1024 * 1024) / 8,
      });
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      sizes.push(
        request
          .sizes()
          .then((s) => s.responseBodySize + s.responseHeadersSize)
          .catch(() => 0),
      );
    });
    const started = performance.now();
    await page.goto(`${app.baseUrl}${url}`, { waitUntil: 'networkidle' });
    const ms = performance.now() - started;
    const all = await Promise.all(sizes);
    const bytes = all.reduce((a, b) => a + b, 0);
    const requests = all.length;
    await page.close();
    return { bytes, requests, ms: Math.round(ms) };
  }

  it('measures', async () => {
    const rows: Record<string, unknown>[] = [];
    for (const throttled of [false, true]) {
      for (const [name, url, signedIn] of [
        ['sign-in', '/login', false],
        ['指标分析', '/analytics', true],
      ] as const) {
        const runs = [];
        for (let i = 0; i < 3; i++) {
          const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
          if (signedIn) {
            const res = await context.request.post(`${app.baseUrl}/api/auth/login`, {
              data: { username: 'fujian', password: DEMO_PASSWORD },
            });
            expect(res.status()).toBe(200);
          }
          const cold = await load(context, url, throttled);
          const warm = await load(context, url, throttled);
          runs.push({ cold, warm });
          await context.close();
        }
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
        rows.push({
          page: name,
          link: throttled ? '10 Mbit/s, 40 ms' : 'loopback',
          coldKB: Math.round((median(runs.map((r) => r.cold.bytes)) ?? 0) / 1024),
          coldMs: median(runs.map((r) => r.cold.ms)),
          coldMsSpread: runs.map((r) => r.cold.ms).join('/'),
          warmKB: Math.round((median(runs.map((r) => r.warm.bytes)) ?? 0) / 1024),
          warmMs: median(runs.map((r) => r.warm.ms)),
          requests: runs[0]?.cold.requests,
        });
      }
    }
    console.table(rows);
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, 'cold-load.json'), JSON.stringify(rows, null, 2));
    expect(rows).toHaveLength(4);
  }, 240_000);
});
