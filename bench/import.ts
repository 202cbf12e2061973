/**
 * Import benchmark (issue 3): validated import rows per second of the headcount and injury files,
 * as a ratio to a raw COPY of the same rows into the same table in the same run; peak resident
 * memory of the server process during the import; 99th-percentile latency of /api/health while
 * an import runs, against the same without. The server is the real one (`src/cli.ts serve`) in a
 * process of its own, fed over HTTP as the Fujian officer; the baseline COPY runs here once it has
 * stopped. On PostgreSQL (a fresh database on $BENCH_DATABASE_URL's server) and on PGlite.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { analyticsMergeListener } from '../src/modules/analytics/refresh.js';
import { type MergeListener, runImport } from '../src/modules/exchange/exchange.service.js';
import { exchangeBatches } from '../src/modules/exchange/exchange.tables.js';
import type { Domain } from '../src/modules/exchange/formats.js';
import { jurisdictions } from '../src/modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../src/modules/organisations/organisations.tables.js';
import { auditLog } from '../src/platform/audit/audit.tables.js';
import { type Database, openDatabase } from '../src/platform/db/client.js';
import { JobQueue } from '../src/platform/jobs/queue.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { generateDataset, type Scale } from '../src/seed/generate.js';
import { adminQuery, withDatabase } from '../test/db-template.js';
import { percentile, waitForHealth } from './common.js';

const scale = (process.env.BENCH_SCALE ?? 'city') as Scale;

/** Imports one file as Fujian's HRSS department through the real pipeline (merge listener included). */
export async function importFile(
  database: Database,
  domain: Domain,
  file: string,
  dir: string,
  mergeListener: MergeListener | undefined = analyticsMergeListener,
) {
  const { db } = database;
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '福建省人力资源和社会保障厅'));
  const [province] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, '350000'));
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
      sha256: `bench-${domain}-${Date.now()}`,
      status: 'queued',
    })
    .returning({ id: exchangeBatches.id });
  // runImport deletes its file when done: hand it a copy.
  const copy = path.join(dir, `copy-${domain}.csv`);
  fs.copyFileSync(file, copy);
  const runtime = {
    database,
    config: { uploadDir: dir },
    queue: new JobQueue(() => undefined),
    mergeListener,
  };
  const started = performance.now();
  await runImport(runtime, batch?.id as number, copy);
  const ms = performance.now() - started;
  const [done] = await db
    .select()
    .from(exchangeBatches)
    .where(eq(exchangeBatches.id, batch?.id as number));
  if (done?.status !== 'committed')
    throw new Error(`import of ${domain} ended ${done?.status}: ${done?.error}`);
  const timings = await batchTimings(database, done.id);
  if (Object.keys(timings.steps).length > 0)
    console.error(`${domain} merge steps (ms): ${JSON.stringify(timings.steps)}`);
  // ms: until runImport returned, i.e. committed and the figures refreshed.
  return { ms, rows: done.validRows, ...timings };
}

/** Time to COPY the table's current rows back into it (the raw-load baseline for the same rows). */
async function rawCopy(database: Database, table: string, columns: string[]) {
  const { db } = database;
  const result = await db.execute(
    sql.raw(`select ${columns.map((c) => `${c}::text as "${c}"`).join(', ')} from ${table}`),
  );
  const rows = (result as unknown as { rows: Record<string, string | null>[] }).rows.map((r) =>
    columns.map((c) => r[c] ?? null),
  );
  await db.execute(sql.raw(`truncate ${table}`));
  const started = performance.now();
  for (let i = 0; i < rows.length; i += 50_000)
    await database.copyRows(table, columns, rows.slice(i, i + 50_000));
  return { ms: performance.now() - started, rows: rows.length };
}

const PORT = 3991;
const ROOT = path.resolve(import.meta.dirname, '..');
const FACT_COLUMNS = {
  headcounts: {
    table: 'insured_headcounts',
    columns: [
      'employer_id',
      'year',
      'average_insured',
      'average_paying',
      'employees',
      'batch_id',
      'batch_line',
    ],
  },
  injuries: {
    table: 'injury_cases',
    columns: [
      'case_no',
      'employer_id',
      'jurisdiction_id',
      'id_number',
      'id_number_index',
      'person_name',
      'sex',
      'birth_date',
      'post',
      'occurred_on',
      'determined_on',
      'ground',
      'accident_category',
      'severity',
      'disability_grade',
      'is_death',
      'fund_expenditure_fen',
      'batch_id',
      'batch_line',
    ],
  },
} as const;

/** Resident set now and its peak since the last reset, of one process (Linux /proc), in bytes. */
function memoryOf(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kB('VmRSS'), peak: kB('VmHWM') };
}

/** Resets the process's peak resident set (VmHWM) to its current one (Linux ≥ 4.0, clear_refs 5). */
function resetPeak(pid: number) {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/**
 * /api/health latencies, one request every 20 ms, until `until()` is true. A request that fails
 * (connection reset, refused) is counted, not timed.
 */
async function sampleHealth(url: string, until: () => boolean) {
  const latencies: number[] = [];
  let failed = 0;
  while (!until()) {
    const started = performance.now();
    const ok = await fetch(url).then(
      async (r) => {
        await r.arrayBuffer();
        return r.ok;
      },
      () => false,
    );
    if (ok) latencies.push(performance.now() - started);
    else failed++;
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.reduce((a, b) => Math.max(a, b), 0),
    n: latencies.length,
    failed,
  };
}

interface Server {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `src/cli.ts serve --demo` in a process of its own (one node process: tsx as a loader). */
async function startServer(env: Record<string, string | undefined>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORT}`;
  const exited = new Promise((r) => child.once('exit', r));
  await waitForHealth(`${base}/api/health`, child, 600_000);
  return {
    base,
    pid: child.pid as number,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(base: string): Promise<Session> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'fujian', password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** GET as the signed-in officer; a reset connection is tried again (the health sampler counts those). */
async function getJson(server: Server, session: Session, url: string): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (await fetch(`${server.base}${url}`, { headers: { cookie: session.cookie } })).json();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

interface Submitted {
  batchId: number;
  rows: number;
  /** From the start of the import to its commit (the batch's startedAt → finishedAt). */
  ms: number;
  /** Resident set and /api/health are watched until the figures' refresh after the commit is done. */
  rssBefore: number;
  peakRss: number;
  health: Awaited<ReturnType<typeof sampleHealth>>;
}

/**
 * Uploads a file over HTTP as the Fujian officer and waits for its batch to commit, watching the
 * server process's resident set (peak reset first) and /api/health meanwhile.
 */
async function submitFile(
  server: Server,
  session: Session,
  domain: Domain,
  file: string,
): Promise<Submitted> {
  resetPeak(server.pid);
  const rssBefore = memoryOf(server.pid).rss;
  let sampledPeak = rssBefore;
  let done = false;
  const health = sampleHealth(`${server.base}/api/health`, () => {
    sampledPeak = Math.max(sampledPeak, memoryOf(server.pid).rss);
    return done;
  });
  try {
    const res = await fetch(
      `${server.base}/api/exchange/batches?domain=${domain}&fileName=${encodeURIComponent(path.basename(file))}`,
      {
        method: 'POST',
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'content-type': 'application/octet-stream',
        },
        body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
        duplex: 'half',
      } as RequestInit,
    );
    if (res.status !== 202) throw new Error(`submitting ${domain}: ${res.status} ${await res.text()}`);
    const { batch: submitted } = (await res.json()) as { batch: { id: number } };
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      const batch = (await getJson(server, session, `/api/exchange/batches/${submitted.id}`)) as {
        status: string;
        error: string | null;
        validRows: number;
        startedAt: string;
        finishedAt: string;
      };
      if (batch.status === 'failed') throw new Error(`import of ${domain} failed: ${batch.error}`);
      if (batch.status === 'committed') {
        // The figures are refreshed right after the commit: wait for that too (its audit record).
        for (;;) {
          const audit = (await getJson(
            server,
            session,
            `/api/audit?action=analytics.refresh&targetId=${submitted.id}`,
          )) as { items: unknown[] };
          if (audit.items.length > 0) break;
          await new Promise((r) => setTimeout(r, 250));
        }
        done = true;
        return {
          batchId: submitted.id,
          rows: batch.validRows,
          ms: Date.parse(batch.finishedAt) - Date.parse(batch.startedAt),
          rssBefore,
          peakRss: Math.max(sampledPeak, memoryOf(server.pid).peak),
          health: await health,
        };
      }
    }
  } finally {
    done = true;
  }
}

/**
 * The audit records of a batch: where its time went up to the commit (exchange.commit), and how
 * long the analytics refresh right after it took (analytics.refresh).
 */
async function batchTimings(database: Database, batchId: number) {
  const details = async (action: string) => {
    const [audit] = await database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(batchId))));
    return audit?.details as Record<string, unknown> | undefined;
  };
  const commit = (await details('exchange.commit')) as
    | { stageMs: number; mergeMs: number; mergeStepMs?: Record<string, number> }
    | undefined;
  const refresh = (await details('analytics.refresh')) as { ms: number } | undefined;
  return {
    stageMs: commit?.stageMs ?? 0,
    mergeMs: commit?.mergeMs ?? 0,
    steps: commit?.mergeStepMs ?? {},
    refreshMs: refresh?.ms ?? 0,
  };
}

async function benchOne(kind: 'postgres' | 'pglite', files: string, work: string) {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `yufang_bench_${process.pid}`;
  const databaseUrl = withDatabase(serverUrl, name);
  const dataDir = path.join(work, `pglite-${process.pid}`);
  if (kind === 'postgres') {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  }
  const env =
    kind === 'postgres' ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '', YUFANG_DATA_DIR: dataDir };
  const server = await startServer({
    ...env,
    YUFANG_UPLOAD_DIR: path.join(work, 'uploads'),
    YUFANG_WEB_DIR: '/nonexistent',
  });
  let database: Database | undefined;
  try {
    const session = await signIn(server.base);
    if (kind === 'pglite') {
      // The bench measures the embedded mode past its file limit (0016): the health probe's max
      // below is how long a request waits during such an import.
      const res = await fetch(`${server.base}/api/settings/350000/exchange.embeddedLimit`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify({ value: { maxRows: 100_000_000 }, reason: 'import benchmark' }),
      });
      if (!res.ok) throw new Error(`raising the embedded limit failed: ${res.status} ${await res.text()}`);
    }
    await submitFile(server, session, 'employers', path.join(files, 'employers.csv'));
    let idleDone = false;
    setTimeout(() => {
      idleDone = true;
    }, 3000);
    const idle = await sampleHealth(`${server.base}/api/health`, () => idleDone);
    const headcounts = await submitFile(server, session, 'headcounts', path.join(files, 'headcounts.csv'));
    const injuries = await submitFile(server, session, 'injuries', path.join(files, 'injuries.csv'));
    await server.stop();
    // The server is gone: the raw COPY baseline runs here, on the same database.
    database = await openDatabase(kind === 'postgres' ? { databaseUrl } : { dataDir });
    const results = [];
    for (const [file, imported] of [
      ['headcounts', headcounts],
      ['injuries', injuries],
    ] as const) {
      const timings = await batchTimings(database, imported.batchId);
      console.error(`${file} merge steps (ms): ${JSON.stringify(timings.steps)}`);
      const copied = await rawCopy(database, FACT_COLUMNS[file].table, [...FACT_COLUMNS[file].columns]);
      results.push({ file, imported, timings, copied });
    }
    const rate = (x: { ms: number; rows: number }) => x.rows / (x.ms / 1000);
    const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
    console.log(`\n### ${kind} (${scale} scale, ${os.cpus().length} cores, Node ${process.version})\n`);
    console.log(
      '| file | rows | validated import rows/s (start → commit) | raw COPY rows/s | ratio | reading the file (and merging chunks on PostgreSQL) ms | rest of the transaction ms | figures refreshed after the commit ms | ratio if the refresh counted |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const { file, imported, timings, copied } of results) {
      const withRefresh = { rows: imported.rows, ms: imported.ms + timings.refreshMs };
      console.log(
        `| ${file} | ${imported.rows} | ${Math.round(rate(imported))} | ${Math.round(rate(copied))} | ${(rate(imported) / rate(copied)).toFixed(2)} | ${timings.stageMs} | ${timings.mergeMs} | ${timings.refreshMs} | ${(rate(withRefresh) / rate(copied)).toFixed(2)} |`,
      );
    }
    console.log(
      '\n| file | server RSS before MiB | peak RSS during the import MiB | peak MB | /api/health p50 ms | p99 ms | max ms | n | failed | p99 idle ms | × idle |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const { file, imported } of results) {
      const h = imported.health;
      console.log(
        `| ${file} | ${mib(imported.rssBefore)} | ${mib(imported.peakRss)} | ${Math.round(imported.peakRss / 1e6)} | ${h.p50.toFixed(1)} | ${h.p99.toFixed(1)} | ${Math.round(h.max)} | ${h.n} | ${h.failed} | ${idle.p99.toFixed(1)} | ${(h.p99 / Math.max(idle.p99, 0.001)).toFixed(1)} |`,
      );
    }
  } finally {
    await server.stop();
    await database?.close();
    if (kind === 'postgres') await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

export async function benchImport() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-bench-import-'));
  try {
    const files = process.env.BENCH_DATA_DIR ?? path.join(work, 'data');
    const started = performance.now();
    // BENCH_DATA_DIR: a folder the generator already wrote (same scale, seed 7), to save its time.
    const given = process.env.BENCH_DATA_DIR;
    const summary = given
      ? { files: fs.readdirSync(given) }
      : await generateDataset({ scale, seed: 7, outDir: files });
    console.log(
      `\n## import (generated ${scale} scale in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(summary.files)})`,
    );
    const only = process.env.BENCH_DB;
    if (!only || only === 'postgres') await benchOne('postgres', files, work);
    if (!only || only === 'pglite') await benchOne('pglite', files, work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
