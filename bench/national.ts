/**
 * National-scale simulation (issue 20, decision 0018): provinces of generated data loaded one after
 * another into one PostgreSQL database through the real import pipeline (each province's files
 * submitted by that province, the figures refreshed after each commit as in production), and after
 * each province: the dashboard's latency over HTTP (the nation as a national officer, every loaded
 * province, the latest province's prefectures; two counting options; BENCH_RUNS rounds) and one
 * prefecture's month of new determinations imported for real (import → figures current). Results are
 * printed and appended to BENCH_OUT after every province, so a run stopped by its timebox still
 * reports the largest scale it measured.
 *
 * BENCH_PROVINCES (default: the provinces the reference data serves by default, 35 and 22; the
 * list is loaded as the PROVINCES setting would load it), BENCH_EMPLOYERS per province (default 720,000: about
 * 5,000,000 headcount rows each over the generator's years), BENCH_DATABASE_URL (server).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { analyticsMergeListener } from '../src/modules/analytics/refresh.js';
import { runImport } from '../src/modules/exchange/exchange.service.js';
import { exchangeBatches } from '../src/modules/exchange/exchange.tables.js';
import type { Domain } from '../src/modules/exchange/formats.js';
import { PROVINCES as SERVED_PROVINCES } from '../src/modules/jurisdictions/jurisdictions.data.js';
import { jurisdictions } from '../src/modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../src/modules/organisations/organisations.tables.js';
import { users } from '../src/modules/users/users.tables.js';
import { hashPassword } from '../src/platform/auth/password.js';
import { loadConfig } from '../src/platform/config.js';
import { type Database, openDatabase } from '../src/platform/db/client.js';
import { rowsOf } from '../src/platform/db/rows.js';
import { JobQueue } from '../src/platform/jobs/queue.js';
import { DEMO_PASSWORD, seedDemoData } from '../src/seed/demo.js';
import { generateDataset } from '../src/seed/generate.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { adminQuery, withDatabase } from '../test/db-template.js';
import { percentile } from './common.js';

const PROVINCES = process.env.BENCH_PROVINCES?.split(',') ?? [...SERVED_PROVINCES];
const EMPLOYERS = Number(process.env.BENCH_EMPLOYERS ?? 720_000);
const ROUNDS = Number(process.env.BENCH_RUNS ?? 3);
const OUT = process.env.BENCH_OUT ?? path.join(os.tmpdir(), 'yufang-national.md');
const DOMAINS: Domain[] = ['employers', 'headcounts', 'injuries', 'accidents', 'diseases', 'fund'];

function report(line: string) {
  console.log(line);
  fs.appendFileSync(OUT, `${line}\n`);
}

/** Imports one file as submitted by the province (its scope), through the real pipeline. */
async function importAs(database: Database, provinceCode: string, domain: Domain, file: string, dir: string) {
  const { db } = database;
  const [org] = await db.select({ id: organisations.id }).from(organisations).limit(1);
  const [province] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, provinceCode));
  const [batch] = await db
    .insert(exchangeBatches)
    .values({
      domain,
      organisationId: org?.id as number,
      jurisdictionId: province?.id as number,
      submittedBy: 'bench',
      channel: 'api',
      fileName: path.basename(file),
      format: 'csv',
      encoding: 'utf-8',
      fileBytes: fs.statSync(file).size,
      sha256: `bench-national-${provinceCode}-${domain}-${Date.now()}`,
      status: 'queued',
    })
    .returning({ id: exchangeBatches.id });
  const runtime = {
    database,
    config: { uploadDir: dir },
    queue: new JobQueue(() => undefined),
    mergeListener: analyticsMergeListener,
  };
  const started = performance.now();
  // runImport deletes its file when done: the generated file is not needed afterwards.
  await runImport(runtime, batch?.id as number, file);
  const ms = performance.now() - started;
  const [done] = await db
    .select()
    .from(exchangeBatches)
    .where(eq(exchangeBatches.id, batch?.id as number));
  if (done?.status !== 'committed')
    throw new Error(`import of ${domain} ended ${done?.status}: ${done?.error}`);
  return { ms, rows: done.validRows };
}

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `yufang_bench_national_${process.pid}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name) });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-bench-national-'));
  const { db } = database;
  await database.migrate();
  await seedReferenceData(db, { provinces: PROVINCES });
  await seedDemoData(db);
  // A national officer: the ministry's view over every loaded province.
  const [nation] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, '100000'));
  await db.insert(users).values({
    username: 'nation',
    passwordHash: await hashPassword(DEMO_PASSWORD),
    displayName: '人社部工伤保险司',
    role: 'hrss_officer',
    jurisdictionId: nation?.id as number,
  });
  const app = await buildApp({
    database,
    config: loadConfig({ webDir: '/nonexistent', uploadDir: work }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // Signed in afresh before each province's rounds: loading a province takes longer than the
  // session's idle timeout (30 minutes by default).
  const signIn = async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nation', password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`sign-in ${login.status}: ${await login.text()}`);
    return (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  };
  report(
    `\n## national simulation (${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}, ${EMPLOYERS} employers a province)\n`,
  );
  try {
    const loaded: string[] = [];
    for (const [i, province] of PROVINCES.entries()) {
      const files = path.join(work, `p${province}`);
      let started = performance.now();
      await generateDataset({
        scale: 'province',
        province,
        employers: EMPLOYERS,
        seed: 11 + i,
        outDir: files,
      });
      const generateMs = performance.now() - started;
      const imports: Record<string, { ms: number; rows: number }> = {};
      // Keep the determinations for the month's re-import below; the pipeline deletes what it imports.
      const injuriesCopy = path.join(work, `injuries-${province}.csv`);
      fs.copyFileSync(path.join(files, 'injuries.csv'), injuriesCopy);
      for (const domain of DOMAINS)
        imports[domain] = await importAs(
          database,
          `${province}0000`,
          domain,
          path.join(files, `${domain}.csv`),
          work,
        );
      fs.rmSync(files, { recursive: true, force: true });
      loaded.push(province);
      const [facts] = rowsOf(
        await db.execute(
          sql`select (select count(*) from insured_headcounts)::bigint as headcounts, (select count(*) from injury_cases)::bigint as injuries, (select count(*) from organisations)::bigint as employers, (select count(*) from analytics_cells)::bigint as cells, pg_database_size(current_database())::bigint as bytes`,
        ),
      );
      const [{ year } = { year: 0 }] = rowsOf(
        await db.execute(sql`select max(year) as year from insured_headcounts`),
      );
      const Y = Number(year);

      // Dashboard: the nation, every loaded province, the latest province's prefectures.
      const prefectures = rowsOf(
        await db.execute(
          sql`select code from jurisdictions where parent_id = (select id from jurisdictions where code = ${`${province}0000`}) and level = 'prefecture'`,
        ),
      ).map((r) => String(r.code));
      const scopes = ['100000', ...loaded.map((p) => `${p}0000`), ...prefectures];
      const variants = [
        { countUnit: 'cases', groundScope: 'all', denominator: 'insured' },
        { countUnit: 'persons', groundScope: 'production', denominator: 'paying' },
      ];
      const cookie = await signIn();
      const get = async (code: string, o: Record<string, string>) => {
        const qs = new URLSearchParams({ jurisdiction: code, year: String(Y), ...o });
        const t0 = performance.now();
        const res = await fetch(`${base}/api/analytics/dashboard?${qs}`, { headers: { cookie } });
        if (!res.ok) throw new Error(`dashboard ${code} ${res.status}: ${await res.text()}`);
        await res.json();
        return performance.now() - t0;
      };
      for (const code of scopes.slice(0, 3)) await get(code, variants[0] as Record<string, string>);
      const nationMs: number[] = [];
      const all: number[] = [];
      for (let round = 0; round < ROUNDS; round++)
        for (const code of scopes)
          for (const o of variants) {
            const ms = await get(code, o);
            all.push(ms);
            if (code === '100000') nationMs.push(ms);
          }

      // One prefecture's month of new determinations (the province's capital, June of the latest year).
      const capital = prefectures[0] ?? `${province}0100`;
      const lines = fs.readFileSync(injuriesCopy, 'utf8').split('\n');
      const month = lines
        .slice(1)
        .filter((l) => {
          const c = l.split(',');
          return (c[2] ?? '').startsWith(capital.slice(0, 4)) && (c[9] ?? '').startsWith(`${Y}-06`);
        })
        .map((l) => {
          const c = l.split(',');
          c[0] = `${c[0]}-补`;
          return c.join(',');
        });
      fs.rmSync(injuriesCopy);
      const monthFile = path.join(work, 'month.csv');
      fs.writeFileSync(monthFile, [lines[0], ...month].join('\n'));
      started = performance.now();
      const monthImport = await importAs(database, `${province}0000`, 'injuries', monthFile, work);
      const [refresh] = rowsOf(
        await db.execute(
          sql`select details->>'ms' as ms from audit_log where action = 'analytics.refresh' order by id desc limit 1`,
        ),
      );
      const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
      report(
        `| ${loaded.length} (${loaded.join(', ')}) | ${Number(facts?.employers).toLocaleString('en')} | ${Number(facts?.headcounts).toLocaleString('en')} | ${Number(facts?.injuries).toLocaleString('en')} | ${Number(facts?.cells).toLocaleString('en')} | ${(Number(facts?.bytes) / 2 ** 30).toFixed(1)} GiB | ${all.length} | ${p(all, 50)} | ${p(all, 95)} | ${p(nationMs, 95)} | ${monthImport.rows} in ${(monthImport.ms / 1000).toFixed(1)} s, refresh ${refresh?.ms} ms |`,
      );
      report(
        `  - province ${province}: generated in ${Math.round(generateMs / 1000)} s; imports (s): ${Object.entries(
          imports,
        )
          .map(([d, r]) => `${d} ${r.rows} rows ${(r.ms / 1000).toFixed(0)}`)
          .join(', ')}`,
      );
    }
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(work, { recursive: true, force: true });
    if (!process.env.BENCH_KEEP) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

export async function benchNational() {
  report(
    '| provinces | organisations | headcount rows | determinations | analytics cells | database | dashboard n | p50 ms | p95 ms | nation p95 ms | one prefecture month: import → figures current |',
  );
  report('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  await main();
}
