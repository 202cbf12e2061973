/**
 * crosschecks: the cross-check rules' incremental run after a prefecture's monthly import against a
 * full run over the province, in the same run (issue 18, AN-6). Synthetic facts generated in SQL
 * (BENCH_EMPLOYERS insured employers over Fujian's counties, default 20,000 — a modest scale for
 * the embedded database; BENCH_DATABASE_URL runs it on PostgreSQL): three years of headcounts with
 * gaps, about one injury per ten employer-years, accidents with deaths, diagnoses, dust-hazard
 * industries with low insured shares. The "monthly import" is a month of injury determinations of
 * Fuzhou's employers written as one batch's rows (not through the file pipeline); the incremental
 * run looks at that batch's employers, as the merge listener does after a commit. Median of
 * BENCH_RUNS (3).
 */
import { sql } from 'drizzle-orm';
import { runCrosschecks } from '../src/modules/crosschecks/crosschecks.service.js';
import { listEmployersOfBatch } from '../src/modules/facts/crosscheck-facts.js';
import { type Database, openDatabase } from '../src/platform/db/client.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { adminQuery, withDatabase } from '../test/db-template.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EMPLOYERS = Number(process.env.BENCH_EMPLOYERS ?? 20_000);
const AS_OF = '2026-12-07';
const PROVINCE = '100000/350000';

/** The synthetic province (also the risk bench's, bench/risk.ts): returns the ms it took. */
export async function generate(database: Database) {
  const { db } = database;
  const t0 = performance.now();
  await db.execute(sql`create temporary table bench_counties as
    select row_number() over (order by id) - 1 as n, id from jurisdictions
    where path like '100000/350000/%' and level = 'county'`);
  // Every 9th employer in a dust-hazard division (30: non-metallic mineral products).
  await db.execute(sql`
    insert into organisations (kind, name, industry_code, jurisdiction_id, insurance_status)
    select 'employer', '比对基准单位' || g, case when g % 9 = 0 then '3032' else lpad(((g * 7) % 29 + 40)::text, 2, '0') || '10' end,
      (select id from bench_counties where n = g % (select count(*) from bench_counties)), 'insured'
    from generate_series(1, ${EMPLOYERS}) g`);
  await db.execute(sql`create temporary table bench_employers as
    select o.id, o.jurisdiction_id, row_number() over (order by o.id) as g from organisations o where o.name like '比对基准单位%'`);
  await db.execute(sql`
    insert into insured_headcounts (employer_id, year, average_insured, average_paying, employees, batch_id)
    select e.id, y, 5 + (e.g * 13) % 400, 5 + (e.g * 13) % 400,
      case when e.g % 5 = 0 then (5 + (e.g * 13) % 400) * 5 / 4 else 5 + (e.g * 13) % 400 end, 0
    from bench_employers e cross join generate_series(2023, 2025) y
    where not (e.g % 53 = 0 and y = 2024)`);
  await db.execute(sql`
    insert into injury_cases (case_no, employer_id, jurisdiction_id, id_number, id_number_index, person_name, sex, birth_date,
      occurred_on, determined_on, ground, severity, is_death, fund_expenditure_fen, batch_id)
    select 'CB' || e.g || '-' || y, e.id, e.jurisdiction_id, 'P' || e.g || '-' || y, 'P' || e.g || '-' || y, '测试', 'male',
      date '1980-01-01', make_date(y, 3, 1), make_date(y, 4, 1), '14-1', 'minor', false, 0, 0
    from bench_employers e cross join generate_series(2023, 2026) y
    where (e.g * 31 + y) % 10 = 0`);
  await db.execute(sql`
    insert into safety_accidents (accident_no, employer_id, jurisdiction_id, occurred_on, category, grade, deaths,
      serious_injuries, direct_loss_fen, batch_id)
    select 'AB' || e.g, e.id, e.jurisdiction_id, date '2026-02-01' + (e.g % 200)::int, '10', 'ordinary', 1, 0, 0, 0
    from bench_employers e where e.g % 40 = 0`);
  await db.execute(sql`
    insert into disease_cases (case_no, employer_id, jurisdiction_id, id_number, id_number_index, person_name,
      catalogue_version, disease_class, disease_name, is_pneumoconiosis, diagnosed_on, exposure_years, batch_id)
    select 'DB' || e.g, e.id, e.jurisdiction_id, 'D' || e.g, 'D' || e.g, '测试', '2013', '01', '矽肺', true,
      date '2025-06-01', 8, 0
    from bench_employers e where e.g % 9 = 0 and e.g % 4 = 0`);
  await db.execute(sql`analyze`);
  return performance.now() - t0;
}

/** A month of Fuzhou's injury determinations (November 2026), as one batch's rows. */
async function importMonth(database: Database, batchId: number) {
  await database.db.execute(sql`
    insert into injury_cases (case_no, employer_id, jurisdiction_id, id_number, id_number_index, person_name, sex, birth_date,
      occurred_on, determined_on, ground, severity, is_death, fund_expenditure_fen, batch_id)
    select 'CM' || ${batchId} || '-' || e.g, e.id, e.jurisdiction_id, 'M' || e.g, 'M' || e.g, '测试', 'male', date '1980-01-01',
      date '2025-11-01' + (e.g % 28)::int, date '2026-11-20', '14-1', 'minor', false, 0, ${batchId}
    from bench_employers e join jurisdictions j on j.id = e.jurisdiction_id
    where j.path like '100000/350000/350100/%' and e.g % 12 = ${batchId % 12}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function benchCrosschecks() {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  if (serverUrl) {
    const name = `yufang_bench_cc_${Date.now()}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name) });
    drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else database = await openDatabase({});
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    const generated = await generate(database);
    const full: number[] = [];
    const incremental: number[] = [];
    let touched = 0;
    let first = { raised: 0, resolved: 0 };
    for (let run = 0; run < RUNS; run++) {
      // A full run over the province (after the first, the hits exist: the same work as a re-check).
      let t0 = performance.now();
      const f = await runCrosschecks(database.db, { path: PROVINCE, employerIds: null, asOf: AS_OF });
      full.push(performance.now() - t0);
      if (run === 0) first = f;
      const batchId = 900_000 + run;
      await importMonth(database, batchId);
      t0 = performance.now();
      const ids = (await listEmployersOfBatch(database.db, 'injuries', batchId)) ?? [];
      await runCrosschecks(database.db, { path: PROVINCE, employerIds: ids, asOf: AS_OF, batchId });
      incremental.push(performance.now() - t0);
      touched = ids.length;
    }
    const f = median(full);
    const i = median(incremental);
    console.log(
      `crosschecks (${serverUrl ? 'PostgreSQL' : 'PGlite'}): ${EMPLOYERS} employers, generated in ${Math.round(generated)} ms; first full run raised ${first.raised} hits`,
    );
    console.log(
      `  full run (province, 5 rules)          median ${f.toFixed(0)} ms  (runs: ${full.map((x) => x.toFixed(0)).join(', ')})`,
    );
    console.log(
      `  incremental (Fuzhou month, ${touched} employers) median ${i.toFixed(0)} ms  (runs: ${incremental.map((x) => x.toFixed(0)).join(', ')})`,
    );
    console.log(`  ratio full ÷ incremental: ${(f / i).toFixed(1)}×`);
  } finally {
    await database.close();
    await drop?.();
  }
}
