/**
 * risk: recomputing the enterprise risk index (AN-5, decision 0035) after a prefecture's monthly
 * import — only the employers the batch touched, as the merge listener does after a commit (queue
 * the employer-years, then `recomputeQueuedRisk` with the stored credibility fit) — against a full
 * recomputation of every employer of the year (refitting the credibility, with its three-year
 * fallback), in the same run (issue 18). The synthetic province is the cross-checks bench's
 * (bench/crosschecks.ts: BENCH_EMPLOYERS insured employers over Fujian's counties, default 20,000,
 * headcounts 2023–2025, about one injury per ten employer-years, accidents, diagnoses); the "monthly
 * import" is a month of Fuzhou's injury determinations of December 2025 written as one batch's rows
 * (not through the file pipeline: the import's own cost is in bench/import.ts). The index year is
 * 2025. Median of BENCH_RUNS (3), with every run printed. BENCH_DATABASE_URL runs it on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import {
  queueRiskRecompute,
  recomputeQueuedRisk,
  recomputeRiskScores,
} from '../src/modules/risk/risk.service.js';
import { type Database, openDatabase } from '../src/platform/db/client.js';
import { rowsOf } from '../src/platform/db/rows.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { adminQuery, withDatabase } from '../test/db-template.js';
import { generate } from './crosschecks.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EMPLOYERS = Number(process.env.BENCH_EMPLOYERS ?? 20_000);
const YEAR = 2025;
const NOW = new Date('2026-12-07T02:00:00Z');

/** A month of Fuzhou's injury determinations (December 2025), as one batch's rows: a twelfth of its employers. */
async function importMonth(database: Database, batchId: number) {
  await database.db.execute(sql`
    insert into injury_cases (case_no, employer_id, jurisdiction_id, id_number, id_number_index, person_name, sex, birth_date,
      occurred_on, determined_on, ground, severity, is_death, fund_expenditure_fen, batch_id)
    select 'RM' || ${batchId} || '-' || e.g, e.id, e.jurisdiction_id, 'R' || ${batchId} || '-' || e.g, 'R' || ${batchId} || '-' || e.g,
      '测试', 'male', date '1980-01-01', date '2025-11-01' + (e.g % 28)::int, date '2025-12-15', '14-1',
      case when e.g % 5 = 0 then 'serious' else 'minor' end, false, 0, ${batchId}
    from bench_employers e join jurisdictions j on j.id = e.jurisdiction_id
    where j.path like '100000/350000/350100/%' and e.g % 12 = ${batchId % 12}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');

export async function benchRisk() {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  if (serverUrl) {
    const name = `yufang_bench_risk_${Date.now()}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name) });
    drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else database = await openDatabase({});
  const { db } = database;
  try {
    await database.migrate();
    await seedReferenceData(db);
    const generated = await generate(database);
    // The year's first computation (every employer's first index, the fit stored): not timed as a run.
    let t0 = performance.now();
    const first = await recomputeRiskScores(db, { year: YEAR, employerIds: null, now: NOW });
    const firstMs = performance.now() - t0;
    const full: number[] = [];
    const incremental: number[] = [];
    let touched = 0;
    let alerts = 0;
    for (let run = 0; run < RUNS; run++) {
      const batchId = 910_000 + run;
      await importMonth(database, batchId);
      // What the merge listener does: the batch's employer-years queued (in the batch's transaction),
      // then recomputed right after the commit.
      t0 = performance.now();
      const pairs = rowsOf(
        await db.execute(sql`select distinct employer_id as e, extract(year from determined_on)::int as y
          from injury_cases where batch_id = ${batchId}`),
      ).map((r) => [Number(r.e), Number(r.y)] as const);
      await queueRiskRecompute(db, pairs);
      const done = await recomputeQueuedRisk(db, NOW);
      incremental.push(performance.now() - t0);
      touched = done.reduce((n, d) => n + d.employers, 0);
      alerts += done.reduce((n, d) => n + d.alerts, 0);
      // A full recomputation of the year in the same state.
      t0 = performance.now();
      await recomputeRiskScores(db, { year: YEAR, employerIds: null, now: NOW });
      full.push(performance.now() - t0);
    }
    const [fit] = rowsOf(await db.execute(sql`select k from risk_fits where year = ${YEAR}`));
    const f = median(full);
    const i = median(incremental);
    console.log(
      `risk (${serverUrl ? 'PostgreSQL' : 'PGlite'}): ${EMPLOYERS} employers, generated in ${Math.round(generated)} ms; year ${YEAR}'s first computation ${Math.round(firstMs)} ms over ${first.employers} employers; k = ${fit?.k === null ? 'null' : Number(fit?.k).toFixed(1)}`,
    );
    console.log(
      `  full recomputation (every employer)        median ${f.toFixed(0)} ms  (runs: ${list(full)})`,
    );
    console.log(
      `  after Fuzhou's month (${touched} employers)  median ${i.toFixed(0)} ms  (runs: ${list(incremental)}); ${alerts} alerts raised`,
    );
    console.log(`  ratio full ÷ incremental: ${(f / i).toFixed(1)}×`);
  } finally {
    await database.close();
    await drop?.();
  }
}
