/**
 * Import benchmark (issue 3): validated import rows per second of the headcount and injury files,
 * as a ratio to a raw COPY of the same rows into the same table in the same run; peak resident
 * memory during the import; 99th-percentile latency of /api/health while an import runs, against
 * the same without. On PostgreSQL (a fresh database on $BENCH_DATABASE_URL's server) and on PGlite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { analyticsMergeListener } from '../src/modules/analytics/refresh.js';
import { type MergeListener, runImport } from '../src/modules/exchange/exchange.service.js';
import { exchangeBatches } from '../src/modules/exchange/exchange.tables.js';
import type { Domain } from '../src/modules/exchange/formats.js';
import { jurisdictions } from '../src/modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../src/modules/organisations/organisations.tables.js';
import { auditLog } from '../src/platform/audit/audit.tables.js';
import { loadConfig } from '../src/platform/config.js';
import { type Database, openDatabase } from '../src/platform/db/client.js';
import { JobQueue } from '../src/platform/jobs/queue.js';
import { seedDemoData } from '../src/seed/demo.js';
import { generateDataset, type Scale } from '../src/seed/generate.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { adminQuery, withDatabase } from '../test/db-template.js';

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
  const [audit] = await db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'exchange.commit'), eq(auditLog.targetId, String(done.id))));
  const timings = audit?.details as
    | { stageMs: number; mergeMs: number; mergeStepMs?: Record<string, number> }
    | undefined;
  if (timings?.mergeStepMs)
    console.error(`${domain} merge steps (ms): ${JSON.stringify(timings.mergeStepMs)}`);
  return {
    ms,
    rows: done.validRows,
    stageMs: timings?.stageMs ?? 0,
    mergeMs: timings?.mergeMs ?? 0,
    derivedMs: timings?.mergeStepMs?.derived ?? 0,
  };
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

async function sampleHealth(url: string, durationMs: number | (() => boolean)) {
  const latencies: number[] = [];
  const until = typeof durationMs === 'number' ? Date.now() + durationMs : 0;
  while (typeof durationMs === 'number' ? Date.now() < until : !durationMs()) {
    const started = performance.now();
    await fetch(url);
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 20));
  }
  latencies.sort((a, b) => a - b);
  return {
    p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    n: latencies.length,
  };
}

async function benchOne(kind: 'postgres' | 'pglite', files: string, work: string) {
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (kind === 'postgres') {
    const name = `yufang_bench_${process.pid}`;
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name) });
    drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    database = await openDatabase({ dataDir: path.join(work, 'pglite') });
  }
  await database.migrate();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
  const app = await buildApp({ database, config: loadConfig({ webDir: '/nonexistent', uploadDir: work }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const health = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/health`;
  try {
    await importFile(database, 'employers', path.join(files, 'employers.csv'), work);
    const idle = await sampleHealth(health, 3000);
    let peakRss = 0;
    let peakHeap = 0;
    let peakExternal = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapTotal);
      peakExternal = Math.max(peakExternal, m.external);
    }, 50);
    const baseRss = process.memoryUsage.rss();
    let importing = true;
    const busyHealth = sampleHealth(health, () => !importing);
    const headcounts = await importFile(database, 'headcounts', path.join(files, 'headcounts.csv'), work);
    const injuries = await importFile(database, 'injuries', path.join(files, 'injuries.csv'), work);
    importing = false;
    clearInterval(sampler);
    const busy = await busyHealth;
    const copyHeadcounts = await rawCopy(database, 'insured_headcounts', [
      'employer_id',
      'year',
      'average_insured',
      'average_paying',
      'employees',
      'batch_id',
      'batch_line',
    ]);
    const copyInjuries = await rawCopy(database, 'injury_cases', [
      'case_no',
      'employer_id',
      'jurisdiction_id',
      'id_number',
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
    ]);
    const rate = (x: { ms: number; rows: number }) => x.rows / (x.ms / 1000);
    console.log(`\n### ${kind} (${scale} scale, ${os.cpus().length} cores, Node ${process.version})\n`);
    console.log(
      '| file | rows | validated import rows/s | raw COPY rows/s | ratio | ratio without the analytics refresh | reading the file (and merging chunks on PostgreSQL) ms | rest of the transaction ms | of which analytics refresh ms |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, imported, copied] of [
      ['headcounts', headcounts, copyHeadcounts],
      ['injuries', injuries, copyInjuries],
    ] as const) {
      console.log(
        `| ${name} | ${imported.rows} | ${Math.round(rate(imported))} | ${Math.round(rate(copied))} | ${(rate(imported) / rate(copied)).toFixed(2)} | ${(rate({ rows: imported.rows, ms: imported.ms - imported.derivedMs }) / rate(copied)).toFixed(2)} | ${imported.stageMs} | ${imported.mergeMs} | ${imported.derivedMs} |`,
      );
    }
    console.log(
      `\nPeak RSS of the process during the two imports: ${Math.round(peakRss / 2 ** 20)} MiB (${Math.round((peakRss - baseRss) / 2 ** 20)} MiB above the ${Math.round(baseRss / 2 ** 20)} MiB before); the server thread's V8 heap at most ${Math.round(peakHeap / 2 ** 20)} MiB, its external memory ${Math.round(peakExternal / 2 ** 20)} MiB (the rest is the worker thread's heap and native memory${kind === 'pglite' ? ', PGlite among it' : ''}).`,
    );
    console.log(
      `/api/health p99: ${busy.p99.toFixed(1)} ms during the import (p50 ${busy.p50.toFixed(1)}, n=${busy.n}) vs ${idle.p99.toFixed(1)} ms idle (p50 ${idle.p50.toFixed(1)}, n=${idle.n}): ×${(busy.p99 / Math.max(idle.p99, 0.001)).toFixed(1)}`,
    );
  } finally {
    await app.close();
    await database.close();
    await drop?.();
  }
}

export async function benchImport() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-bench-import-'));
  try {
    const files = path.join(work, 'data');
    const started = performance.now();
    const summary = await generateDataset({ scale, seed: 7, outDir: files });
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
