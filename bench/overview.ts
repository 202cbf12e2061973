/**
 * Overview screen benchmark (issue 18, AN-7): GET /api/overview for the Fujian officer on the demo
 * data, against GET /api/analytics/dashboard (the baseline) in the same run, both through the real
 * app (`inject`: session, permission, zod, JSON). Warm: the answer caches hold (the screen between
 * two imports). Cold: the analytics version moves before every request (as after each import), so
 * both compute afresh. Plus the version poll. BENCH_RUNS rounds of BENCH_SAMPLES requests each.
 * PGlite in a temporary directory (DATABASE_URL / BENCH_DATABASE_URL: PostgreSQL instead).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { rebuildAnalytics, refreshQueued } from '../src/modules/analytics/refresh.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/client.js';
import { DEMO_PASSWORD, seedDemoData } from '../src/seed/demo.js';
import { seedDemoExchangeData } from '../src/seed/demo-exchange.js';

import { seedReferenceData } from '../src/seed/reference.js';
import { percentile } from './common.js';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const COLD_SAMPLES = Number(process.env.BENCH_COLD_SAMPLES ?? 20);

export async function benchOverview() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-bench-overview-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: path.join(work, 'pglite') });
  const { db } = database;
  try {
    const started = performance.now();
    await database.migrate();
    await seedReferenceData(db);
    await seedDemoData(db);
    await seedDemoExchangeData(database);
    await rebuildAnalytics(db);
    await refreshQueued(db);
    console.error(`demo data ready in ${Math.round(performance.now() - started)} ms`);
    const config = loadConfig({ isDemo: true, webDir: '/nonexistent', rateLimitPerMinute: 1_000_000 });
    const app = await buildApp({ database, config });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fujian', password: DEMO_PASSWORD },
    });
    const cookie = `yf_session=${login.cookies.find((c) => c.name === 'yf_session')?.value}`;
    const get = async (url: string) => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      const ms = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return ms;
    };
    const routes = {
      'GET /api/analytics/dashboard (baseline)': '/api/analytics/dashboard?jurisdiction=350000',
      'GET /api/overview': '/api/overview?jurisdiction=350000',
      'GET /api/overview/version': '/api/overview/version?jurisdiction=350000',
    };
    const rows: { label: string; mode: string; times: number[] }[] = [];
    for (const [label, url] of Object.entries(routes)) {
      await get(url); // fill the caches
      const warm: number[] = [];
      for (let i = 0; i < SAMPLES; i++) warm.push(await get(url));
      rows.push({ label, mode: 'warm', times: warm });
      if (label.includes('version')) continue;
      const cold: number[] = [];
      for (let i = 0; i < COLD_SAMPLES; i++) {
        // What an import's commit does to the caches (decision 0015).
        await db.execute(sql`update analytics_version set version = version + 1 where id = 1`);
        cold.push(await get(url));
      }
      rows.push({ label, mode: 'cold (after each version bump)', times: cold });
    }
    const baseline = (mode: string) =>
      percentile(rows.find((r) => r.label.includes('baseline') && r.mode === mode)?.times ?? [], 95);
    console.log(
      `\n## overview (${os.cpus().length} cores, Node ${process.version}, ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, demo data)\n`,
    );
    console.log('| route | caches | requests | p50 ms | p95 ms | p95 × dashboard |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      const p95 = percentile(r.times, 95);
      const base = baseline(r.mode) || baseline('warm');
      console.log(
        `| ${r.label} | ${r.mode} | ${r.times.length} | ${percentile(r.times, 50).toFixed(1)} | ${p95.toFixed(1)} | ${(p95 / base).toFixed(2)} |`,
      );
    }
    await app.close();
  } finally {
    await database.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
