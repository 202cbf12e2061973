import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { selectRows } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { addDays } from '../../platform/time.js';
import type { Domain } from '../exchange/formats.js';
import { injuryFacts, type YearBasis } from './counting.js';

/**
 * The facts the cross-check rules (AN-6) compare across departments, read here because facts owns
 * every read of the exchange's tables: each function returns the subjects that break a rule,
 * within an area and, for an incremental run, only for some employers. No personal data leaves:
 * a person is matched by their lookup key inside SQL, never returned.
 */

/** A subject that breaks a rule: what it is about, whose it is, and the records behind it. */
export interface CrossFact {
  subjectKey: string;
  employerId: number;
  jurisdictionId: number;
  evidence: Record<string, unknown>;
}

export interface CrossFactQuery {
  /** The area (jurisdiction path) to look in. */
  path: string;
  /** Only these employers (an incremental run); null for every employer of the area. */
  employerIds: number[] | null;
  /** The day the check is made (deadlines and years count from it). */
  asOf: string;
}

/** A list of ids as one text parameter: the statement stays the same size whatever the count. */
function employerFilter(column: SQL, ids: number[] | null): SQL {
  if (ids === null) return sql`true`;
  if (ids.length === 0) return sql`false`;
  return sql`${column} = any(string_to_array(${ids.join(',')}, ',')::int[])`;
}

const yearOfDate = (date: string) => Number(date.slice(0, 4));

/** The years a rule looks at: from `lookbackYears` before the as-of year to `latestYearOffset` before it. */
function yearsOf(asOf: string, lookbackYears: number, latestYearOffset: number) {
  const y = yearOfDate(asOf);
  return { from: y - lookbackYears, to: y - latestYearOffset };
}

type Raw = { subject: string; employer_id: number; jurisdiction_id: number } & Record<string, unknown>;

function toFacts(rows: Raw[], evidence: (r: Raw) => Record<string, unknown>): CrossFact[] {
  return rows.map((r) => ({
    subjectKey: String(r.subject),
    employerId: Number(r.employer_id),
    jurisdictionId: Number(r.jurisdiction_id),
    evidence: evidence(r),
  }));
}

/** (a) Determinations whose employer has no insured headcount (or zero) in the injury's year. */
export async function findInjuriesWithoutHeadcount(
  db: Db,
  q: CrossFactQuery & { basis: YearBasis; lookbackYears: number; latestYearOffset: number },
): Promise<CrossFact[]> {
  const years = yearsOf(q.asOf, q.lookbackYears, q.latestYearOffset);
  if (years.to < years.from) return [];
  const yr = injuryFacts.year('i', q.basis);
  const rows = await selectRows<Raw>(
    db,
    sql`
    select 'injury:' || i.case_no as subject, i.employer_id, i.jurisdiction_id, i.case_no,
      ${yr} as yr, i.occurred_on::text as occurred_on, i.determined_on::text as determined_on,
      h.average_insured
    from injury_cases i
    join jurisdictions j on j.id = i.jurisdiction_id
    left join insured_headcounts h on h.employer_id = i.employer_id and h.year = ${yr}
    where ${withinScope(sql`j.path`, q.path)} and ${employerFilter(sql`i.employer_id`, q.employerIds)}
      and ${injuryFacts.inYears('i', q.basis, years.from, years.to)}
      and (h.id is null or h.average_insured = 0)
    order by i.id`,
  );
  return toFacts(rows, (r) => ({
    caseNo: r.case_no,
    year: Number(r.yr),
    occurredOn: r.occurred_on,
    determinedOn: r.determined_on,
    averageInsured: r.average_insured === null ? null : Number(r.average_insured),
  }));
}

/**
 * (b) Determinations whose worker is not on the employer's insured list (参保人员名单) of the
 * injury's year; with `onlyWhereListExists`, only employers that submitted a list for that year
 * (the lists are required of dust-hazard employers first, so elsewhere absence proves nothing).
 */
export async function findInjuredNotInsured(
  db: Db,
  q: CrossFactQuery & { lookbackYears: number; latestYearOffset: number; onlyWhereListExists: boolean },
): Promise<CrossFact[]> {
  const years = yearsOf(q.asOf, q.lookbackYears, q.latestYearOffset);
  if (years.to < years.from) return [];
  const yr = injuryFacts.year('i', 'occurred');
  const listExists = q.onlyWhereListExists
    ? sql`and exists (select 1 from insured_persons l where l.employer_id = i.employer_id and l.year = ${yr})`
    : sql``;
  const rows = await selectRows<Raw>(
    db,
    sql`
    select 'injury:' || i.case_no as subject, i.employer_id, i.jurisdiction_id, i.case_no, ${yr} as yr,
      i.occurred_on::text as occurred_on
    from injury_cases i
    join jurisdictions j on j.id = i.jurisdiction_id
    where ${withinScope(sql`j.path`, q.path)} and ${employerFilter(sql`i.employer_id`, q.employerIds)}
      and ${injuryFacts.inYears('i', 'occurred', years.from, years.to)}
      and not exists (select 1 from insured_persons p where p.employer_id = i.employer_id
        and p.year = ${yr} and p.id_number_index = i.id_number_index)
      ${listExists}
    order by i.id`,
  );
  return toFacts(rows, (r) => ({ caseNo: r.case_no, year: Number(r.yr), occurredOn: r.occurred_on }));
}

/**
 * (c) Safety accidents (应急) with deaths and no determination of the employer dated within
 * `matchWindowDays` of the accident, once `responseDays` have passed since it.
 */
export async function findAccidentsWithoutDetermination(
  db: Db,
  q: CrossFactQuery & { responseDays: number; matchWindowDays: number; lookbackYears: number },
): Promise<CrossFact[]> {
  const latest = addDays(q.asOf, -q.responseDays);
  const earliest = `${yearOfDate(q.asOf) - q.lookbackYears}-01-01`;
  const rows = await selectRows<Raw>(
    db,
    sql`
    select 'accident:' || a.accident_no as subject, a.employer_id, a.jurisdiction_id, a.accident_no,
      a.occurred_on::text as occurred_on, a.deaths, a.serious_injuries
    from safety_accidents a
    join jurisdictions j on j.id = a.jurisdiction_id
    where ${withinScope(sql`j.path`, q.path)} and ${employerFilter(sql`a.employer_id`, q.employerIds)}
      and a.deaths > 0 and a.occurred_on >= ${earliest}::date and a.occurred_on <= ${latest}::date
      and not exists (select 1 from injury_cases i where i.employer_id = a.employer_id
        and i.occurred_on between a.occurred_on - ${q.matchWindowDays}::int and a.occurred_on + ${q.matchWindowDays}::int)
    order by a.id`,
  );
  return toFacts(rows, (r) => ({
    accidentNo: r.accident_no,
    occurredOn: r.occurred_on,
    deaths: Number(r.deaths),
    seriousInjuries: Number(r.serious_injuries),
  }));
}

/**
 * (d) Occupational-disease diagnoses (卫健) with no determination of the same worker at the same
 * employer dated from `matchWindowDays` before the diagnosis on, once `responseDays` have passed.
 */
export async function findDiseasesWithoutDetermination(
  db: Db,
  q: CrossFactQuery & { responseDays: number; matchWindowDays: number; lookbackYears: number },
): Promise<CrossFact[]> {
  const latest = addDays(q.asOf, -q.responseDays);
  const earliest = `${yearOfDate(q.asOf) - q.lookbackYears}-01-01`;
  const rows = await selectRows<Raw>(
    db,
    sql`
    select 'disease:' || d.case_no as subject, d.employer_id, d.jurisdiction_id, d.case_no,
      d.diagnosed_on::text as diagnosed_on, d.disease_class, d.disease_name
    from disease_cases d
    join jurisdictions j on j.id = d.jurisdiction_id
    where ${withinScope(sql`j.path`, q.path)} and ${employerFilter(sql`d.employer_id`, q.employerIds)}
      and d.diagnosed_on >= ${earliest}::date and d.diagnosed_on <= ${latest}::date
      and not exists (select 1 from injury_cases i where i.employer_id = d.employer_id
        and i.id_number_index = d.id_number_index and i.occurred_on >= d.diagnosed_on - ${q.matchWindowDays}::int)
    order by d.id`,
  );
  return toFacts(rows, (r) => ({
    caseNo: r.case_no,
    diagnosedOn: r.diagnosed_on,
    diseaseClass: r.disease_class,
    diseaseName: r.disease_name,
  }));
}

/**
 * (e) Employers of a dust-hazard industry (GB/T 4754 prefixes) whose insured share of the workforce
 * (the headcount column `shareColumn` ÷ 职工人数) in a year is below `minShare`.
 */
export async function findDustEmployersUnderInsured(
  db: Db,
  q: CrossFactQuery & {
    industryPrefixes: string[];
    minShare: number;
    shareColumn: 'average_insured' | 'average_paying';
    lookbackYears: number;
    latestYearOffset: number;
  },
): Promise<CrossFact[]> {
  const years = yearsOf(q.asOf, q.lookbackYears, q.latestYearOffset);
  if (years.to < years.from || q.industryPrefixes.length === 0) return [];
  const insured = sql.raw(`h.${q.shareColumn}`);
  const prefixes = sql.join(
    q.industryPrefixes.map((p) => sql`o.industry_code like ${`${p}%`}`),
    sql` or `,
  );
  const rows = await selectRows<Raw>(
    db,
    sql`
    select 'employer:' || o.id || ':' || h.year as subject, o.id as employer_id, o.jurisdiction_id,
      o.industry_code, h.year, ${insured} as insured, h.employees
    from insured_headcounts h
    join organisations o on o.id = h.employer_id
    join jurisdictions j on j.id = o.jurisdiction_id
    where ${withinScope(sql`j.path`, q.path)} and ${employerFilter(sql`h.employer_id`, q.employerIds)}
      and h.year between ${years.from} and ${years.to} and (${prefixes})
      and h.employees > 0 and ${insured}::numeric < ${q.minShare}::numeric * h.employees
    order by o.id, h.year`,
  );
  return toFacts(rows, (r) => ({
    industryCode: r.industry_code,
    year: Number(r.year),
    insured: Number(r.insured),
    employees: Number(r.employees),
    share: Math.round((Number(r.insured) / Number(r.employees)) * 1000) / 1000,
  }));
}

/** The fact tables of the domains whose rows name an employer (fund accounts do not). */
const EMPLOYER_TABLES: Partial<Record<Domain, string>> = {
  headcounts: 'insured_headcounts',
  insuredPersons: 'insured_persons',
  injuries: 'injury_cases',
  accidents: 'safety_accidents',
  diseases: 'disease_cases',
  contributions: 'employer_contributions',
};

/**
 * The employers whose rows of `domain` a batch owns (written by it, or still owned by a batch about
 * to be superseded): what an incremental cross-check looks at again. Null for a domain whose rows
 * name no employer through a batch (employers, fund accounts): the caller re-checks the area.
 */
export async function listEmployersOfBatch(
  db: Db,
  domain: Domain,
  batchId: number,
): Promise<number[] | null> {
  const table = EMPLOYER_TABLES[domain];
  if (!table) return null;
  const rows = await selectRows<{ employer_id: number }>(
    db,
    sql`select distinct employer_id from ${sql.raw(table)} where batch_id = ${batchId} order by 1`,
  );
  return rows.map((r) => Number(r.employer_id));
}

/** The area a batch was submitted for (its submitter's jurisdiction path), or null for no such batch. */
export async function batchAreaPath(db: Db, batchId: number): Promise<string | null> {
  const [row] = await selectRows<{ path: string }>(
    db,
    sql`select j.path from exchange_batches b join jurisdictions j on j.id = b.jurisdiction_id where b.id = ${batchId}`,
  );
  return row ? String(row.path) : null;
}
