import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { exchangeRejectedRows } from './exchange.tables.js';
import { type Domain, FORMATS } from './formats.js';
import { sealIssues } from './rejected-cells.js';
import { stagingColumn } from './staging.js';

/**
 * The SQL that moves a batch's validated rows into the fact tables, one chunk at a time and in
 * the file's order. Everything here runs inside the one transaction that commits the batch, so a
 * crash leaves either the whole batch or none of it. On PostgreSQL that transaction spans the
 * whole import and each chunk arrives in a temporary table; on PGlite the batch is staged first
 * and its chunks are merged from the staging table (docs/decisions/0010).
 *
 * No two rows of a chunk share a natural key (the worker rejects the later one), so each chunk is
 * one upsert; a row that the upsert did not write is a duplicate of an earlier chunk's line, names
 * an employer outside the submitter's scope, or names an unknown employer (created as pending, and
 * the row written then).
 */
export interface MergeContext {
  batchId: number;
  domain: Domain;
  /** Jurisdiction of the submitter: rows and employers must lie within it. */
  scopeJurisdictionId: number;
  /** Ids of every jurisdiction within that scope (a handful to a few hundred). */
  scopeJurisdictionIds: readonly number[];
  supersedesBatchId: number | null;
}

/** Milliseconds per merge step, summed over chunks, for the commit's audit record and the benchmark. */
export type StepTimes = Record<string, number>;

/** The temporary table a chunk is copied into on PostgreSQL (same columns as exchange_staging). */
export const CHUNK_TABLE = 'exchange_chunk';

/** A chunk of rows staged in exchange_staging: lines after `afterLine` up to `lastLine`. */
export function stagedChunk(batchId: number, afterLine: number, lastLine: number): SQL {
  return sql`(select * from exchange_staging where batch_id = ${batchId} and line > ${afterLine} and line <= ${lastLine})`;
}

const c = (domain: Domain, key: string) => sql.raw(`s.${stagingColumn(domain, key)}`);
const hasColumn = (domain: Domain, key: string) => FORMATS[domain].columns.some((col) => col.key === key);

/** A row's natural key as text, for a duplicate's message (an encrypted 身份证号 shows as `*`). */
function keyTextOf(domain: Domain): SQL {
  const isEncrypted = piiCrypto().isEnabled;
  const part = (k: string) =>
    k === 'idNumber' && isEncrypted ? sql`'*'` : sql`coalesce(${c(domain, k)}, '')`;
  return sql.join(FORMATS[domain].naturalKey.map(part), sql` || '|' || `);
}

/**
 * The upsert of chunk rows `rows` (a relation aliased `s`) into the domain's fact table. Each fact
 * keeps the batch and line that wrote it. Rows naming an employer outside the scope are not
 * written; nor is a row whose key this batch wrote already (an earlier chunk's line).
 */
function upsertSql(ctx: MergeContext, rows: SQL): [insert: SQL, onConflict: SQL] {
  const d = ctx.domain;
  const col = (key: string) => c(d, key);
  const b = ctx.batchId;
  // Lookups row by row through unique indexes, written so the planner cannot reorder them: with no
  // statistics on a chunk it hashed every employer of the scope (60 ms a chunk at 100,000
  // employers) and looped over all jurisdictions for each row. OFFSET 0 keeps the employer lookup
  // a per-row index scan; the scope is a list of ids; a jurisdiction code is a scalar subquery.
  const inScope = sql`${`{${ctx.scopeJurisdictionIds.join(',')}}`}::int[]`;
  const employer = () => sql`cross join lateral (
      select o.id from organisations o
      where o.credit_code = ${col('creditCode')} and o.jurisdiction_id = any(${inScope}) offset 0
    ) o`;
  const jurisdiction = () =>
    sql`(select j.id from jurisdictions j where j.code = ${col('jurisdictionCode')})`;
  switch (d) {
    case 'employers':
      return [
        sql`
        insert into organisations (kind, name, credit_code, credit_code_status, industry_code, jurisdiction_id, size_band, insurance_status, is_pending, source_batch_id, source_line)
        select 'employer', ${col('name')}, ${col('creditCode')}, ${col('creditCodeStatus')}, ${col('industryCode')}, ${jurisdiction()},
               ${col('sizeBand')}, ${col('insuranceStatus')}, false, ${b}, s.line
        from ${rows} s`,
        sql`on conflict (credit_code) do update set name = excluded.name, credit_code_status = excluded.credit_code_status,
          industry_code = excluded.industry_code, jurisdiction_id = excluded.jurisdiction_id, size_band = excluded.size_band,
          insurance_status = excluded.insurance_status, is_pending = false, source_batch_id = excluded.source_batch_id,
          source_line = excluded.source_line, updated_at = now()
        where organisations.source_batch_id is distinct from excluded.source_batch_id
          and organisations.jurisdiction_id = any(${inScope})`,
      ];
    case 'headcounts':
      return [
        sql`
        insert into insured_headcounts (employer_id, year, average_insured, average_paying, employees, batch_id, batch_line)
        select o.id, ${col('year')}::smallint, ${col('averageInsured')}::int, ${col('averagePaying')}::int, ${col('employees')}::int, ${b}, s.line
        from ${rows} s ${employer()}`,
        sql`on conflict (employer_id, year) do update set average_insured = excluded.average_insured,
          average_paying = excluded.average_paying, employees = excluded.employees, batch_id = excluded.batch_id,
          batch_line = excluded.batch_line
        where insured_headcounts.batch_id <> excluded.batch_id`,
      ];
    case 'insuredPersons':
      return [
        sql`
        insert into insured_persons (employer_id, year, id_number, id_number_index, person_name, sex, birth_date, insured_from, batch_id, batch_line)
        select o.id, ${col('year')}::smallint, ${col('idNumber')}, ${col('idNumberIndex')}, ${col('personName')}, ${col('sex')},
          ${col('birthDate')}::date, ${col('insuredFrom')}::date, ${b}, s.line
        from ${rows} s ${employer()}`,
        sql`on conflict (employer_id, year, id_number_index) do update set id_number = excluded.id_number, person_name = excluded.person_name,
          sex = excluded.sex, birth_date = excluded.birth_date,
          insured_from = excluded.insured_from, batch_id = excluded.batch_id, batch_line = excluded.batch_line
        where insured_persons.batch_id <> excluded.batch_id`,
      ];
    case 'injuries':
      return [
        sql`
        insert into injury_cases (case_no, employer_id, jurisdiction_id, id_number, id_number_index, person_name, sex, birth_date, post, occurred_on,
          determined_on, ground, accident_category, severity, disability_grade, is_death, fund_expenditure_fen, batch_id, batch_line)
        select ${col('caseNo')}, o.id, ${jurisdiction()}, ${col('idNumber')}, ${col('idNumberIndex')}, ${col('personName')}, ${col('sex')},
          ${col('birthDate')}::date, ${col('post')}, ${col('occurredOn')}::date, ${col('determinedOn')}::date, ${col('ground')},
          ${col('accidentCategory')}, ${col('severity')}, ${col('disabilityGrade')}::smallint, ${col('isDeath')}::boolean,
          ${col('fundExpenditureFen')}::bigint, ${b}, s.line
        from ${rows} s ${employer()}`,
        sql`on conflict (case_no) do update set employer_id = excluded.employer_id, jurisdiction_id = excluded.jurisdiction_id,
          id_number = excluded.id_number, id_number_index = excluded.id_number_index, person_name = excluded.person_name,
          sex = excluded.sex, birth_date = excluded.birth_date,
          post = excluded.post, occurred_on = excluded.occurred_on, determined_on = excluded.determined_on, ground = excluded.ground,
          accident_category = excluded.accident_category, severity = excluded.severity, disability_grade = excluded.disability_grade,
          is_death = excluded.is_death, fund_expenditure_fen = excluded.fund_expenditure_fen, batch_id = excluded.batch_id,
          batch_line = excluded.batch_line
        where injury_cases.batch_id <> excluded.batch_id`,
      ];
    case 'accidents':
      return [
        sql`
        insert into safety_accidents (accident_no, employer_id, jurisdiction_id, occurred_on, category, grade, deaths, serious_injuries, direct_loss_fen, batch_id, batch_line)
        select ${col('accidentNo')}, o.id, ${jurisdiction()}, ${col('occurredOn')}::date, ${col('category')}, ${col('grade')},
          ${col('deaths')}::int, ${col('seriousInjuries')}::int, ${col('directLossFen')}::bigint, ${b}, s.line
        from ${rows} s ${employer()}`,
        sql`on conflict (accident_no) do update set employer_id = excluded.employer_id, jurisdiction_id = excluded.jurisdiction_id,
          occurred_on = excluded.occurred_on, category = excluded.category, grade = excluded.grade, deaths = excluded.deaths,
          serious_injuries = excluded.serious_injuries, direct_loss_fen = excluded.direct_loss_fen, batch_id = excluded.batch_id,
          batch_line = excluded.batch_line
        where safety_accidents.batch_id <> excluded.batch_id`,
      ];
    case 'diseases':
      return [
        sql`
        insert into disease_cases (case_no, employer_id, jurisdiction_id, id_number, id_number_index, person_name, catalogue_version,
          disease_class, disease_name, is_pneumoconiosis, diagnosed_on, exposure_years, batch_id, batch_line)
        select ${col('caseNo')}, o.id, ${jurisdiction()}, ${col('idNumber')}, ${col('idNumberIndex')}, ${col('personName')}, ${col('catalogueVersion')},
          ${col('diseaseClass')}, ${col('diseaseName')}, coalesce(${col('isPneumoconiosis')}::boolean, false), ${col('diagnosedOn')}::date,
          ${col('exposureYears')}::numeric, ${b}, s.line
        from ${rows} s ${employer()}`,
        sql`on conflict (case_no) do update set employer_id = excluded.employer_id, jurisdiction_id = excluded.jurisdiction_id,
          id_number = excluded.id_number, id_number_index = excluded.id_number_index, person_name = excluded.person_name,
          catalogue_version = excluded.catalogue_version,
          disease_class = excluded.disease_class, disease_name = excluded.disease_name, is_pneumoconiosis = excluded.is_pneumoconiosis,
          diagnosed_on = excluded.diagnosed_on, exposure_years = excluded.exposure_years, batch_id = excluded.batch_id,
          batch_line = excluded.batch_line
        where disease_cases.batch_id <> excluded.batch_id`,
      ];
    case 'fund':
      return [
        sql`
        insert into fund_accounts (jurisdiction_id, year, contribution_income_fen, benefit_expenditure_fen, prevention_fee_spent_fen, batch_id, batch_line)
        select ${jurisdiction()}, ${col('year')}::smallint, ${col('contributionIncomeFen')}::bigint, ${col('benefitExpenditureFen')}::bigint,
          ${col('preventionFeeSpentFen')}::bigint, ${b}, s.line
        from ${rows} s`,
        sql`on conflict (jurisdiction_id, year) do update set contribution_income_fen = excluded.contribution_income_fen,
          benefit_expenditure_fen = excluded.benefit_expenditure_fen, prevention_fee_spent_fen = excluded.prevention_fee_spent_fen,
          batch_id = excluded.batch_id, batch_line = excluded.batch_line
        where fund_accounts.batch_id <> excluded.batch_id`,
      ];
    case 'contributions':
      return [
        sql`
        insert into employer_contributions (employer_id, year, insured_from, wage_bill_fen, premiums_paid_fen, benefits_paid_fen, arrears_fen, batch_id, batch_line)
        select o.id, ${col('year')}::smallint, ${col('insuredFrom')}::date, ${col('wageBillFen')}::bigint, ${col('premiumsPaidFen')}::bigint,
          ${col('benefitsPaidFen')}::bigint, coalesce(${col('arrearsFen')}::bigint, 0), ${b}, s.line
        from ${rows} s ${employer()}`,
        sql`on conflict (employer_id, year) do update set insured_from = excluded.insured_from, wage_bill_fen = excluded.wage_bill_fen,
          premiums_paid_fen = excluded.premiums_paid_fen, benefits_paid_fen = excluded.benefits_paid_fen, arrears_fen = excluded.arrears_fen,
          batch_id = excluded.batch_id, batch_line = excluded.batch_line
        where employer_contributions.batch_id <> excluded.batch_id`,
      ];
  }
}

/**
 * Each domain's fact table: its batch and line columns, and how a staged row `s` finds the fact
 * with its natural key (`f`).
 */
const FACTS: Record<Domain, { table: string; batch: string; line: string; find: (domain: Domain) => SQL }> = {
  employers: {
    table: 'organisations',
    batch: 'source_batch_id',
    line: 'source_line',
    find: (d) => sql`organisations f where f.credit_code = ${c(d, 'creditCode')}`,
  },
  headcounts: {
    table: 'insured_headcounts',
    batch: 'batch_id',
    line: 'batch_line',
    find: (d) =>
      sql`insured_headcounts f join organisations fo on fo.id = f.employer_id where fo.credit_code = ${c(d, 'creditCode')} and f.year = ${c(d, 'year')}::smallint`,
  },
  insuredPersons: {
    table: 'insured_persons',
    batch: 'batch_id',
    line: 'batch_line',
    find: (d) =>
      sql`insured_persons f join organisations fo on fo.id = f.employer_id where fo.credit_code = ${c(d, 'creditCode')} and f.year = ${c(d, 'year')}::smallint and f.id_number_index = ${c(d, 'idNumberIndex')}`,
  },
  injuries: {
    table: 'injury_cases',
    batch: 'batch_id',
    line: 'batch_line',
    find: (d) => sql`injury_cases f where f.case_no = ${c(d, 'caseNo')}`,
  },
  accidents: {
    table: 'safety_accidents',
    batch: 'batch_id',
    line: 'batch_line',
    find: (d) => sql`safety_accidents f where f.accident_no = ${c(d, 'accidentNo')}`,
  },
  diseases: {
    table: 'disease_cases',
    batch: 'batch_id',
    line: 'batch_line',
    find: (d) => sql`disease_cases f where f.case_no = ${c(d, 'caseNo')}`,
  },
  fund: {
    table: 'fund_accounts',
    batch: 'batch_id',
    line: 'batch_line',
    find: (d) =>
      sql`fund_accounts f join jurisdictions fj on fj.id = f.jurisdiction_id where fj.code = ${c(d, 'jurisdictionCode')} and f.year = ${c(d, 'year')}::smallint`,
  },
  contributions: {
    table: 'employer_contributions',
    batch: 'batch_id',
    line: 'batch_line',
    find: (d) =>
      sql`employer_contributions f join organisations fo on fo.id = f.employer_id where fo.credit_code = ${c(d, 'creditCode')} and f.year = ${c(d, 'year')}::smallint`,
  },
};

interface Unwritten {
  line: number;
  key: string;
  /** The row names a credit code no organisation has. */
  unknown: boolean;
  /** The line of this batch that wrote the same key, when the row is its duplicate. */
  first_line: number | null;
}

/**
 * One statement: the chunk's insert (a plain INSERT, or the upsert), and the rows it did not write
 * with what is known of them. Only those (rare) rows are looked up again.
 */
async function writeChunk(tx: Db, ctx: MergeContext, rows: SQL, plain: boolean): Promise<Unwritten[]> {
  const fact = FACTS[ctx.domain];
  const [insert, onConflict] = upsertSql(ctx, rows);
  const namesEmployer = hasColumn(ctx.domain, 'creditCode') && ctx.domain !== 'employers';
  const lookup = namesEmployer
    ? sql`left join lateral (select u.id from organisations u where u.credit_code = ${c(ctx.domain, 'creditCode')} offset 0) u on true`
    : sql``;
  const unknown = namesEmployer ? sql`u.id is null` : sql`false`;
  const result = await tx.execute(sql`
    with written as (${insert} ${plain ? sql`` : onConflict} returning ${sql.raw(fact.line)} as line)
    select s.line, ${keyTextOf(ctx.domain)} as key, ${unknown} as unknown,
      (select f.${sql.raw(fact.line)} from ${fact.find(ctx.domain)} and f.${sql.raw(fact.batch)} = ${ctx.batchId} limit 1) as first_line
    from ${rows} s ${lookup}
    -- NOT IN over the CTE is a hashed subplan; NOT EXISTS was planned as a nested loop (n²).
    where s.line not in (select w.line from written w)`);
  return rowsOf<Unwritten>(result).map((r) => ({
    line: Number(r.line),
    key: String(r.key),
    unknown: Boolean(r.unknown),
    first_line: r.first_line === null ? null : Number(r.first_line),
  }));
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === '23505') return true;
  return false;
}

/** What a batch's merge keeps from one chunk to the next. */
export interface MergeState {
  times: StepTimes;
  /**
   * Try a plain INSERT first (about a third cheaper than INSERT … ON CONFLICT when nothing
   * conflicts, as in a new year's file). The first chunk that meets an existing key turns it off
   * for the rest of the batch.
   */
  tryPlainInsert: boolean;
}

async function upsertChunk(tx: Db, ctx: MergeContext, rows: SQL, state: MergeState): Promise<Unwritten[]> {
  if (state.tryPlainInsert) {
    await tx.execute(sql`savepoint plain_insert`);
    try {
      const unwritten = await writeChunk(tx, ctx, rows, true);
      await tx.execute(sql`release savepoint plain_insert`);
      return unwritten;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await tx.execute(sql`rollback to savepoint plain_insert`);
      state.tryPlainInsert = false;
    }
  }
  return writeChunk(tx, ctx, rows, false);
}

/** Unknown credit codes among `rows` become pending employers, listed for review (DX-2). Returns how many. */
async function createPendingEmployers(tx: Db, ctx: MergeContext, rows: SQL): Promise<number> {
  const credit = c(ctx.domain, 'creditCode');
  const status = c(ctx.domain, 'creditCodeStatus');
  const jurisdiction: SQL = hasColumn(ctx.domain, 'jurisdictionCode')
    ? sql`coalesce((select j.id from jurisdictions j where j.code = ${c(ctx.domain, 'jurisdictionCode')}), ${ctx.scopeJurisdictionId})`
    : sql`${ctx.scopeJurisdictionId}`;
  const result = await tx.execute(sql`
    insert into organisations (kind, name, credit_code, credit_code_status, jurisdiction_id, is_pending, source_batch_id)
    select distinct on (${credit}) 'employer', '待核实用人单位（' || ${credit} || '）', ${credit}, ${status}, ${jurisdiction}, true, ${ctx.batchId}
    from ${rows} s
    where not exists (select 1 from organisations o where o.credit_code = ${credit})
    order by ${credit}, s.line
    on conflict (credit_code) do nothing
    returning id`);
  return rowsOf(result).length;
}

/** Runs `run`, adding its milliseconds to `times[name]`. */
export async function timed<T>(times: StepTimes, name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  times[name] = Math.round((times[name] ?? 0) + performance.now() - started);
  return result;
}

/**
 * Merges one chunk of rows (a relation with the staging columns, in which no two rows share a
 * natural key). `beforeWrite` runs just before the facts change (the analytics listener reads what
 * the rows replace). Returns the number of pending employers created.
 */
export async function mergeChunk(
  tx: Db,
  ctx: MergeContext,
  chunk: SQL,
  state: MergeState,
  beforeWrite?: (rows: SQL) => Promise<void>,
): Promise<number> {
  const { times } = state;
  let rows = chunk;
  if (ctx.domain === 'injuries') {
    const secondDeaths = await timed(times, 'deaths', () => rejectSecondDeaths(tx, ctx, chunk));
    if (secondDeaths.length > 0)
      rows = sql`(select * from ${chunk} s where s.line <> all(${`{${secondDeaths.join(',')}}`}::int[]))`;
  }
  if (beforeWrite) await timed(times, 'capture', () => beforeWrite(rows));
  let unwritten = await timed(times, 'upsert', () => upsertChunk(tx, ctx, rows, state));
  let pendingEmployers = 0;
  const unknownLines = unwritten.filter((u) => u.unknown).map((u) => u.line);
  if (unknownLines.length > 0) {
    // Rare: rows naming employers nobody registered. Create them as pending, then write those rows.
    const only = sql`(select * from ${rows} s where s.line = any(${`{${unknownLines.join(',')}}`}::int[]))`;
    pendingEmployers = await timed(times, 'pending', () => createPendingEmployers(tx, ctx, only));
    if (beforeWrite) await timed(times, 'capture', () => beforeWrite(only));
    const again = await timed(times, 'upsert', () => upsertChunk(tx, ctx, only, state));
    if (again.some((u) => u.unknown)) throw new Error('pending employers could not be created');
    unwritten = [...unwritten.filter((u) => !u.unknown), ...again];
  }
  if (unwritten.length > 0) {
    const hasEmployer = hasColumn(ctx.domain, 'creditCode');
    const crypto = piiCrypto();
    await tx.insert(exchangeRejectedRows).values(
      unwritten.map((u) => ({
        batchId: ctx.batchId,
        line: u.line,
        raw: null,
        // The key quotes cells: stored encrypted like them when PII_ENCRYPTION=sm4 (issue 13).
        issues: sealIssues(
          u.first_line !== null
            ? [{ column: '', code: 'row.duplicate_in_file', params: { line: u.first_line, key: u.key } }]
            : hasEmployer
              ? [{ column: 'creditCode', code: 'row.employer_outside' }]
              : [{ column: '', code: 'row.duplicate_in_file', params: { key: u.key } }],
          crypto,
        ),
      })),
    );
  }
  return pendingEmployers;
}

/**
 * A person dies once: a death determination (is_death) of a 身份证号 that already has one under
 * another case number is rejected, naming that case. Earlier death cases count from any batch,
 * this one's earlier chunks included, but not the rows of the batch this one supersedes (they are
 * removed at its end); two deaths of one person in the same chunk keep the first line. Returns
 * the rejected lines.
 */
async function rejectSecondDeaths(tx: Db, ctx: MergeContext, rows: SQL): Promise<number[]> {
  const id = c(ctx.domain, 'idNumberIndex');
  const caseNo = c(ctx.domain, 'caseNo');
  const superseded = ctx.supersedesBatchId ?? -1;
  const result = await tx.execute(sql`
    with dead as (
      select s.line, ${id} as id_number_index, ${caseNo} as case_no from ${rows} s where ${c(ctx.domain, 'isDeath')} = 'true'
    )
    select d.line, coalesce(
      (select f.case_no from injury_cases f
        where f.id_number_index = d.id_number_index and f.is_death and f.case_no <> d.case_no and f.batch_id <> ${superseded}
        order by f.determined_on, f.case_no limit 1),
      (select e.case_no from dead e where e.id_number_index = d.id_number_index and e.line < d.line and e.case_no <> d.case_no
        order by e.line limit 1)
    ) as earlier
    from dead d`);
  const found = rowsOf<{ line: number; earlier: string | null }>(result).filter((r) => r.earlier !== null);
  if (found.length === 0) return [];
  await tx.insert(exchangeRejectedRows).values(
    found.map((r) => ({
      batchId: ctx.batchId,
      line: Number(r.line),
      raw: null,
      issues: [{ column: 'isDeath', code: 'row.second_death', params: { caseNo: r.earlier } }],
    })),
  );
  return found.map((r) => Number(r.line));
}

/**
 * A corrected resubmission replaces the earlier batch: the rows that the earlier batch still owns
 * (the ones the new batch did not write again) are removed. The employer registry is updated in
 * place, never deleted.
 */
export async function removeSupersededRows(tx: Db, ctx: MergeContext) {
  if (ctx.domain === 'employers' || ctx.supersedesBatchId === null) return;
  await tx.execute(
    sql`delete from ${sql.raw(FACTS[ctx.domain].table)} where batch_id = ${ctx.supersedesBatchId}`,
  );
}

/**
 * How many rows the corrected batch wrote (its committed valid rows) and how many of them this
 * batch's merge would remove (the facts it still owns, not written again). Null for the employer
 * registry, which a correction updates and never deletes.
 */
export async function countSupersededRows(
  tx: Db,
  ctx: MergeContext,
): Promise<{ removed: number; total: number } | null> {
  if (ctx.domain === 'employers' || ctx.supersedesBatchId === null) return null;
  const result = await tx.execute(sql`
    select (select count(*) from ${sql.raw(FACTS[ctx.domain].table)} where batch_id = ${ctx.supersedesBatchId}) as removed,
      (select valid_rows from exchange_batches where id = ${ctx.supersedesBatchId}) as total`);
  const [row] = rowsOf<{ removed: unknown; total: unknown }>(result);
  return { removed: Number(row?.removed ?? 0), total: Number(row?.total ?? 0) };
}

/** Drops the staged rows of batches that never committed (a crash mid-import on PGlite). */
export async function dropStagedRows(db: Db, batchIds: number[]) {
  if (batchIds.length === 0) return;
  await db.execute(
    sql`delete from exchange_staging where batch_id in ${sql`(${sql.join(
      batchIds.map((id) => sql`${id}`),
      sql`, `,
    )})`}`,
  );
}
