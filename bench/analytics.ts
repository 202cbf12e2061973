/**
 * Analytics benchmark (issue 4): 95th-percentile latency of the main dashboard request
 * (GET /api/analytics/dashboard over HTTP, signed in as the Fujian officer) against computing the
 * same numbers by GROUP BY on the raw rows in the same run (asserting they are equal); the time
 * to bring the figures up to date after importing one prefecture's month of injuries; the full
 * rebuild for comparison. BENCH_SCALE=demo|city|province (default province), BENCH_DB=postgres|pglite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { rebuildAnalytics } from '../src/modules/analytics/refresh.js';
import type { Domain } from '../src/modules/exchange/formats.js';
import { loadConfig } from '../src/platform/config.js';
import { type Database, type Db, openDatabase } from '../src/platform/db/client.js';
import { DEMO_PASSWORD, seedDemoData } from '../src/seed/demo.js';
import { generateDataset, type Scale } from '../src/seed/generate.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { adminQuery, withDatabase } from '../test/db-template.js';
import { percentile } from './common.js';
import { importFile } from './import.js';

const scale = (process.env.BENCH_SCALE ?? 'province') as Scale;
const ROUNDS = Number(process.env.BENCH_RUNS ?? 3);

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;

interface Options {
  countUnit: 'persons' | 'cases';
  groundScope: 'all' | 'determined' | 'production';
  denominator: 'insured' | 'paying';
}

const GROUND = {
  all: 'true',
  determined: "ground like '14-%'",
  production: "ground in ('14-1','14-2','14-3','14-4')",
};

/** The dashboard's numbers straight from the raw rows: the baseline the pre-aggregation must beat. */
async function rawDashboard(db: Db, scope: { path: string }, year: number, o: Options) {
  const depth = scope.path.split('/').length;
  const from = year - 5;
  const child = `case when j.path = '${scope.path}' then '' else split_part(j.path, '/', ${depth + 1}) end`;
  const inScope = `(j.path = '${scope.path}' or j.path like '${scope.path}/%')`;
  const g = GROUND[o.groundScope];
  // Persons and deaths are distinct persons within each area (decision 0014): counted per child and,
  // separately, for the whole scope (a person in two children is one person of the scope).
  const grouped = rowsOf(
    await db.execute(
      sql.raw(`
      with r as (
        select c.jurisdiction_id, c.id_number, extract(year from c.determined_on)::int as yr, c.is_death,
          c.fund_expenditure_fen, (${g}) as in_scope
        from injury_cases c
        where c.determined_on >= '${from}-01-01' and c.determined_on < '${year + 1}-01-01'
      )
      select ${child} as jk, yr, grouping(${child}) as whole, count(*) filter (where in_scope) as cases,
        count(distinct id_number) filter (where in_scope) as persons,
        count(distinct id_number) filter (where is_death and in_scope) as deaths, count(*) as cases_all,
        coalesce(sum(fund_expenditure_fen), 0) as fund
      from r join jurisdictions j on j.id = r.jurisdiction_id where ${inScope}
      group by grouping sets ((${child}, yr), (yr))`),
    ),
  );
  const injuries = grouped.filter((r) => Number(r.whole) === 0);
  const whole = grouped.filter((r) => Number(r.whole) === 1);
  const headcounts = rowsOf(
    await db.execute(
      sql.raw(`
      select ${child} as jk, h.year::int as yr, sum(h.average_insured) as insured, sum(h.average_paying) as paying
      from insured_headcounts h join organisations o on o.id = h.employer_id join jurisdictions j on j.id = o.jurisdiction_id
      where ${inScope} and h.year between ${from} and ${year} group by 1, 2`),
    ),
  );
  const accidents = rowsOf(
    await db.execute(
      sql.raw(`
      select extract(year from c.occurred_on)::int as yr, count(*) as n, sum(c.deaths) as deaths
      from safety_accidents c join jurisdictions j on j.id = c.jurisdiction_id
      where ${inScope} and c.occurred_on >= '${from}-01-01' and c.occurred_on < '${year + 1}-01-01' group by 1`),
    ),
  );
  const diseases = rowsOf(
    await db.execute(
      sql.raw(`
      select extract(year from c.diagnosed_on)::int as yr, count(*) as n, count(*) filter (where c.is_pneumoconiosis) as pneumo
      from disease_cases c join jurisdictions j on j.id = c.jurisdiction_id
      where ${inScope} and c.diagnosed_on >= '${from}-01-01' and c.diagnosed_on < '${year + 1}-01-01' group by 1`),
    ),
  );
  const fund = rowsOf(
    await db.execute(
      sql.raw(`
      select f.year::int as yr, sum(f.contribution_income_fen) as contribution, sum(f.prevention_fee_spent_fen) as prevention
      from fund_accounts f join jurisdictions j on j.id = f.jurisdiction_id
      where ${inScope} and f.year between ${from - 1} and ${year}
        and not exists (select 1 from fund_accounts f2 join jurisdictions j2 on j2.id = f2.jurisdiction_id
          where f2.year = f.year and j.path like j2.path || '/%' and (j2.path = '${scope.path}' or j2.path like '${scope.path}/%'))
      group by 1`),
    ),
  );
  const sum = (rows: Row[], key: string, filter: (r: Row) => boolean) =>
    rows.filter(filter).reduce((a, r) => a + Number(r[key]), 0);
  const num = o.countUnit === 'persons' ? 'persons' : 'cases';
  const den = o.denominator;
  const rate = (n: number, d: number, f: number) => (d > 0 ? (n / d) * f : null);
  const byYear = (y: number) => (r: Row) => Number(r.yr) === y;
  const trend = Array.from({ length: 6 }, (_, i) => from + i).map((y) =>
    rate(sum(whole, num, byYear(y)), sum(headcounts, den, byYear(y)), 1000),
  );
  // The scope's own level has no persons row of its own (persons are per area): not compared then.
  const childKeys = [...new Set(headcounts.concat(injuries).map((r) => String(r.jk)))]
    .filter((jk) => jk !== '' || o.countUnit === 'cases')
    .sort();
  const children = childKeys.map((jk) => ({
    jk,
    value: rate(
      sum(injuries, num, (r) => r.jk === jk && Number(r.yr) === year),
      sum(headcounts, den, (r) => r.jk === jk && Number(r.yr) === year),
      1000,
    ),
  }));
  const insured = sum(headcounts, 'insured', byYear(year));
  return {
    trend,
    children,
    headline: {
      fatality_rate_per_100k: rate(
        sum(whole, 'deaths', byYear(year)),
        sum(headcounts, den, byYear(year)),
        1e5,
      ),
      accident_count: sum(accidents, 'n', byYear(year)),
      disease_rate_per_100k: rate(sum(diseases, 'n', byYear(year)), insured, 1e5),
      fund_per_case: rate(sum(whole, 'fund', byYear(year)), sum(whole, 'cases_all', byYear(year)), 0.01),
      prevention_fee_share: rate(
        sum(fund, 'prevention', byYear(year)),
        sum(fund, 'contribution', byYear(year - 1)),
        100,
      ),
    },
  };
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

async function benchOne(kind: 'postgres' | 'pglite', files: string, work: string) {
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (kind === 'postgres') {
    const name = `yufang_bench_an_${process.pid}`;
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name) });
    drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    database = await openDatabase({ dataDir: path.join(work, `pglite-${Date.now()}`) });
  }
  const { db } = database;
  await database.migrate();
  await seedReferenceData(db);
  await seedDemoData(db);
  const app = await buildApp({ database, config: loadConfig({ webDir: '/nonexistent', uploadDir: work }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const loadStarted = performance.now();
    for (const domain of ['employers', 'headcounts', 'injuries', 'accidents', 'diseases', 'fund'] as Domain[])
      await importFile(database, domain, path.join(files, `${domain}.csv`), work, undefined);
    const loadMs = performance.now() - loadStarted;
    const rebuildStarted = performance.now();
    await rebuildAnalytics(db);
    const rebuildMs = performance.now() - rebuildStarted;
    const [cells] = rowsOf(await db.execute(sql`select count(*) as n from analytics_cells`));
    const [facts] = rowsOf(
      await db.execute(
        sql`select (select count(*) from injury_cases) as injuries, (select count(*) from insured_headcounts) as headcounts`,
      ),
    );
    const [{ year } = { year: 0 }] = rowsOf(
      await db.execute(sql`select max(year) as year from insured_headcounts`),
    );
    const Y = Number(year);

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'fujian', password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const scopes = rowsOf(
      await db.execute(
        sql`select code, path from jurisdictions where code = '350000' or (parent_id = (select id from jurisdictions where code = '350000'))`,
      ),
    ).map((r) => ({ code: String(r.code), path: String(r.path) }));
    const variants: Options[] = [
      { countUnit: 'cases', groundScope: 'all', denominator: 'insured' },
      { countUnit: 'persons', groundScope: 'production', denominator: 'paying' },
    ];
    const requests = scopes.flatMap((s) => variants.map((o) => ({ s, o })));
    const get = async (s: { code: string }, o: Options) => {
      const qs = new URLSearchParams({ jurisdiction: s.code, year: String(Y), ...o });
      const res = await fetch(`${base}/api/analytics/dashboard?${qs}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`dashboard ${res.status}: ${await res.text()}`);
      return res.json() as Promise<{
        main: { children: { row: string; value: number | null }[]; trend: { value: number | null }[] };
        headline: { code: string; value: number | null }[];
      }>;
    };
    for (const { s, o } of requests.slice(0, 4)) await get(s, o); // warm-up
    const cube: number[] = [];
    const raw: number[] = [];
    let compared = 0;
    let mismatches = 0;
    for (let round = 0; round < ROUNDS; round++)
      for (const { s, o } of requests) {
        let started = performance.now();
        const d = await get(s, o);
        cube.push(performance.now() - started);
        // The baseline is slow at province scale: it runs once per request, the dashboard ROUNDS times.
        if (round > 0) continue;
        started = performance.now();
        const r = await rawDashboard(db, s, Y, o);
        raw.push(performance.now() - started);
        // The same numbers: the trend, every child, and the headline figures the baseline computes.
        for (const [i, v] of r.trend.entries())
          mismatches += close(d.main.trend[i]?.value ?? null, v) ? 0 : 1;
        for (const c of r.children)
          mismatches += close(d.main.children.find((x) => x.row === c.jk)?.value ?? null, c.value) ? 0 : 1;
        for (const [code, v] of Object.entries(r.headline))
          mismatches += close(d.headline.find((h) => h.code === code)?.value ?? null, v) ? 0 : 1;
        compared++;
      }
    if (mismatches > 0)
      throw new Error(`${mismatches} figures differ between the dashboard and the raw GROUP BY`);

    // One prefecture's month of new injuries (福州市, June of the latest year), imported for real.
    const lines = fs.readFileSync(path.join(files, 'injuries.csv'), 'utf8').split('\n');
    const month = lines
      .slice(1)
      .filter((l) => {
        const c = l.split(',');
        return (c[2] ?? '').startsWith('3501') && (c[9] ?? '').startsWith(`${Y}-06`);
      })
      .map((l) => {
        const c = l.split(',');
        c[0] = `${c[0]}-补`;
        return c.join(',');
      });
    const monthFile = path.join(work, 'month.csv');
    fs.writeFileSync(monthFile, [lines[0], ...month].join('\n'));
    const monthImport = await importFile(database, 'injuries', monthFile, work);

    const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
    console.log(`\n### ${kind} (${scale} scale, ${os.cpus().length} cores, Node ${process.version})\n`);
    console.log(
      `Loaded ${facts?.injuries} determinations and ${facts?.headcounts} headcount rows in ${Math.round(loadMs / 1000)} s; full build of analytics_cells: ${Math.round(rebuildMs)} ms → ${cells?.n} cells.`,
    );
    console.log('\n| request | n | p50 ms | p95 ms |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(
      `| GET /api/analytics/dashboard (HTTP, pre-aggregated) | ${cube.length} | ${p(cube, 50)} | ${p(cube, 95)} |`,
    );
    console.log(
      `| the same numbers by GROUP BY on the raw rows | ${raw.length} | ${p(raw, 50)} | ${p(raw, 95)} |`,
    );
    console.log(
      `\nSpeed-up: ×${(percentile(raw, 50) / percentile(cube, 50)).toFixed(1)} at p50, ×${(percentile(raw, 95) / percentile(cube, 95)).toFixed(1)} at p95 (${requests.length} requests: Fujian and its ${scopes.length - 1} prefectures × 2 counting options; figures of ${compared} requests compared, all equal).`,
    );
    console.log(
      `\nOne prefecture's month (${monthImport.rows} determinations of 福州市, ${Y}-06): from the start of the import to figures up to date ${Math.round(monthImport.ms)} ms, of which the figures' refresh right after the commit ${monthImport.refreshMs} ms (${(monthImport.refreshMs / rebuildMs).toFixed(3)} of a full rebuild).`,
    );
  } finally {
    await app.close();
    await database.close();
    await drop?.();
  }
}

export async function benchAnalytics() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-bench-analytics-'));
  try {
    const files = path.join(work, 'data');
    const started = performance.now();
    await generateDataset({ scale, seed: 7, outDir: files });
    console.log(`\n## analytics (generated ${scale} scale in ${Math.round(performance.now() - started)} ms)`);
    const only = process.env.BENCH_DB;
    if (!only || only === 'postgres') await benchOne('postgres', files, work);
    if (!only || only === 'pglite') await benchOne('pglite', files, work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
