import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { type Domain, FORMATS } from './formats.js';
import { stagingColumn } from './staging.js';

/**
 * The SQL that moves a batch's staged rows into the fact tables. Everything here runs inside the
 * one transaction that commits the batch, so a crash leaves either the whole batch or none of it.
 */
interface MergeContext {
  batchId: number;
  domain: Domain;
  /** Jurisdiction of the submitter: rows and employers must lie within it. */
  scopePath: string;
  scopeJurisdictionId: number;
  supersedesBatchId: number | null;
}

const c = (domain: Domain, key: string) => sql.raw(`s.${stagingColumn(domain, key)}`);

/** Rows in the same batch with the same natural key: the first line wins, the others are rejected. */
async function rejectDuplicates(tx: Db, ctx: MergeContext) {
  const keyColumns = FORMATS[ctx.domain].naturalKey.map((k) => c(ctx.domain, k));
  const keyList = sql.join(keyColumns, sql`, `);
  const keyText = sql.join(
    keyColumns.map((col) => sql`coalesce(${col}, '')`),
    sql` || '|' || `,
  );
  await tx.execute(sql`
    with ranked as (
      select s.ctid as rid, s.line, first_value(s.line) over (partition by ${keyList} order by s.line) as first_line,
             ${keyText} as key_text
      from exchange_staging s where s.batch_id = ${ctx.batchId}
    ), removed as (
      delete from exchange_staging s using ranked r
      where s.batch_id = ${ctx.batchId} and s.ctid = r.rid and r.line <> r.first_line
      returning s.line, s.raw, r.first_line, r.key_text
    )
    insert into exchange_rejected_rows (batch_id, line, raw, issues)
    select ${ctx.batchId}, line, raw,
           jsonb_build_array(jsonb_build_object('column', '', 'code', 'row.duplicate_in_file',
             'params', jsonb_build_object('line', first_line, 'key', key_text)))
    from removed`);
}

/** Rows naming an employer registered outside the submitter's scope are rejected, not merged. */
async function rejectEmployersOutsideScope(tx: Db, ctx: MergeContext) {
  const credit = c(ctx.domain, 'creditCode');
  await tx.execute(sql`
    with removed as (
      delete from exchange_staging s using organisations o, jurisdictions j
      where s.batch_id = ${ctx.batchId} and o.credit_code = ${credit} and j.id = o.jurisdiction_id
        and not ${withinScope(sql`j.path`, ctx.scopePath)}
      returning s.line, s.raw
    )
    insert into exchange_rejected_rows (batch_id, line, raw, issues)
    select ${ctx.batchId}, line, raw, '[{"column":"creditCode","code":"row.employer_outside"}]'::jsonb from removed`);
}

/** Unknown credit codes become pending employers, listed for review (DX-2). Returns how many. */
async function createPendingEmployers(tx: Db, ctx: MergeContext): Promise<number> {
  const credit = c(ctx.domain, 'creditCode');
  const status = c(ctx.domain, 'creditCodeStatus');
  const hasJurisdiction = FORMATS[ctx.domain].columns.some((col) => col.key === 'jurisdictionCode');
  const jurisdiction: SQL = hasJurisdiction
    ? sql`coalesce((select j.id from jurisdictions j where j.code = ${c(ctx.domain, 'jurisdictionCode')}), ${ctx.scopeJurisdictionId})`
    : sql`${ctx.scopeJurisdictionId}`;
  const result = await tx.execute(sql`
    insert into organisations (kind, name, credit_code, credit_code_status, jurisdiction_id, is_pending, source_batch_id)
    select distinct on (${credit}) 'employer', '待核实用人单位（' || ${credit} || '）', ${credit}, ${status}, ${jurisdiction}, true, ${ctx.batchId}
    from exchange_staging s
    where s.batch_id = ${ctx.batchId} and not exists (select 1 from organisations o where o.credit_code = ${credit})
    order by ${credit}, s.line
    on conflict (credit_code) do nothing
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

async function mergeFacts(tx: Db, ctx: MergeContext) {
  const d = ctx.domain;
  const col = (key: string) => c(d, key);
  const b = ctx.batchId;
  // Employers and jurisdictions are joined by code: every staged code exists by now (unknown
  // employers became pending ones, jurisdictions were validated against the scope).
  switch (d) {
    case 'employers':
      await tx.execute(sql`
        insert into organisations (kind, name, credit_code, credit_code_status, industry_code, jurisdiction_id, size_band, insurance_status, is_pending, source_batch_id)
        select 'employer', ${col('name')}, ${col('creditCode')}, ${col('creditCodeStatus')}, ${col('industryCode')}, j.id,
               ${col('sizeBand')}, ${col('insuranceStatus')}, false, ${b}
        from exchange_staging s join jurisdictions j on j.code = ${col('jurisdictionCode')} where s.batch_id = ${b}
        on conflict (credit_code) do update set name = excluded.name, credit_code_status = excluded.credit_code_status,
          industry_code = excluded.industry_code, jurisdiction_id = excluded.jurisdiction_id, size_band = excluded.size_band,
          insurance_status = excluded.insurance_status, is_pending = false, source_batch_id = excluded.source_batch_id, updated_at = now()`);
      return;
    case 'headcounts':
      await tx.execute(sql`
        insert into insured_headcounts (employer_id, year, average_insured, average_paying, employees, batch_id)
        select o.id, ${col('year')}::smallint, ${col('averageInsured')}::int, ${col('averagePaying')}::int, ${col('employees')}::int, ${b}
        from exchange_staging s join organisations o on o.credit_code = ${col('creditCode')} where s.batch_id = ${b}
        on conflict (employer_id, year) do update set average_insured = excluded.average_insured,
          average_paying = excluded.average_paying, employees = excluded.employees, batch_id = excluded.batch_id`);
      return;
    case 'insuredPersons':
      await tx.execute(sql`
        insert into insured_persons (employer_id, year, id_number, person_name, insured_from, batch_id)
        select o.id, ${col('year')}::smallint, ${col('idNumber')}, ${col('personName')}, ${col('insuredFrom')}::date, ${b}
        from exchange_staging s join organisations o on o.credit_code = ${col('creditCode')} where s.batch_id = ${b}
        on conflict (employer_id, year, id_number) do update set person_name = excluded.person_name,
          insured_from = excluded.insured_from, batch_id = excluded.batch_id`);
      return;
    case 'injuries':
      await tx.execute(sql`
        insert into injury_cases (case_no, employer_id, jurisdiction_id, id_number, person_name, sex, birth_date, post, occurred_on,
          determined_on, ground, accident_category, severity, disability_grade, is_death, fund_expenditure_fen, batch_id)
        select ${col('caseNo')}, o.id, j.id, ${col('idNumber')}, ${col('personName')}, ${col('sex')},
          ${col('birthDate')}::date, ${col('post')}, ${col('occurredOn')}::date, ${col('determinedOn')}::date, ${col('ground')},
          ${col('accidentCategory')}, ${col('severity')}, ${col('disabilityGrade')}::smallint, ${col('isDeath')}::boolean,
          ${col('fundExpenditureFen')}::bigint, ${b}
        from exchange_staging s join organisations o on o.credit_code = ${col('creditCode')} join jurisdictions j on j.code = ${col('jurisdictionCode')} where s.batch_id = ${b}
        on conflict (case_no) do update set employer_id = excluded.employer_id, jurisdiction_id = excluded.jurisdiction_id,
          id_number = excluded.id_number, person_name = excluded.person_name, sex = excluded.sex, birth_date = excluded.birth_date,
          post = excluded.post, occurred_on = excluded.occurred_on, determined_on = excluded.determined_on, ground = excluded.ground,
          accident_category = excluded.accident_category, severity = excluded.severity, disability_grade = excluded.disability_grade,
          is_death = excluded.is_death, fund_expenditure_fen = excluded.fund_expenditure_fen, batch_id = excluded.batch_id`);
      return;
    case 'accidents':
      await tx.execute(sql`
        insert into safety_accidents (accident_no, employer_id, jurisdiction_id, occurred_on, category, grade, deaths, serious_injuries, direct_loss_fen, batch_id)
        select ${col('accidentNo')}, o.id, j.id, ${col('occurredOn')}::date, ${col('category')}, ${col('grade')},
          ${col('deaths')}::int, ${col('seriousInjuries')}::int, ${col('directLossFen')}::bigint, ${b}
        from exchange_staging s join organisations o on o.credit_code = ${col('creditCode')} join jurisdictions j on j.code = ${col('jurisdictionCode')} where s.batch_id = ${b}
        on conflict (accident_no) do update set employer_id = excluded.employer_id, jurisdiction_id = excluded.jurisdiction_id,
          occurred_on = excluded.occurred_on, category = excluded.category, grade = excluded.grade, deaths = excluded.deaths,
          serious_injuries = excluded.serious_injuries, direct_loss_fen = excluded.direct_loss_fen, batch_id = excluded.batch_id`);
      return;
    case 'diseases':
      await tx.execute(sql`
        insert into disease_cases (case_no, employer_id, jurisdiction_id, id_number, person_name, catalogue_version, disease_class,
          disease_name, is_pneumoconiosis, diagnosed_on, exposure_years, batch_id)
        select ${col('caseNo')}, o.id, j.id, ${col('idNumber')}, ${col('personName')}, ${col('catalogueVersion')},
          ${col('diseaseClass')}, ${col('diseaseName')}, coalesce(${col('isPneumoconiosis')}::boolean, false), ${col('diagnosedOn')}::date,
          ${col('exposureYears')}::numeric, ${b}
        from exchange_staging s join organisations o on o.credit_code = ${col('creditCode')} join jurisdictions j on j.code = ${col('jurisdictionCode')} where s.batch_id = ${b}
        on conflict (case_no) do update set employer_id = excluded.employer_id, jurisdiction_id = excluded.jurisdiction_id,
          id_number = excluded.id_number, person_name = excluded.person_name, catalogue_version = excluded.catalogue_version,
          disease_class = excluded.disease_class, disease_name = excluded.disease_name, is_pneumoconiosis = excluded.is_pneumoconiosis,
          diagnosed_on = excluded.diagnosed_on, exposure_years = excluded.exposure_years, batch_id = excluded.batch_id`);
      return;
    case 'fund':
      await tx.execute(sql`
        insert into fund_accounts (jurisdiction_id, year, contribution_income_fen, benefit_expenditure_fen, prevention_fee_spent_fen, batch_id)
        select j.id, ${col('year')}::smallint, ${col('contributionIncomeFen')}::bigint, ${col('benefitExpenditureFen')}::bigint,
          ${col('preventionFeeSpentFen')}::bigint, ${b}
        from exchange_staging s join jurisdictions j on j.code = ${col('jurisdictionCode')} where s.batch_id = ${b}
        on conflict (jurisdiction_id, year) do update set contribution_income_fen = excluded.contribution_income_fen,
          benefit_expenditure_fen = excluded.benefit_expenditure_fen, prevention_fee_spent_fen = excluded.prevention_fee_spent_fen,
          batch_id = excluded.batch_id`);
      return;
  }
}

const FACT_TABLES: Partial<Record<Domain, string>> = {
  headcounts: 'insured_headcounts',
  insuredPersons: 'insured_persons',
  injuries: 'injury_cases',
  accidents: 'safety_accidents',
  diseases: 'disease_cases',
  fund: 'fund_accounts',
};

/**
 * A corrected resubmission replaces the earlier batch: rows that the earlier batch still owns are
 * removed first (the employer registry is updated in place, never deleted).
 */
async function removeSupersededRows(tx: Db, ctx: MergeContext) {
  const table = FACT_TABLES[ctx.domain];
  if (!table || ctx.supersedesBatchId === null) return;
  await tx.execute(sql`delete from ${sql.raw(table)} where batch_id = ${ctx.supersedesBatchId}`);
}

/** Merges a fully staged batch. Returns the number of pending employers it created. */
export async function mergeBatch(
  tx: Db,
  ctx: MergeContext,
): Promise<{ pendingEmployers: number; stepMs: Record<string, number> }> {
  // How long each step took, for the commit's audit record and the import benchmark.
  const stepMs: Record<string, number> = {};
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    stepMs[name] = Math.round(performance.now() - started);
    return result;
  };
  await step('duplicates', () => rejectDuplicates(tx, ctx));
  const hasEmployer = FORMATS[ctx.domain].columns.some((col) => col.key === 'creditCode');
  let pendingEmployers = 0;
  if (hasEmployer) {
    await step('scope', () => rejectEmployersOutsideScope(tx, ctx));
    if (ctx.domain !== 'employers')
      pendingEmployers = await step('pending', () => createPendingEmployers(tx, ctx));
  }
  await step('supersede', () => removeSupersededRows(tx, ctx));
  await step('upsert', () => mergeFacts(tx, ctx));
  await step('cleanup', () => tx.execute(sql`delete from exchange_staging where batch_id = ${ctx.batchId}`));
  return { pendingEmployers, stepMs };
}

/** Drops the staged rows of batches that never committed (a crash mid-import). */
export async function dropStagedRows(db: Db, batchIds: number[]) {
  if (batchIds.length === 0) return;
  await db.execute(
    sql`delete from exchange_staging where batch_id in ${sql`(${sql.join(
      batchIds.map((id) => sql`${id}`),
      sql`, `,
    )})`}`,
  );
}
