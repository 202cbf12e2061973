import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { resolveSettings } from '../settings/settings.service.js';
import { type CountingRules, diseaseFacts, injuryFacts, insuredPersonFacts } from './counting.js';
import { COUNTING_SETTINGS } from './facts.settings.js';

/**
 * Counts over the injury determinations, made by the counting rules (counting.ts). The one
 * function every page that counts injuries calls: ranking, the key-enterprise ledger, key
 * monitoring, the shared picture, the standing reports and the employer profile; the analytics
 * cells are built from the same fragments and tested equal to it.
 */

/** What a count can be broken down by. */
export type InjuryGroup =
  | 'none'
  | 'employer'
  | 'division'
  | 'month'
  | 'category'
  | 'ground'
  | 'post'
  | 'severity';

export interface InjuryCount {
  /** The group's key ('' without a grouping). */
  key: string;
  year: number;
  /** Under the request's unit: 人次 or distinct persons of the group. */
  count: number;
  cases: number;
  /** Distinct persons within the area and group. */
  persons: number;
  /** Distinct persons with a death determination within the area and group. */
  deaths: number;
  serious: number;
  disabled: number;
  fundFen: number;
}

export interface InjuryCountQuery {
  /** The area: a jurisdiction path, counted with everything below it. */
  path: string;
  /** The first and last year (inclusive); one year when `to` is absent. */
  from: number;
  to?: number;
  rules: Pick<CountingRules, 'yearBasis' | 'countUnit' | 'groundScope'>;
  by?: InjuryGroup;
  /** Only these employers (a subquery or a list), e.g. the ledger's. */
  employerIds?: SQL | number[];
}

function groupKey(by: InjuryGroup, basis: CountingRules['yearBasis']): SQL {
  switch (by) {
    case 'none':
      return sql`''`;
    case 'employer':
      return sql`i.employer_id::text`;
    case 'division':
      return sql`coalesce(left(o.industry_code, 2), '')`;
    case 'month':
      return sql`${injuryFacts.month('i', basis)}::text`;
    case 'category':
      return sql`coalesce(i.accident_category, '')`;
    case 'ground':
      return sql`i.ground`;
    case 'post':
      return sql`coalesce(i.post, '')`;
    case 'severity':
      return sql`i.severity`;
  }
}

/** The figures of a group of determinations `i` under a unit (see InjuryCount). */
function injuryMeasures(unit: CountingRules['countUnit']): SQL {
  return sql`${injuryFacts.count('i', unit)} as count, count(*)::int as cases,
    count(distinct i.id_number_index)::int as persons, ${injuryFacts.deaths('i')} as deaths,
    count(*) filter (where i.severity = 'serious')::int as serious,
    count(*) filter (where i.disability_grade is not null)::int as disabled,
    coalesce(sum(i.fund_expenditure_fen), 0)::bigint as fen`;
}

/**
 * A subquery of injury figures per employer (employer_id and the columns of injuryMeasures) for a
 * year under the rules, for pages that sort and page in SQL (the ledger, monitoring).
 */
export function injuryCountsByEmployer(
  year: number,
  rules: Pick<CountingRules, 'yearBasis' | 'countUnit' | 'groundScope'>,
  employers: SQL,
): SQL {
  return sql`
    select i.employer_id, ${injuryMeasures(rules.countUnit)}
    from injury_cases i
    where ${injuryFacts.inYears('i', rules.yearBasis, year)} and ${injuryFacts.inGroundScope('i', rules.groundScope)}
      and i.employer_id in (${employers})
    group by i.employer_id`;
}

/** Injury figures of an area and years under the counting rules, by a group. */
export async function countInjuries(db: Db, q: InjuryCountQuery): Promise<InjuryCount[]> {
  const by = q.by ?? 'none';
  const to = q.to ?? q.from;
  const basis = q.rules.yearBasis;
  const employers =
    q.employerIds === undefined
      ? sql`true`
      : Array.isArray(q.employerIds)
        ? q.employerIds.length === 0
          ? sql`false`
          : sql`i.employer_id in (${sql.join(
              q.employerIds.map((id) => sql`${id}`),
              sql`, `,
            )})`
        : sql`i.employer_id in (${q.employerIds})`;
  const join = by === 'division' ? sql`join organisations o on o.id = i.employer_id` : sql``;
  const result = await db.execute(sql`
    select ${groupKey(by, basis)} as key, ${injuryFacts.year('i', basis)} as yr, ${injuryMeasures(q.rules.countUnit)}
    from injury_cases i join jurisdictions j on j.id = i.jurisdiction_id ${join}
    where ${withinScope(sql`j.path`, q.path)} and ${injuryFacts.inYears('i', basis, q.from, to)}
      and ${injuryFacts.inGroundScope('i', q.rules.groundScope)} and ${employers}
    group by 1, 2
    order by 2, 1`);
  return rowsOf(result).map((r) => ({
    key: String(r.key ?? ''),
    year: Number(r.yr),
    count: Number(r.count),
    cases: Number(r.cases),
    persons: Number(r.persons),
    deaths: Number(r.deaths),
    serious: Number(r.serious),
    disabled: Number(r.disabled),
    fundFen: Number(r.fen),
  }));
}

/** What a rate over the insured-person lists can be broken down by. */
export type ListedAxis = 'jurisdiction' | 'year' | 'sex' | 'age';

/**
 * Rates by group over the insured-person lists (参保人员名单): for the employers of an area that filed
 * a list of the year, their injuries (or deaths) under the rules and their listed insured persons,
 * both by the same groups (child jurisdiction, year, sex, age band). The one place where a rate by
 * sex or age band has a denominator of its own.
 */
export async function countListedGroups(
  db: Db,
  q: {
    path: string;
    from: number;
    to: number;
    rules: Pick<CountingRules, 'yearBasis' | 'countUnit' | 'groundScope'>;
    measure: 'count' | 'deaths';
    axes: ListedAxis[];
  },
): Promise<{ employers: number; rows: { key: string[]; numerator: number; denominator: number }[] }> {
  const depth = q.path.split('/').length;
  const child = sql`(case when j.path = ${q.path} then '' else split_part(j.path, '/', ${depth + 1}) end)`;
  const injuryKey: Record<ListedAxis, SQL> = {
    jurisdiction: child,
    year: sql`${injuryFacts.year('i', q.rules.yearBasis)}::text`,
    sex: sql`i.sex`,
    age: injuryFacts.ageBand('i'),
  };
  const personKey: Record<ListedAxis, SQL> = {
    jurisdiction: child,
    year: sql`p.year::text`,
    sex: insuredPersonFacts.sex('p'),
    age: insuredPersonFacts.ageBand('p'),
  };
  const keys = (k: Record<ListedAxis, SQL>) =>
    q.axes.length === 0
      ? sql`''`
      : sql.join(
          q.axes.map((a) => sql`coalesce(${k[a]}, '')`),
          sql` || '' || `,
        );
  const numerator =
    q.measure === 'deaths' ? injuryFacts.deaths('i') : injuryFacts.count('i', q.rules.countUnit);
  const result = await db.execute(sql`
    with listed as (
      select distinct p.employer_id, p.year::int as yr
      from insured_persons p join organisations o on o.id = p.employer_id join jurisdictions j on j.id = o.jurisdiction_id
      where ${withinScope(sql`j.path`, q.path)} and p.year between ${q.from} and ${q.to}
    ), num as (
      select ${keys(injuryKey)} as k, ${numerator} as n
      from injury_cases i join jurisdictions j on j.id = i.jurisdiction_id
      join listed l on l.employer_id = i.employer_id and l.yr = ${injuryFacts.year('i', q.rules.yearBasis)}
      where ${withinScope(sql`j.path`, q.path)} and ${injuryFacts.inYears('i', q.rules.yearBasis, q.from, q.to)}
        and ${injuryFacts.inGroundScope('i', q.rules.groundScope)}
      group by 1
    ), den as (
      select ${keys(personKey)} as k, count(distinct (p.employer_id, ${insuredPersonFacts.person('p')}))::int as d
      from insured_persons p join listed l on l.employer_id = p.employer_id and l.yr = p.year
      join organisations o on o.id = p.employer_id join jurisdictions j on j.id = o.jurisdiction_id
      group by 1
    )
    select coalesce(num.k, den.k) as k, coalesce(num.n, 0)::int as n, coalesce(den.d, 0)::int as d,
      (select count(*)::int from (select distinct employer_id from listed) e) as employers
    from num full join den on den.k = num.k`);
  const rows = rowsOf(result);
  return {
    employers: Number(rows[0]?.employers ?? 0),
    rows: rows.map((r) => ({
      key: String(r.k).split(''),
      numerator: Number(r.n),
      denominator: Number(r.d),
    })),
  };
}

/** The latest year with an injury determination under a basis, or null without any. */
export async function latestInjuryYear(db: Db, basis: CountingRules['yearBasis'] = 'determined') {
  const result = await db.execute(
    sql`select max(${injuryFacts.year('i', basis)}) as year from injury_cases i`,
  );
  const year = rowsOf<{ year: unknown }>(result)[0]?.year;
  return year === null || year === undefined ? null : Number(year);
}

/** The figures of one group, or zeros. */
export function figureOf(counts: InjuryCount[], key = '', year?: number): InjuryCount {
  return (
    counts.find((c) => c.key === key && (year === undefined || c.year === year)) ?? {
      key,
      year: year ?? 0,
      count: 0,
      cases: 0,
      persons: 0,
      deaths: 0,
      serious: 0,
      disabled: 0,
      fundFen: 0,
    }
  );
}

/**
 * The counting rules of a jurisdiction: its own, else its nearest ancestor's, else the defaults —
 * the same on every page of that jurisdiction, with where each comes from.
 */
export async function resolveCountingRules(
  db: Db,
  path: string,
): Promise<CountingRules & { definedAt: Record<keyof CountingRules, string | null> }> {
  const resolved = await resolveSettings(db, path, COUNTING_SETTINGS);
  const options = Object.keys(COUNTING_SETTINGS) as (keyof CountingRules)[];
  return {
    ...(Object.fromEntries(options.map((o) => [o, resolved[o].value])) as unknown as CountingRules),
    definedAt: Object.fromEntries(options.map((o) => [o, resolved[o].definedAt])) as Record<
      keyof CountingRules,
      string | null
    >,
  };
}

/** One insured employer's record for one year, as premium-rate floating reads it. */
export interface EmployerYear {
  employerId: number;
  employerName: string;
  industryCode: string | null;
  /** The employer's jurisdiction's path (its prefecture is the second segment). */
  jurisdictionPath: string;
  year: number;
  /** From the contribution record (单位缴费与待遇); null when the year has none. */
  insuredFrom: string | null;
  premiumsPaidFen: number | null;
  benefitsPaidFen: number | null;
  wageBillFen: number | null;
  arrearsFen: number | null;
  /** 年平均参保人数; null without a headcount. */
  averageInsured: number | null;
  /** Injuries under the counting rules, deaths (distinct persons) and occupational-disease diagnoses. */
  injuries: number;
  deaths: number;
  diseases: number;
}

/** An area's insured employers over the years `from`…`to`, counted under `rules`. */
export interface EmployerRange {
  path: string;
  from: number;
  to: number;
  rules: Pick<CountingRules, 'yearBasis' | 'countUnit' | 'groundScope'>;
}

/** The area's insured employers (id, name, industry_code, path): the rows both employer lists start from. */
const insuredEmployersOf = (path: string) => sql`
      select o.id, o.name, o.industry_code, j.path
      from organisations o join jurisdictions j on j.id = o.jurisdiction_id
      where ${withinScope(sql`j.path`, path)} and o.kind = 'employer' and o.insurance_status = 'insured'`;

/** Injuries (under the counting rules) and deaths per employer and year (employer_id, yr, n, deaths). */
const injuriesByEmployerYear = (q: EmployerRange) => sql`
      select i.employer_id, ${injuryFacts.year('i', q.rules.yearBasis)} as yr, ${injuryFacts.count('i', q.rules.countUnit)} as n,
        ${injuryFacts.deaths('i')} as deaths
      from injury_cases i
      where ${injuryFacts.inYears('i', q.rules.yearBasis, q.from, q.to)} and ${injuryFacts.inGroundScope('i', q.rules.groundScope)}
      group by 1, 2`;

/**
 * Every insured employer of an area with its contributions, headcount, injuries (under the
 * counting rules), deaths and occupational-disease diagnoses for each year from `from` to `to` —
 * a row per employer and year even where a year has no record (premium-rate floating, FR-1).
 * Ordered by employer, then year.
 */
export async function listEmployerYears(db: Db, q: EmployerRange): Promise<EmployerYear[]> {
  const result = await db.execute(sql`
    -- The years' injuries and diagnoses are grouped by employer, then joined to the area's employers
    -- once: joined to the (materialized) employer list itself, the planner chose a nested loop.
    with emp as (${insuredEmployersOf(q.path)}), inj as (${injuriesByEmployerYear(q)}), dis as (
      select d.employer_id, ${diseaseFacts.year('d')} as yr, count(*)::int as n
      from disease_cases d
      where ${diseaseFacts.inYears('d', q.from, q.to)}
      group by 1, 2
    )
    select e.id, e.name, e.industry_code, e.path, y.yr, c.insured_from::text as insured_from, c.premiums_paid_fen,
      c.benefits_paid_fen, c.wage_bill_fen, c.arrears_fen, h.average_insured,
      coalesce(inj.n, 0) as injuries, coalesce(inj.deaths, 0) as deaths, coalesce(dis.n, 0) as diseases
    from emp e cross join generate_series(${q.from}::int, ${q.to}::int) as y(yr)
    left join employer_contributions c on c.employer_id = e.id and c.year = y.yr
    left join insured_headcounts h on h.employer_id = e.id and h.year = y.yr
    left join inj on inj.employer_id = e.id and inj.yr = y.yr
    left join dis on dis.employer_id = e.id and dis.yr = y.yr
    order by e.id, y.yr`);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rowsOf(result).map((r) => ({
    employerId: Number(r.id),
    employerName: String(r.name),
    industryCode: r.industry_code === null ? null : String(r.industry_code),
    jurisdictionPath: String(r.path),
    year: Number(r.yr),
    insuredFrom: r.insured_from === null ? null : String(r.insured_from),
    premiumsPaidFen: num(r.premiums_paid_fen),
    benefitsPaidFen: num(r.benefits_paid_fen),
    wageBillFen: num(r.wage_bill_fen),
    arrearsFen: num(r.arrears_fen),
    averageInsured: num(r.average_insured),
    injuries: Number(r.injuries),
    deaths: Number(r.deaths),
    diseases: Number(r.diseases),
  }));
}

/** Sums over some years of an employer's record (see EmployerCycle). */
export interface CycleSums {
  /** Premiums paid (fen) over the years with a contribution record. */
  premiumsPaidFen: number;
  benefitsPaidFen: number;
  /** Average insured persons summed over the years with a headcount (person-years). */
  insuredSum: number;
  /** Injuries under the counting rules, deaths (distinct persons a year) and diagnoses, summed over the years. */
  injuries: number;
  deaths: number;
  diseases: number;
}

/**
 * One insured employer's cycle (years `from`…`to`) reduced to one row: what listEmployerYears gives
 * year by year, summed — over all the years (`all`) and over the years after the first (`later`,
 * what a projection to the next cycle keeps) — with which years have a contribution record and a
 * headcount. Equal to summing listEmployerYears' rows of the employer.
 */
export interface EmployerCycle {
  employerId: number;
  employerName: string;
  industryCode: string | null;
  jurisdictionPath: string;
  /** The earliest insured-from date of the cycle's contribution records; null without any. */
  insuredFrom: string | null;
  /** The wage bill of the latest year that has a contribution record; null without any. */
  wageBillFen: number | null;
  /** The last year's arrears (0 without a record that year). */
  arrearsFen: number;
  /** The years with a contribution record, and with a headcount, oldest first. */
  premiumYears: number[];
  insuredYears: number[];
  all: CycleSums;
  later: CycleSums;
}

/**
 * Every insured employer of an area with its cycle `from`…`to` summed in SQL (EmployerCycle): one
 * row per employer, however many years — premium-rate floating of a whole province reads these
 * rather than a row per employer and year. Ordered by employer.
 */
export async function listEmployerCycles(db: Db, q: EmployerRange): Promise<EmployerCycle[]> {
  // Each fact table is summed by employer over the whole years, then joined to the area's employers
  // once (a join to the materialized employer list is planned as a nested loop). A year's presence
  // is a bit of a mask (bit 0: `from`). Injuries and deaths are counted a year at a time, then
  // summed, as listEmployerYears counts them.
  const result = await db.execute(sql`
    with emp as (${insuredEmployersOf(q.path)}), con as (
      select c.employer_id, bit_or(1 << (c.year - ${q.from}::int)) as mask,
        sum(c.premiums_paid_fen) as prem, sum(c.premiums_paid_fen) filter (where c.year > ${q.from}::int) as prem_l,
        sum(c.benefits_paid_fen) as ben, sum(c.benefits_paid_fen) filter (where c.year > ${q.from}::int) as ben_l,
        min(c.insured_from)::text as insured_from,
        (array_agg(c.wage_bill_fen order by c.year desc))[1] as wage_bill,
        max(c.arrears_fen) filter (where c.year = ${q.to}::int) as arrears
      from employer_contributions c
      where c.year between ${q.from}::int and ${q.to}::int
      group by 1
    ), hc as (
      select h.employer_id, bit_or(1 << (h.year - ${q.from}::int)) as mask,
        sum(h.average_insured) as n, sum(h.average_insured) filter (where h.year > ${q.from}::int) as n_l
      from insured_headcounts h
      where h.year between ${q.from}::int and ${q.to}::int
      group by 1
    ), inj_y as (${injuriesByEmployerYear(q)}), inj as (
      select employer_id, sum(n) as n, sum(n) filter (where yr > ${q.from}::int) as n_l,
        sum(deaths) as deaths, sum(deaths) filter (where yr > ${q.from}::int) as deaths_l
      from inj_y group by 1
    ), dis as (
      select d.employer_id, count(*) as n, count(*) filter (where ${diseaseFacts.year('d')} > ${q.from}::int) as n_l
      from disease_cases d
      where ${diseaseFacts.inYears('d', q.from, q.to)}
      group by 1
    )
    select e.id, e.name, e.industry_code, e.path, con.insured_from, con.wage_bill, coalesce(con.arrears, 0) as arrears,
      coalesce(con.mask, 0) as pmask, coalesce(hc.mask, 0) as hmask,
      coalesce(con.prem, 0) as prem, coalesce(con.prem_l, 0) as prem_l,
      coalesce(con.ben, 0) as ben, coalesce(con.ben_l, 0) as ben_l,
      coalesce(hc.n, 0) as hc, coalesce(hc.n_l, 0) as hc_l,
      coalesce(inj.n, 0) as inj, coalesce(inj.n_l, 0) as inj_l,
      coalesce(inj.deaths, 0) as deaths, coalesce(inj.deaths_l, 0) as deaths_l,
      coalesce(dis.n, 0) as dis, coalesce(dis.n_l, 0) as dis_l
    from emp e
    left join con on con.employer_id = e.id left join hc on hc.employer_id = e.id
    left join inj on inj.employer_id = e.id left join dis on dis.employer_id = e.id
    order by e.id`);
  const yearsOf = (mask: number) => {
    const out: number[] = [];
    for (let y = q.from; y <= q.to; y++) if (mask & (1 << (y - q.from))) out.push(y);
    return out;
  };
  return rowsOf(result).map((r) => ({
    employerId: Number(r.id),
    employerName: String(r.name),
    industryCode: r.industry_code === null ? null : String(r.industry_code),
    jurisdictionPath: String(r.path),
    insuredFrom: r.insured_from === null ? null : String(r.insured_from),
    wageBillFen: r.wage_bill === null ? null : Number(r.wage_bill),
    arrearsFen: Number(r.arrears),
    premiumYears: yearsOf(Number(r.pmask)),
    insuredYears: yearsOf(Number(r.hmask)),
    all: {
      premiumsPaidFen: Number(r.prem),
      benefitsPaidFen: Number(r.ben),
      insuredSum: Number(r.hc),
      injuries: Number(r.inj),
      deaths: Number(r.deaths),
      diseases: Number(r.dis),
    },
    later: {
      premiumsPaidFen: Number(r.prem_l),
      benefitsPaidFen: Number(r.ben_l),
      insuredSum: Number(r.hc_l),
      injuries: Number(r.inj_l),
      deaths: Number(r.deaths_l),
      diseases: Number(r.dis_l),
    },
  }));
}

/** The latest year's fund account (基金收支) of a pooling jurisdiction, or null without one. */
export async function latestFundAccount(db: Db, path: string) {
  const [row] = rowsOf(
    await db.execute(sql`
      select f.year, f.contribution_income_fen, f.benefit_expenditure_fen
      from fund_accounts f join jurisdictions j on j.id = f.jurisdiction_id
      where j.path = ${path} order by f.year desc limit 1`),
  );
  return row
    ? {
        year: Number(row.year),
        contributionIncomeFen: Number(row.contribution_income_fen),
        benefitExpenditureFen: Number(row.benefit_expenditure_fen),
      }
    : null;
}

/**
 * Insured persons (年平均参保人数, or paying) of some employers per year, from the headcounts the
 * exchange holds: the denominator of an employer's injury rate.
 */
export async function countInsuredByYear(
  db: Db,
  q: { employerIds: number[]; from: number; to: number; base?: 'insured' | 'paying' },
): Promise<Map<number, number>> {
  if (q.employerIds.length === 0) return new Map();
  const column = q.base === 'paying' ? sql`average_paying` : sql`average_insured`;
  const rows = rowsOf<{ year: number; n: number }>(
    await db.execute(sql`
      select year, coalesce(sum(${column}), 0)::int as n from insured_headcounts
      where employer_id in (${sql.join(
        q.employerIds.map((id) => sql`${id}`),
        sql`, `,
      )}) and year between ${q.from} and ${q.to}
      group by year`),
  );
  return new Map(rows.map((r) => [Number(r.year), Number(r.n)]));
}
