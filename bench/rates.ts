/**
 * rates: re-rating a province's employers for a year (issue 16, FR-1) on PostgreSQL. Synthetic
 * inputs (BENCH_EMPLOYERS, default 1,000,000 insured employers over Fujian's counties, three years
 * of headcounts and contributions with gaps, about one injury per ten employer-years, some deaths,
 * arrears and recent insurance starts) are generated in SQL. The service's rating
 * (`computeRatings`: the facts module's cycle summed per employer in SQL, `listEmployerCycles`, one
 * row per employer, then the rule in TypeScript; the rationale is written when a notice is read,
 * decision 0046) is
 * timed against the same computation written as one SQL statement over the raw facts, in the same
 * run; the two must agree on every employer's status, tier and rate (asserted). Median of
 * BENCH_RUNS (3) and the spread. Example B (支缴率 + incidence + disqualifiers, floor and cap).
 */
import { type SQL, sql } from 'drizzle-orm';
import { injuryFacts } from '../src/modules/facts/counting.js';
import { listEmployerCycles, resolveCountingRules } from '../src/modules/facts/facts.service.js';
import { exampleCombinedMethod } from '../src/modules/rates/rates.data.js';
import { computeRatings } from '../src/modules/rates/rating.service.js';
import type { Band, Criterion, RuleDefinition } from '../src/modules/rates/rule-sets.logic.js';
import { type Database, openDatabase } from '../src/platform/db/client.js';
import { rowsOf } from '../src/platform/db/rows.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { adminQuery, withDatabase } from '../test/db-template.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EMPLOYERS = Number(process.env.BENCH_EMPLOYERS ?? 1_000_000);
const RATE_YEAR = 2026;
const EPS = 1e-9;

async function generate(database: Database) {
  const { db } = database;
  const t0 = performance.now();
  await db.execute(sql`create temporary table bench_counties as
    select row_number() over (order by id) - 1 as n, id from jurisdictions
    where path like '100000/350000/%' and level = 'county'`);
  await db.execute(sql`
    insert into organisations (kind, name, industry_code, jurisdiction_id, insurance_status)
    select 'employer', '基准测试单位' || g, lpad(((g * 7) % 97 + 1)::text, 2, '0') || '10',
      (select id from bench_counties where n = g % (select count(*) from bench_counties)), 'insured'
    from generate_series(1, ${EMPLOYERS}) g`);
  await db.execute(sql`create temporary table bench_employers as
    select id, row_number() over (order by id) as g from organisations where name like '基准测试单位%'`);
  await db.execute(sql`
    insert into insured_headcounts (employer_id, year, average_insured, average_paying, batch_id)
    select e.id, y, case when e.g % 53 = 0 and y = 2024 then null else 5 + (e.g * 13) % 400 end, 5, 0
    from bench_employers e cross join generate_series(2023, 2025) y
    where not (e.g % 53 = 0 and y = 2024)`);
  await db.execute(sql`
    insert into employer_contributions (employer_id, year, insured_from, wage_bill_fen, premiums_paid_fen, benefits_paid_fen, arrears_fen, batch_id)
    select e.id, y, case when e.g % 31 = 0 then date '2024-07-01' else date '2012-01-01' end,
      (5 + (e.g * 13) % 400) * 8000000::bigint, (5 + (e.g * 13) % 400) * 80000::bigint,
      case when (e.g + y) % 3 = 0 then ((e.g * 7919 + y) % 250) * (5 + (e.g * 13) % 400) * 1000::bigint else 0 end,
      case when e.g % 41 = 0 and y = 2025 then 10000 else 0 end, 0
    from bench_employers e cross join generate_series(2023, 2025) y
    where not (e.g % 47 = 0 and y = 2024)`);
  await db.execute(sql`
    insert into injury_cases (case_no, employer_id, jurisdiction_id, id_number, id_number_index, person_name, sex, birth_date,
      occurred_on, determined_on, ground, severity, is_death, fund_expenditure_fen, batch_id)
    select 'B' || e.g || '-' || y, e.id, o.jurisdiction_id, 'P' || e.g || '-' || y, 'P' || e.g || '-' || y, '测试', 'male', date '1980-01-01',
      make_date(y, 3, 1), make_date(y, 4, 1), '14-1', case when e.g % 97 = 0 then 'death' else 'minor' end,
      e.g % 97 = 0, 0, 0
    from bench_employers e join organisations o on o.id = e.id cross join generate_series(2023, 2025) y
    where (e.g * 31 + y) % 10 = 0`);
  await db.execute(sql`analyze`);
  return performance.now() - t0;
}

/** A criterion of the cycle's aggregates `a` as SQL (float8), mirroring rule-sets.logic.ts. */
function criterion(c: Criterion): SQL {
  switch (c) {
    case 'claimRatioPct':
      return sql`(case when a.missing > 0 then null when a.premiums > 0 then a.benefits * 100.0::float8 / a.premiums
        when a.benefits > 0 then 'Infinity'::float8 else 0::float8 end)`;
    case 'incidencePerMille':
      return sql`(case when a.person_years > 0 then a.injuries * 1000.0::float8 / a.person_years end)`;
    case 'injuries':
      return sql`a.injuries::float8`;
    case 'incidenceRelativePct':
      throw new Error('the SQL form covers the criteria example B uses');
  }
}

function inBand(v: SQL, b: Band, first: boolean): SQL {
  const lower = first ? sql`${v} >= ${b.from - EPS}` : sql`${v} > ${b.from + EPS}`;
  return b.to === null ? lower : sql`(${lower} and ${v} <= ${b.to + EPS})`;
}

/** The whole rating of example B's shape (ladders with conditions, disqualifiers, floor, cap) as one statement. */
function ratingSql(d: RuleDefinition, path: string): SQL {
  const from = RATE_YEAR - d.cycleYears;
  const to = RATE_YEAR - 1;
  const classTable = sql.join(
    Object.entries(d.classTable).map(([div, rc]) => sql`(${div}, ${rc}::int)`),
    sql`, `,
  );
  const bases = sql.join(
    d.classes.map((c) => sql`(${c.riskClass}::int, ${c.baseRateBp}::int)`),
    sql`, `,
  );
  const multiplierOf = (rc: number): SQL | null => {
    const ladders = d.ladders.filter((l) => l.classes.includes(rc));
    if (ladders.length === 0) return null;
    const ladderCase = (l: (typeof ladders)[number]) => {
      const v = criterion(l.criterion);
      return sql`(case when ${v} is null then null ${sql.join(
        l.bands.map((b, i) => sql`when ${inBand(v, b, i === 0)} then ${b.multiplierPct}::int`),
        sql` `,
      )} end)`;
    };
    const plain = ladders.find((l) => !l.when);
    if (plain) return ladderCase(plain);
    const sorted = [...ladders].sort((x, y) => (x.when?.from ?? 0) - (y.when?.from ?? 0));
    const w = criterion(sorted[0]?.when?.criterion as Criterion);
    return sql`(case when ${w} is null then null ${sql.join(
      sorted.map((l, i) => sql`when ${inBand(w, l.when as Band, i === 0)} then ${ladderCase(l)}`),
      sql` `,
    )} end)`;
  };
  const floating = [1, 2, 3, 4, 5, 6, 7, 8].filter((rc) => multiplierOf(rc) !== null);
  const raw = sql`(case ${sql.join(
    floating.map((rc) => sql`when a.rc = ${rc} then ${multiplierOf(rc)}`),
    sql` `,
  )} end)`;
  const disqualified = d.disqualifiers.length
    ? sql.join(
        d.disqualifiers.map((q) =>
          q.kind === 'death'
            ? sql`m.deaths > 0`
            : q.kind === 'arrears'
              ? sql`m.arrears > 0`
              : sql`m.diseases > 0`,
        ),
        sql` or `,
      )
    : sql`false`;
  const floatingList = sql.join(
    floating.map((rc) => sql`${rc}`),
    sql`, `,
  );
  const needsHeadcount = d.ladders.some(
    (l) => l.criterion === 'incidencePerMille' || l.when?.criterion === 'incidencePerMille',
  );
  let rate = sql`(m.base * f.multiplier)`;
  if (d.floorBp !== null) rate = sql`greatest(${rate}, ${d.floorBp * 100})`;
  if (d.capBp !== null) rate = sql`least(${rate}, ${d.capBp * 100})`;
  return sql`
    -- Aggregates over the whole years, joined to the area's employers once at the end: a join of
    -- each to the (materialized) employer CTE was planned as a nested loop, quadratic in employers.
    with emp as (
      select o.id, o.industry_code from organisations o join jurisdictions j on j.id = o.jurisdiction_id
      where (j.path = ${path} or j.path like ${`${path}/%`}) and o.kind = 'employer' and o.insurance_status = 'insured'
    ), inj as (
      select i.employer_id, count(*)::int as n, ${injuryFacts.deaths('i')} as deaths
      from injury_cases i
      where ${injuryFacts.inYears('i', 'determined', from, to)} group by 1
    ), con as (
      select c.employer_id, count(*)::int as years, sum(c.premiums_paid_fen)::bigint as premiums,
        sum(c.benefits_paid_fen)::bigint as benefits, min(c.insured_from) as insured_from,
        max(c.arrears_fen) filter (where c.year = ${to}) as arrears
      from employer_contributions c
      where c.year between ${from} and ${to} group by 1
    ), hc as (
      select h.employer_id, count(*)::int as years, sum(h.average_insured)::bigint as person_years
      from insured_headcounts h
      where h.year between ${from} and ${to} group by 1
    ), a as (
      select emp.id, ct.rc, b.base, ${d.cycleYears} - coalesce(con.years, 0) as missing,
        coalesce(con.premiums, 0) as premiums, coalesce(con.benefits, 0) as benefits, con.insured_from,
        coalesce(con.arrears, 0) as arrears, coalesce(inj.n, 0) as injuries, coalesce(inj.deaths, 0) as deaths,
        0 as diseases,
        case when coalesce(hc.years, 0) = ${d.cycleYears} then hc.person_years end as person_years
      from emp left join (values ${classTable}) as ct(division, rc)
        on ct.division = left(regexp_replace(coalesce(emp.industry_code, ''), '^[A-Z]', ''), 2)
      left join (values ${bases}) as b(rc, base) on b.rc = ct.rc
      left join con on con.employer_id = emp.id left join hc on hc.employer_id = emp.id
      left join inj on inj.employer_id = emp.id
    ), m as (
      select a.*, ${raw} as raw_m from a
    ), f as (
      select m.id,
        case when m.rc is null then 'unclassified'
          when m.insured_from > ${`${from}-01-01`}::date then 'short_insurance'
          when m.rc not in (${floatingList}) then 'not_floating'
          ${needsHeadcount ? sql`when not (m.person_years > 0) or m.person_years is null then 'missing_headcount'` : sql``}
          when m.missing > 0 or m.raw_m is null then 'missing_premiums'
          else 'rated' end as status,
        case when m.rc is null then null
          when m.insured_from > ${`${from}-01-01`}::date then 100
          when m.rc not in (${floatingList}) then 100
          ${needsHeadcount ? sql`when not (m.person_years > 0) or m.person_years is null then null` : sql``}
          when m.missing > 0 or m.raw_m is null then null
          when m.raw_m < 100 and (${disqualified}) then 100
          else m.raw_m end as multiplier
      from m
    )
    select f.id as employer_id, f.status, f.multiplier,
      case when f.status in ('short_insurance', 'not_floating') then m.base * 100
        when f.multiplier is null then null else ${rate} end as rate_micro
    from f join m on m.id = f.id`;
}

interface Row {
  status: string;
  multiplier: number | null;
  rateMicro: number | null;
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export async function benchRates() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `yufang_bench_rates_${process.pid}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name) });
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    const genMs = await generate(database);
    console.log(`rates: ${EMPLOYERS.toLocaleString()} employers generated in ${(genMs / 1000).toFixed(1)} s`);
    const d = exampleCombinedMethod();
    const path = '100000/350000';
    const service: number[] = [];
    const single: number[] = [];
    let serviceRows = new Map<number, Row>();
    let sqlRows = new Map<number, Row>();
    const read: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // The facts' read alone (the SQL part of the service), to tell it from the rule in Node.js.
      let t = performance.now();
      const rules = await resolveCountingRules(database.db, path);
      await listEmployerCycles(database.db, {
        path,
        from: RATE_YEAR - d.cycleYears,
        to: RATE_YEAR - 1,
        rules,
      });
      read.push(performance.now() - t);
      // The last run's results are let go first, and this run's ratings once compared: a million
      // ratings are held once, not beside the SQL statement's rows.
      serviceRows = new Map();
      sqlRows = new Map();
      const rate = async () => {
        const start = performance.now();
        const { ratings } = await computeRatings(database.db, {
          path,
          definition: d,
          rateYear: RATE_YEAR,
          withProjection: false,
        });
        service.push(performance.now() - start);
        return new Map(
          ratings.map((r) => [
            r.employerId,
            { status: r.status, multiplier: r.multiplierPct, rateMicro: r.rateMicro },
          ]),
        );
      };
      serviceRows = await rate();
      t = performance.now();
      const rows = rowsOf<{
        employer_id: number;
        status: string;
        multiplier: number | null;
        rate_micro: unknown;
      }>(await database.db.execute(ratingSql(d, path)));
      single.push(performance.now() - t);
      sqlRows = new Map(
        rows.map((r) => [
          Number(r.employer_id),
          {
            status: String(r.status),
            multiplier: r.multiplier === null ? null : Number(r.multiplier),
            rateMicro: r.rate_micro === null ? null : Number(r.rate_micro),
          },
        ]),
      );
    }
    let mismatches = 0;
    const examples: string[] = [];
    for (const [id, s] of serviceRows) {
      const q = sqlRows.get(id);
      if (!q || q.status !== s.status || q.multiplier !== s.multiplier || q.rateMicro !== s.rateMicro) {
        mismatches++;
        if (examples.length < 5)
          examples.push(`${id}: service ${JSON.stringify(s)} sql ${JSON.stringify(q)}`);
      }
    }
    if (mismatches > 0 || sqlRows.size !== serviceRows.size)
      throw new Error(
        `rates: the service and the SQL statement differ on ${mismatches} employers: ${examples.join('; ')}`,
      );
    const tiers = new Map<string, number>();
    for (const r of serviceRows.values())
      tiers.set(`${r.status}:${r.multiplier}`, (tiers.get(`${r.status}:${r.multiplier}`) ?? 0) + 1);
    const spread = (xs: number[]) =>
      `${(Math.min(...xs) / 1000).toFixed(1)}–${(Math.max(...xs) / 1000).toFixed(1)} s`;
    console.log(
      `rates: ${serviceRows.size.toLocaleString()} employers, results equal (status, tier and rate of every employer)`,
    );
    console.log(`rates: by status:tier ${JSON.stringify(Object.fromEntries([...tiers].sort()))}`);
    console.log(
      `rates: service median ${(median(service) / 1000).toFixed(1)} s (${spread(service)}); one SQL statement median ${(median(single) / 1000).toFixed(1)} s (${spread(single)}); ratio ${(median(service) / median(single)).toFixed(2)}×; of the service, the facts' read alone median ${(median(read) / 1000).toFixed(1)} s (${spread(read)})`,
    );
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
