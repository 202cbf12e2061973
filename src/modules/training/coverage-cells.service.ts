import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import type { DailyTask } from '../../platform/jobs/daily.js';
import { addDays, today } from '../../platform/time.js';
import { findPlanPeriod } from '../enterprises/enterprises.service.js';
import { resolveSettings } from '../settings/settings.service.js';
import { trainingCoverageCells, trainingCoverageState } from './coverage-cells.tables.js';
import { isTrainedAsOf, keyIndustryPrefixes } from './coverage-sql.js';
import { TRAINING_SETTINGS } from './training.settings.js';

/**
 * The maintained coverage cells (decision 0026). A cell sums, for one employer jurisdiction, key
 * post and key industry, the posts held today, due, in grace and trained — computed by the same
 * rules as the coverage query over the raw rows, with the key-industry list and grace period of
 * the province. The coverage query reads the cells only where they give the same answer (see
 * canReadCells); elsewhere it counts the raw rows.
 */

/** Province path of a jurisdiction path (100000/350000/… → 100000/350000); the root stays itself. */
export function provincePathOf(path: string): string {
  return path.split('/').slice(0, 2).join('/');
}

/** Recomputes the cells of some employer jurisdictions (all when `jurisdictionIds` is absent). */
async function refreshCells(db: Db, jurisdictionIds?: number[]): Promise<void> {
  const asOf = today();
  const period = await findPlanPeriod(db, undefined, Number(asOf.slice(0, 4)));
  if (jurisdictionIds && jurisdictionIds.length === 0) return;
  const [state] = await db
    .select()
    .from(trainingCoverageState)
    .where(eq(trainingCoverageState.planPeriodId, period.id));
  // A partial refresh keeps day-old cells wrong elsewhere: only a fresh day is patched.
  if (jurisdictionIds && state?.asOf !== asOf) return;
  const leaves = rowsOf<{ id: number; path: string }>(
    await db.execute(
      jurisdictionIds
        ? sql`select id, path from jurisdictions where id in (${sql.join(
            jurisdictionIds.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`select distinct j.id, j.path from jurisdictions j join organisations o on o.jurisdiction_id = j.id where o.kind = 'employer'`,
    ),
  );
  const byProvince = new Map<string, number[]>();
  for (const l of leaves) {
    const p = provincePathOf(l.path);
    byProvince.set(p, [...(byProvince.get(p) ?? []), Number(l.id)]);
  }
  await db.transaction(async (tx) => {
    if (jurisdictionIds)
      await tx
        .delete(trainingCoverageCells)
        .where(
          and(
            eq(trainingCoverageCells.planPeriodId, period.id),
            inArray(trainingCoverageCells.jurisdictionId, jurisdictionIds),
          ),
        );
    else await tx.delete(trainingCoverageCells).where(eq(trainingCoverageCells.planPeriodId, period.id));
    for (const [province, ids] of byProvince) {
      const { grace } = await resolveSettings(tx, province, { grace: TRAINING_SETTINGS.graceDays });
      const dueBy = addDays(asOf, -grace.value);
      const inLeaves = jurisdictionIds
        ? sql`o.jurisdiction_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`${withinScope(sql`j.path`, province)}`;
      await tx.execute(sql`
        insert into training_coverage_cells (plan_period_id, jurisdiction_id, role_code, industry, posts, due, in_grace, trained)
        with ki as (${keyIndustryPrefixes(period.id, province)}),
        emp as (
          select o.id, o.industry_code, o.jurisdiction_id,
            (select string_agg(distinct ki.name, '、' order by ki.name) from ki where o.industry_code like ki.prefix || '%') as industry
          from organisations o join jurisdictions j on j.id = o.jurisdiction_id
          where o.kind = 'employer' and ${inLeaves}
        ),
        held as (
          select distinct on (emp.jurisdiction_id, h.id_number_index, r.code) emp.jurisdiction_id, h.id_number_index,
            r.code as role_code, h.started_on, emp.industry
          from key_post_holders h
          join training_roles r on r.id = h.role_id and r.plan_period_id = ${period.id}
          join emp on emp.id = h.employer_id
          where emp.industry is not null and h.started_on <= ${asOf} and (h.ended_on is null or h.ended_on > ${asOf})
          order by emp.jurisdiction_id, h.id_number_index, r.code, h.started_on, h.id
        ),
        judged as (
          select held.*, ${isTrainedAsOf(sql`held.id_number_index`, sql`held.role_code`, asOf)} as trained from held
        )
        select ${period.id}, jurisdiction_id, role_code, industry, count(*)::int,
          count(*) filter (where trained or started_on <= ${dueBy})::int,
          count(*) filter (where not trained and started_on > ${dueBy})::int,
          count(*) filter (where trained)::int
        from judged group by jurisdiction_id, role_code, industry`);
    }
    if (!jurisdictionIds)
      await tx
        .insert(trainingCoverageState)
        .values({ planPeriodId: period.id, asOf })
        .onConflictDoUpdate({
          target: trainingCoverageState.planPeriodId,
          set: { asOf, refreshedAt: sql`clock_timestamp()` },
        });
    // A jurisdiction's refresh moves the state's time too: the overview's stamp reads it.
    else
      await tx
        .update(trainingCoverageState)
        .set({ refreshedAt: sql`clock_timestamp()` })
        .where(eq(trainingCoverageState.planPeriodId, period.id));
  });
}

/** Recomputes every cell for today (the daily refresh; also after a bulk load). */
export async function refreshCoverageCells(db: Db): Promise<void> {
  await refreshCells(db);
}

/**
 * Recomputes the cells a write touched: the jurisdictions of the employers named, and of every
 * employer where the persons named (by their 身份证号's lookup key) hold a post (a completion changes their coverage everywhere).
 * Runs inside the writer's transaction so cells and rows change together.
 */
export async function refreshCoverageCellsFor(
  db: Db,
  touched: { employerIds?: number[]; idNumberIndexes?: string[] },
): Promise<void> {
  const parts = [];
  if (touched.employerIds?.length)
    parts.push(
      sql`select jurisdiction_id from organisations where id in (${sql.join(
        touched.employerIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  if (touched.idNumberIndexes?.length)
    parts.push(
      sql`select o.jurisdiction_id from key_post_holders h join organisations o on o.id = h.employer_id where h.id_number_index in (${sql.join(
        touched.idNumberIndexes.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  if (parts.length === 0) return;
  const ids = rowsOf<{ jurisdiction_id: number }>(
    await db.execute(sql`select distinct jurisdiction_id from (${sql.join(parts, sql` union `)}) t`),
  ).map((r) => Number(r.jurisdiction_id));
  await refreshCells(db, ids);
}

/**
 * Whether the cells answer a coverage query exactly: they describe the day asked, and the
 * jurisdiction sees the province's key-industry list and grace period (no list of its own, of an
 * ancestor below the province, or of a jurisdiction below it; no grace of its own).
 */
export async function canReadCells(
  db: Db,
  q: { planPeriodId: number; path: string; asOf: string; graceDays: number },
): Promise<boolean> {
  const [state] = await db
    .select()
    .from(trainingCoverageState)
    .where(eq(trainingCoverageState.planPeriodId, q.planPeriodId));
  if (state?.asOf !== q.asOf) return false;
  const province = provincePathOf(q.path);
  const { grace } = await resolveSettings(db, province, { grace: TRAINING_SETTINGS.graceDays });
  if (grace.value !== q.graceDays) return false;
  const codes = q.path.split('/').slice(2);
  const [own] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from key_industries k join jurisdictions j on j.id = k.jurisdiction_id
      where k.plan_period_id = ${q.planPeriodId} and k.category = 'key'
        and (${
          codes.length > 0
            ? sql`j.code in (${sql.join(
                codes.map((c) => sql`${c}`),
                sql`, `,
              )})`
            : sql`false`
        } or (j.path like ${`${province}/%`} and ${withinScope(sql`j.path`, q.path)}))`),
  );
  return Number(own?.n ?? 0) === 0;
}

export interface CellRow {
  area_code: string;
  area_name: string;
  role_code: string;
  industry: string;
  posts: number;
  due: number;
  in_grace: number;
  trained: number;
}

/** Coverage rows by child area × role × industry, summed from the cells (the fast path). */
export async function readCoverageCells(
  db: Db,
  q: { planPeriodId: number; path: string; code: string },
): Promise<CellRow[]> {
  const depth = q.path.split('/').length;
  return rowsOf<CellRow>(
    await db.execute(sql`
      select coalesce(nullif(split_part(j.path, '/', ${depth + 1}), ''), ${q.code}) as area_code,
        coalesce(aj.name, nullif(split_part(j.path, '/', ${depth + 1}), ''), ${q.code}) as area_name,
        c.role_code, c.industry, sum(c.posts)::int as posts, sum(c.due)::int as due,
        sum(c.in_grace)::int as in_grace, sum(c.trained)::int as trained
      from training_coverage_cells c join jurisdictions j on j.id = c.jurisdiction_id
      left join jurisdictions aj on aj.code = coalesce(nullif(split_part(j.path, '/', ${depth + 1}), ''), ${q.code})
      where c.plan_period_id = ${q.planPeriodId} and ${withinScope(sql`j.path`, q.path)}
      group by 1, 2, 3, 4`),
  );
}

/** The daily run (platform/jobs/daily.ts): the cells describe one day, so the new day recounts them. */
export const coverageCellsDailyTask: DailyTask = {
  name: 'training.coverage-cells',
  description: {
    zh: '按当日重算培训覆盖统计（重点岗位到期、宽限期随日期变化）',
    en: 'Training coverage cells recounted for the new day (due dates and grace periods move with it)',
  },
  run: async (db, at) => {
    await refreshCoverageCells(db);
    return `cells of ${today(at)} counted`;
  },
};
