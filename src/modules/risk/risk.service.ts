import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf, selectRows } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { notFound } from '../../platform/http/errors.js';
import type { Domain } from '../exchange/formats.js';
import { stagingColumn } from '../exchange/staging.js';
import { accidentFacts, diseaseFacts, injuryFacts } from '../facts/counting.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { notifyUnit } from '../notifications/notifications.service.js';
import { type ExposedEmployer, fitCredibilityWithFallback, shrink } from '../ranking/credibility.js';
import { resolveSettings } from '../settings/settings.service.js';
import {
  type ComponentKey,
  FORMULA,
  gradeRank,
  RISK_GRADES,
  type RiskComponents,
  type RiskGrade,
  type RiskInputs,
  SCALES,
  scoreRisk,
} from './risk.logic.js';
import { RISK_SETTINGS } from './risk.settings.js';
import { riskAlerts, riskFits, riskRecomputeQueue, riskScores } from './risk.tables.js';

/**
 * The enterprise risk index (AN-5, decision 0035). Figures are read from the exchange's fact
 * tables through the counting helpers of facts (as analytics does), rectifications of the joint
 * meeting, the latest rating of rates and key-post holders of training, in one statement per batch
 * of employers; the arithmetic is risk.logic.ts.
 */

const INSERT_CHUNK = 1_000;

interface EmployerRow {
  id: number;
  name: string;
  industry: string;
  path: string;
  insurance_status: 'insured' | 'uninsured' | 'suspended' | null;
  cases: number;
  insured: number | null;
  deaths: number;
  serious: number;
  diseases: number;
  over_limit: number;
  open_rect: number;
  overdue_rect: number;
  multiplier: number | null;
  holders: number;
  trained: number;
}

/** The day the year is judged at: its last day, or today while it runs. */
function asOfDate(year: number, now: Date): string {
  const end = `${year}-12-31`;
  const today = now.toISOString().slice(0, 10);
  return today < end ? today : end;
}

/** Which employers to read: some by id, those of a scope (a jurisdiction path), or all. */
type Selection = { ids: number[] } | { scopePath: string } | 'all';

/** Every input of the index for the selected employers in one year. */
async function readInputs(db: Db, year: number, selection: Selection, now: Date): Promise<EmployerRow[]> {
  if (selection !== 'all' && 'ids' in selection && selection.ids.length === 0) return [];
  const empFilter =
    selection === 'all'
      ? sql`true`
      : 'ids' in selection
        ? sql`o.id in (${sql.join(
            selection.ids.map((id) => sql`${id}::int`),
            sql`, `,
          )})`
        : withinScope(sql`j.path`, selection.scopePath);
  // Facts of the selected employers only (all: no filter, so the planner scans once).
  const only = (col: SQL) => (selection === 'all' ? sql`true` : sql`${col} in (select id from emp)`);
  const from = `${year}-01-01`;
  const next = `${year + 1}-01-01`;
  const asOf = asOfDate(year, now);
  const rows = await selectRows<EmployerRow>(
    db,
    sql`
    with emp as (
      select o.id, o.name, coalesce(left(o.industry_code, 2), '') as industry, j.path, o.insurance_status
      from organisations o join jurisdictions j on j.id = o.jurisdiction_id
      where o.kind = 'employer' and ${empFilter}
    ), inj as (
      select i.employer_id, count(*) filter (where ${injuryFacts.isDetermined('i')})::int as cases,
        ${injuryFacts.deaths('i')} as deaths,
        count(*) filter (where i.severity = 'serious')::int as serious
      from injury_cases i
      where ${injuryFacts.inYears('i', 'determined', year)} and ${only(sql`i.employer_id`)}
      group by 1
    ), acc as (
      select a.employer_id, sum(a.deaths)::int as deaths, sum(a.serious_injuries)::int as serious
      from safety_accidents a where ${accidentFacts.inYears('a', year)} and ${only(sql`a.employer_id`)}
      group by 1
    ), dis as (
      select d.employer_id, count(*)::int as n
      from disease_cases d where ${diseaseFacts.inYears('d', year)} and ${only(sql`d.employer_id`)}
      group by 1
    ), rect as (
      select r.employer_id,
        count(*) filter (where r.finding_kind = 'over_limit_factor' and r.created_at >= ${from}::date and r.created_at < ${next}::date)::int as over_limit,
        count(*) filter (where r.created_at < ${asOf}::date + 1 and (r.closed_at is null or r.closed_at >= ${asOf}::date + 1))::int as open_rect,
        count(*) filter (where r.created_at < ${asOf}::date + 1 and (r.closed_at is null or r.closed_at >= ${asOf}::date + 1)
          and r.deadline < ${asOf}::date)::int as overdue_rect
      from rectifications r where r.created_at < ${next}::date and ${only(sql`r.employer_id`)}
      group by 1
    ), rate as (
      select distinct on (a.employer_id) a.employer_id,
        coalesce(a.corrected_multiplier_pct, a.multiplier_pct)::int as multiplier
      from rate_assignments a join rate_runs r on r.id = a.run_id
      where r.rate_year <= ${year} and r.superseded_at is null and a.multiplier_pct is not null and ${only(sql`a.employer_id`)}
      order by a.employer_id, r.rate_year desc, r.id desc
    ), kp as (
      select h.employer_id, count(*)::int as holders,
        count(*) filter (where exists (
          select 1 from training_completions c
          where c.id_number_index = h.id_number_index and c.revoked_at is null
            and c.completed_on <= ${asOf}::date and c.valid_until >= ${asOf}::date))::int as trained
      from key_post_holders h
      where h.started_on <= ${asOf}::date and (h.ended_on is null or h.ended_on >= ${asOf}::date)
        and ${only(sql`h.employer_id`)}
      group by 1
    )
    select e.id, e.name, e.industry, e.path, e.insurance_status,
      coalesce(inj.cases, 0) as cases, hc.average_insured as insured,
      greatest(coalesce(inj.deaths, 0), coalesce(acc.deaths, 0)) as deaths,
      greatest(coalesce(inj.serious, 0), coalesce(acc.serious, 0)) as serious,
      coalesce(dis.n, 0) as diseases, coalesce(rect.over_limit, 0) as over_limit,
      coalesce(rect.open_rect, 0) as open_rect, coalesce(rect.overdue_rect, 0) as overdue_rect,
      rate.multiplier, coalesce(kp.holders, 0) as holders, coalesce(kp.trained, 0) as trained
    from emp e
    left join insured_headcounts hc on hc.employer_id = e.id and hc.year = ${year}
    left join inj on inj.employer_id = e.id
    left join acc on acc.employer_id = e.id
    left join dis on dis.employer_id = e.id
    left join rect on rect.employer_id = e.id
    left join rate on rate.employer_id = e.id
    left join kp on kp.employer_id = e.id
    order by e.id`,
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    cases: Number(r.cases),
    insured: num(r.insured),
    deaths: Number(r.deaths),
    serious: Number(r.serious),
    diseases: Number(r.diseases),
    over_limit: Number(r.over_limit),
    open_rect: Number(r.open_rect),
    overdue_rect: Number(r.overdue_rect),
    multiplier: num(r.multiplier),
    holders: Number(r.holders),
    trained: Number(r.trained),
  }));
}

/** Every employer's injury determinations and insured headcount of a year (an earlier year of the fit). */
async function readExposures(db: Db, year: number): Promise<ExposedEmployer[]> {
  const rows = await selectRows<{ id: number; industry: string; cases: number; insured: number }>(
    db,
    sql`
    select o.id, coalesce(left(o.industry_code, 2), '') as industry, coalesce(inj.cases, 0) as cases,
      hc.average_insured as insured
    from organisations o
    join insured_headcounts hc on hc.employer_id = o.id and hc.year = ${year}
    left join (
      select i.employer_id, count(*) filter (where ${injuryFacts.isDetermined('i')})::int as cases
      from injury_cases i where ${injuryFacts.inYears('i', 'determined', year)}
      group by 1
    ) inj on inj.employer_id = o.id
    where o.kind = 'employer' and hc.average_insured > 0`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    group: r.industry,
    cases: Number(r.cases),
    exposure: Number(r.insured),
  }));
}

interface Fit {
  k: number | null;
  groupRates: Record<string, number>;
}

/** The responsible unit of an employer: the 人社 member unit of its jurisdiction or nearest ancestor. */
async function responsibleUnits(db: Db): Promise<(path: string) => number | null> {
  const units = await selectRows<{ id: number; path: string }>(
    db,
    sql`select o.id, j.path from organisations o join jurisdictions j on j.id = o.jurisdiction_id
        where o.kind = 'member_department' and o.department = 'hrss' order by o.id`,
  );
  const byPath = new Map<string, number>();
  for (const u of units) if (!byPath.has(u.path)) byPath.set(u.path, Number(u.id));
  return (path) => {
    const parts = path.split('/');
    for (let n = parts.length; n > 0; n--) {
      const unit = byPath.get(parts.slice(0, n).join('/'));
      if (unit !== undefined) return unit;
    }
    return null;
  };
}

export interface RecomputeResult {
  year: number;
  employers: number;
  alerts: number;
  full: boolean;
}

/**
 * Recomputes the index of one year for the given employers (null: every employer, refitting the
 * credibility constant and industry rates first), stores it, and raises alerts where an employer's
 * grade worsened or its rate crossed its industry's by the margin. One transaction.
 */
export async function recomputeRiskScores(
  db: Db,
  options: { year: number; employerIds: number[] | null; scopePath?: string; now: Date },
): Promise<RecomputeResult> {
  const { year, now, employerIds, scopePath } = options;
  // A recomputation of a jurisdiction refits the credibility over every employer (one fit for the
  // deployment, whoever asks); touched employers after an import use the stored fit.
  const whole = employerIds === null;
  return db.transaction(async (tx) => {
    let fit: Fit | undefined;
    if (!whole) {
      const [stored] = await tx.select().from(riskFits).where(eq(riskFits.year, year));
      if (stored) fit = { k: stored.k, groupRates: stored.groupRates };
    }
    const selection: Selection =
      employerIds !== null ? { ids: employerIds } : scopePath ? { scopePath } : 'all';
    let rows: EmployerRow[];
    if (fit) rows = await readInputs(tx, year, selection, now);
    else {
      // A full run, or the year's first: the credibility is fitted over every employer of the year.
      const all = await readInputs(tx, year, 'all', now);
      // One year of a tenth of a case per employer is mostly chance: k then comes from three years
      // pooled, as in the ranking (the same function), so repeated cases weigh and one case does not.
      const f = await fitCredibilityWithFallback(
        year,
        all.map((r) => ({ id: r.id, group: r.industry, cases: r.cases, exposure: r.insured })),
        (y) => readExposures(tx, y),
      );
      fit = { k: f.k, groupRates: Object.fromEntries(f.groupRates) };
      await tx
        .insert(riskFits)
        .values({ year, k: fit.k, groupRates: fit.groupRates, computedAt: now })
        .onConflictDoUpdate({
          target: riskFits.year,
          set: { k: fit.k, groupRates: fit.groupRates, computedAt: now },
        });
      if (selection === 'all') rows = all;
      else if ('ids' in selection) {
        const wanted = new Set(selection.ids);
        rows = all.filter((r) => wanted.has(r.id));
      } else
        rows = all.filter(
          (r) => r.path === selection.scopePath || r.path.startsWith(`${selection.scopePath}/`),
        );
    }
    const groupRates = new Map(Object.entries(fit.groupRates));
    const credibilityFit = {
      k: fit.k,
      groupRates,
      overallRate: null,
      priorVariance: null,
      rated: 0,
      weightsZeroBecause: null,
    };
    // Settings per jurisdiction (nearest ancestor wins), resolved once per path.
    const settingsByPath = new Map<
      string,
      Awaited<ReturnType<typeof resolveSettings<typeof RISK_SETTINGS>>>
    >();
    const settingsOf = async (path: string) => {
      let s = settingsByPath.get(path);
      if (!s) {
        s = await resolveSettings(tx, path, RISK_SETTINGS);
        settingsByPath.set(path, s);
      }
      return s;
    };
    const previous = new Map<number, { grade: RiskGrade; crossed: boolean }>();
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
      const chunk = ids.slice(i, i + INSERT_CHUNK);
      const old = await tx
        .select({ id: riskScores.employerId, grade: riskScores.grade, components: riskScores.components })
        .from(riskScores)
        .where(and(eq(riskScores.year, year), inArray(riskScores.employerId, chunk)));
      for (const o of old)
        previous.set(o.id, {
          grade: o.grade,
          crossed: Boolean((o.components as RiskComponents & { crossed?: boolean }).crossed),
        });
    }
    const unitOf = await responsibleUnits(tx);
    const values: (typeof riskScores.$inferInsert)[] = [];
    const alerts: (typeof riskAlerts.$inferInsert & { path: string; name: string })[] = [];
    for (const r of rows) {
      const settings = await settingsOf(r.path);
      const shrunk = shrink({ group: r.industry, cases: r.cases, exposure: r.insured }, credibilityFit);
      const inputs: RiskInputs = {
        cases: r.cases,
        insured: r.insured,
        credibility: shrunk.credibility,
        industryRate: shrunk.groupRate,
        shrunkRate: shrunk.shrunkRate,
        deaths: r.deaths,
        serious: r.serious,
        diseases: r.diseases,
        overLimitFactors: r.over_limit,
        openRectifications: r.open_rect,
        overdueRectifications: r.overdue_rect,
        insuranceStatus: r.insurance_status,
        rateMultiplierPct: r.multiplier,
        keyPostHolders: r.holders,
        keyPostTrained: r.trained,
      };
      const { score, grade, components } = scoreRisk(inputs, settings.weights.value, settings.grades.value);
      const margin = settings.alertMargin.value;
      const crossed =
        shrunk.shrunkRate !== null &&
        shrunk.groupRate !== null &&
        shrunk.groupRate > 0 &&
        shrunk.shrunkRate > shrunk.groupRate * (1 + margin);
      values.push({
        employerId: r.id,
        year,
        score,
        grade,
        components: { ...components, crossed } as RiskComponents,
        computedAt: now,
      });
      const before = previous.get(r.id);
      // Alerts are changes: an employer's first index raises none (a first full run would flood the inboxes).
      if (!before) continue;
      const unit = unitOf(r.path);
      if (gradeRank(grade) > gradeRank(before.grade))
        alerts.push({
          employerId: r.id,
          year,
          kind: 'grade_worsened',
          details: { from: before.grade, to: grade, score },
          organisationId: unit,
          createdAt: now,
          path: r.path,
          name: r.name,
        });
      if (crossed && !before.crossed)
        alerts.push({
          employerId: r.id,
          year,
          kind: 'rate_above_industry',
          details: {
            rate: shrunk.shrunkRate,
            industryRate: shrunk.groupRate,
            margin,
          },
          organisationId: unit,
          createdAt: now,
          path: r.path,
          name: r.name,
        });
    }
    for (let i = 0; i < values.length; i += INSERT_CHUNK)
      await tx
        .insert(riskScores)
        .values(values.slice(i, i + INSERT_CHUNK))
        .onConflictDoUpdate({
          target: [riskScores.employerId, riskScores.year],
          set: {
            score: sql`excluded.score`,
            grade: sql`excluded.grade`,
            components: sql`excluded.components`,
            computedAt: sql`excluded.computed_at`,
          },
        });
    for (const a of alerts) {
      const { path: _path, name, ...row } = a;
      const [saved] = await tx.insert(riskAlerts).values(row).returning({ id: riskAlerts.id });
      if (a.organisationId !== null && a.organisationId !== undefined && saved)
        await notifyUnit(tx, a.organisationId, {
          kind: `risk.${a.kind}`,
          params: { employer: name, year, ...a.details },
          link: `/risk/employers/${a.employerId}?year=${year}`,
          dedupeKey: `risk-alert:${saved.id}`,
        });
    }
    return { year, employers: values.length, alerts: alerts.length, full: whole };
  });
}

/**
 * Recomputes every employer of a year in a jurisdiction (the recompute command and route); at the
 * root, the credibility is refitted first (decision 0035).
 */
export async function recomputeAllRiskScores(
  db: Db,
  actor: Actor | null,
  input: { year: number; jurisdictionCode?: string },
  now: Date,
) {
  let scopePath: string | undefined;
  if (actor)
    scopePath = input.jurisdictionCode
      ? (await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode')).path
      : actor.jurisdictionPath;
  const started = performance.now();
  const result = await recomputeRiskScores(db, { year: input.year, employerIds: null, scopePath, now });
  const ms = Math.round(performance.now() - started);
  await recordAudit(db, actor ?? { username: 'system', ip: 'risk-recompute' }, {
    action: 'risk.recompute',
    targetType: 'risk_year',
    targetId: input.year,
    details: { ...result, ms, scope: scopePath ?? null },
  });
  return { ...result, ms };
}

/** Queues employer-years for recomputation (inside a batch's transaction). */
export async function queueRiskRecompute(
  tx: Db,
  pairs: readonly (readonly [number, number])[],
): Promise<void> {
  const unique = [...new Map(pairs.map((p) => [`${p[0]}:${p[1]}`, p])).values()];
  for (let i = 0; i < unique.length; i += INSERT_CHUNK)
    await tx
      .insert(riskRecomputeQueue)
      .values(unique.slice(i, i + INSERT_CHUNK).map(([employerId, year]) => ({ employerId, year })))
      .onConflictDoNothing();
}

/** Recomputes every queued employer-year, a year at a time, removing what it recomputed. */
export async function recomputeQueuedRisk(db: Db, now: Date): Promise<RecomputeResult[]> {
  const queued = await db
    .select({ employerId: riskRecomputeQueue.employerId, year: riskRecomputeQueue.year })
    .from(riskRecomputeQueue)
    .orderBy(riskRecomputeQueue.year, riskRecomputeQueue.employerId);
  const byYear = new Map<number, number[]>();
  for (const q of queued) {
    const ids = byYear.get(q.year);
    if (ids) ids.push(q.employerId);
    else byYear.set(q.year, [q.employerId]);
  }
  const done: RecomputeResult[] = [];
  // In slices, so no statement carries more employer ids than a query may have parameters.
  for (const [year, all] of byYear)
    for (let i = 0; i < all.length; i += INSERT_CHUNK) {
      const ids = all.slice(i, i + INSERT_CHUNK);
      done.push(await recomputeRiskScores(db, { year, employerIds: ids, now }));
      await db
        .delete(riskRecomputeQueue)
        .where(and(eq(riskRecomputeQueue.year, year), inArray(riskRecomputeQueue.employerId, ids)));
    }
  return done;
}

/** The employer-years of some fact rows (where: over alias c), by each domain's year. */
function pairsOf(domain: string, where: SQL): SQL | null {
  switch (domain) {
    case 'injuries':
      return sql`select distinct c.employer_id as e, ${injuryFacts.year('c', 'determined')} as y from injury_cases c where ${where}`;
    case 'accidents':
      return sql`select distinct c.employer_id as e, ${accidentFacts.year('c')} as y from safety_accidents c where ${where}`;
    case 'diseases':
      return sql`select distinct c.employer_id as e, ${diseaseFacts.year('c')} as y from disease_cases c where ${where}`;
    case 'headcounts':
      return sql`select distinct c.employer_id as e, c.year::int as y from insured_headcounts c where ${where}`;
    default:
      return null;
  }
}

const KEY_COLUMN: Record<string, { key: string; column: string }> = {
  injuries: { key: 'caseNo', column: 'case_no' },
  accidents: { key: 'accidentNo', column: 'accident_no' },
  diseases: { key: 'caseNo', column: 'case_no' },
};

type Pair = readonly [number, number];
const toPairs = (rows: unknown): Pair[] => rowsOf(rows).map((r) => [Number(r.e), Number(r.y)] as const);

export interface RiskBatch {
  batchId: number;
  domain: string;
  supersedesBatchId: number | null;
}

/**
 * Handed to the exchange (beside analytics' listener, app.ts): the employer-years whose facts a
 * batch replaces or writes are queued in its transaction and recomputed right after its commit.
 */
export function createRiskMergeListener(clock: () => Date) {
  return {
    async beforeRows(tx: Db, batch: RiskBatch, rows: SQL): Promise<Pair[]> {
      const d = KEY_COLUMN[batch.domain];
      if (!d) return [];
      const staged = sql`(select ${sql.raw(`s.${stagingColumn(batch.domain as Domain, d.key)}`)} from ${rows} s)`;
      const q = pairsOf(batch.domain, sql`${sql.raw(`c.${d.column}`)} in ${staged}`);
      return q ? toPairs(await tx.execute(q)) : [];
    },
    async beforeSupersede(tx: Db, batch: RiskBatch): Promise<Pair[]> {
      if (batch.supersedesBatchId === null) return [];
      const q = pairsOf(batch.domain, sql`c.batch_id = ${batch.supersedesBatchId}`);
      return q ? toPairs(await tx.execute(q)) : [];
    },
    async afterMerge(tx: Db, batch: RiskBatch, captured: unknown[]): Promise<void> {
      const pairs = (captured as Pair[][]).flat();
      // Appended one by one: a spread of a large batch's pairs would overflow the call stack.
      const add = (more: Pair[]) => {
        for (const p of more) pairs.push(p);
      };
      if (batch.domain === 'employers') {
        // An employer's own row (industry, insurance status) changes every year of its index.
        const year = clock().getUTCFullYear();
        add(
          toPairs(
            await tx.execute(sql`
              select o.id as e, y.y from organisations o
              cross join lateral (select ${year}::int as y union select s.year::int from risk_scores s where s.employer_id = o.id) y
              where o.source_batch_id = ${batch.batchId}`),
          ),
        );
      } else {
        const q = pairsOf(batch.domain, sql`c.batch_id = ${batch.batchId}`);
        if (q) add(toPairs(await tx.execute(q)));
      }
      await queueRiskRecompute(tx, pairs);
    },
    async afterCommit(db: Db): Promise<void> {
      await recomputeQueuedRisk(db, clock());
    },
  };
}

// ——— Reads ———

async function scopePathOf(db: Db, actor: Actor, code: string | undefined): Promise<string> {
  if (!code) return actor.jurisdictionPath;
  return (await getJurisdictionInScope(db, actor, code)).path;
}

export interface RiskListQuery {
  jurisdiction?: string;
  year: number;
  grade?: RiskGrade;
  page?: number;
  pageSize?: number;
}

/** The indexes of a year in the actor's scope, worst first, with the count of each grade. */
export async function listRiskScores(db: Db, actor: Actor, q: RiskListQuery) {
  const path = await scopePathOf(db, actor, q.jurisdiction);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const gradeFilter = q.grade ? sql`and s.grade = ${q.grade}` : sql``;
  const items = await selectRows<Record<string, unknown>>(
    db,
    sql`select s.employer_id, o.name, o.credit_code, o.industry_code, j.code as jurisdiction_code, j.name as jurisdiction_name,
          s.score, s.grade, s.components, s.computed_at
        from risk_scores s join organisations o on o.id = s.employer_id join jurisdictions j on j.id = o.jurisdiction_id
        where s.year = ${q.year} and ${withinScope(sql`j.path`, path)} ${gradeFilter}
        order by s.score desc, s.employer_id
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const [total] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from risk_scores s join organisations o on o.id = s.employer_id join jurisdictions j on j.id = o.jurisdiction_id
        where s.year = ${q.year} and ${withinScope(sql`j.path`, path)} ${gradeFilter}`,
  );
  return {
    year: q.year,
    total: Number(total?.n ?? 0),
    grades: await summariseRiskGrades(db, { path }, q.year),
    formula: FORMULA,
    items: items.map((r) => presentScore(r)),
  };
}

function presentScore(r: Record<string, unknown>) {
  const c = r.components as RiskComponents;
  return {
    employerId: Number(r.employer_id),
    name: String(r.name),
    creditCode: r.credit_code === null ? null : String(r.credit_code),
    industryCode: r.industry_code === null ? null : String(r.industry_code),
    jurisdictionCode: String(r.jurisdiction_code),
    jurisdictionName: String(r.jurisdiction_name),
    score: Number(r.score),
    grade: r.grade as RiskGrade,
    components: Object.fromEntries(
      (Object.keys(c) as (ComponentKey | 'inputs' | 'crossed')[])
        .filter((k) => k !== 'inputs' && k !== 'crossed')
        .map((k) => [k, c[k as ComponentKey]]),
    ) as Record<ComponentKey, RiskComponents[ComponentKey]>,
    inputs: c.inputs,
    computedAt: new Date(String(r.computed_at)).toISOString(),
  };
}

/**
 * How many employers of the scope hold each grade in a year (the overview screen, issue 18 part 3):
 * the four grades always, green to red.
 */
export async function summariseRiskGrades(
  db: Db,
  scope: { path: string },
  year: number,
): Promise<{ grade: 'green' | 'yellow' | 'orange' | 'red'; employers: number }[]> {
  const rows = await selectRows<{ grade: RiskGrade; n: number }>(
    db,
    sql`select s.grade, count(*)::int as n from risk_scores s
        join organisations o on o.id = s.employer_id join jurisdictions j on j.id = o.jurisdiction_id
        where s.year = ${year} and ${withinScope(sql`j.path`, scope.path)}
        group by s.grade`,
  );
  const counts = new Map(rows.map((r) => [r.grade, Number(r.n)]));
  return RISK_GRADES.map((grade) => ({ grade, employers: counts.get(grade) ?? 0 }));
}

/**
 * One employer's index of a year with its components and the records behind them (the injury
 * determinations with names masked, accidents, diagnoses, rectifications, the rating), and the
 * settings that applied. Audited as a view.
 */
export async function getRiskScore(db: Db, actor: Actor, employerId: number, year: number) {
  const [row] = await selectRows<Record<string, unknown> & { path: string }>(
    db,
    sql`select s.employer_id, o.name, o.credit_code, o.industry_code, j.code as jurisdiction_code, j.name as jurisdiction_name,
          j.path, s.score, s.grade, s.components, s.computed_at
        from risk_scores s join organisations o on o.id = s.employer_id join jurisdictions j on j.id = o.jurisdiction_id
        where s.employer_id = ${employerId} and s.year = ${year} and ${withinScope(sql`j.path`, actor.jurisdictionPath)}`,
  );
  if (!row) throw notFound();
  const settings = await resolveSettings(db, row.path, RISK_SETTINGS);
  const from = `${year}-01-01`;
  const next = `${year + 1}-01-01`;
  const injuries = await selectRows<Record<string, unknown>>(
    db,
    sql`select i.id, i.case_no, i.occurred_on::text, i.determined_on::text, i.ground, i.severity, i.is_death
        from injury_cases i where i.employer_id = ${employerId} and ${injuryFacts.inYears('i', 'determined', year)}
        order by i.determined_on, i.id`,
  );
  const accidents = await selectRows<Record<string, unknown>>(
    db,
    sql`select a.id, a.accident_no, a.occurred_on::text, a.category, a.grade, a.deaths, a.serious_injuries
        from safety_accidents a where a.employer_id = ${employerId} and ${accidentFacts.inYears('a', year)}
        order by a.occurred_on, a.id`,
  );
  const diseases = await selectRows<Record<string, unknown>>(
    db,
    sql`select d.id, d.case_no, d.diagnosed_on::text, d.disease_name
        from disease_cases d where d.employer_id = ${employerId} and ${diseaseFacts.inYears('d', year)}
        order by d.diagnosed_on, d.id`,
  );
  const rectifications = await selectRows<Record<string, unknown>>(
    db,
    sql`select r.id, r.finding_kind, r.finding, r.factor_name, r.deadline::text, r.status, r.created_at, r.closed_at
        from rectifications r where r.employer_id = ${employerId} and r.created_at < ${next}::date
          and (r.closed_at is null or r.closed_at >= ${from}::date)
        order by r.created_at, r.id`,
  );
  const alerts = await listRiskAlertsOf(db, employerId, year);
  await recordAudit(db, actor, {
    action: 'risk.view',
    targetType: 'organisation',
    targetId: employerId,
    details: { year },
  });
  return {
    ...presentScore(row),
    year,
    formula: FORMULA,
    scales: SCALES,
    settings: {
      weights: settings.weights.value,
      grades: settings.grades.value,
      alertMargin: settings.alertMargin.value,
      definedAt: {
        weights: settings.weights.definedAt,
        grades: settings.grades.definedAt,
        alertMargin: settings.alertMargin.definedAt,
      },
    },
    records: {
      injuries: injuries.map((r) => ({
        id: Number(r.id),
        caseNo: String(r.case_no),
        occurredOn: String(r.occurred_on),
        determinedOn: String(r.determined_on),
        ground: String(r.ground),
        severity: String(r.severity),
        isDeath: Boolean(r.is_death),
      })),
      accidents: accidents.map((r) => ({
        id: Number(r.id),
        accidentNo: String(r.accident_no),
        occurredOn: String(r.occurred_on),
        category: String(r.category),
        grade: String(r.grade),
        deaths: Number(r.deaths),
        seriousInjuries: Number(r.serious_injuries),
      })),
      diseases: diseases.map((r) => ({
        id: Number(r.id),
        caseNo: String(r.case_no),
        diagnosedOn: String(r.diagnosed_on),
        diseaseName: String(r.disease_name),
      })),
      rectifications: rectifications.map((r) => ({
        id: Number(r.id),
        findingKind: String(r.finding_kind),
        finding: String(r.finding),
        factorName: r.factor_name === null ? null : String(r.factor_name),
        deadline: String(r.deadline),
        status: String(r.status),
        closedAt: r.closed_at === null ? null : new Date(String(r.closed_at)).toISOString(),
      })),
    },
    alerts,
  };
}

async function listRiskAlertsOf(db: Db, employerId: number, year: number) {
  const rows = await db
    .select()
    .from(riskAlerts)
    .where(and(eq(riskAlerts.employerId, employerId), eq(riskAlerts.year, year)))
    .orderBy(desc(riskAlerts.id));
  return rows.map(presentAlert);
}

function presentAlert(a: typeof riskAlerts.$inferSelect) {
  return {
    id: a.id,
    employerId: a.employerId,
    year: a.year,
    kind: a.kind,
    details: a.details,
    organisationId: a.organisationId,
    createdAt: new Date(a.createdAt).toISOString(),
  };
}

/** The alerts ledger of the actor's scope, newest first. */
export async function listRiskAlerts(
  db: Db,
  actor: Actor,
  q: { jurisdiction?: string; year?: number; page?: number; pageSize?: number },
) {
  const path = await scopePathOf(db, actor, q.jurisdiction);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const yearFilter = q.year ? sql`and a.year = ${q.year}` : sql``;
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select a.id, a.employer_id, o.name, a.year, a.kind, a.details, a.organisation_id, u.name as unit_name, a.created_at
        from risk_alerts a join organisations o on o.id = a.employer_id join jurisdictions j on j.id = o.jurisdiction_id
        left join organisations u on u.id = a.organisation_id
        where ${withinScope(sql`j.path`, path)} ${yearFilter}
        order by a.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const [total] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from risk_alerts a join organisations o on o.id = a.employer_id join jurisdictions j on j.id = o.jurisdiction_id
        where ${withinScope(sql`j.path`, path)} ${yearFilter}`,
  );
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((r) => ({
      id: Number(r.id),
      employerId: Number(r.employer_id),
      employerName: String(r.name),
      year: Number(r.year),
      kind: r.kind as 'rate_above_industry' | 'grade_worsened',
      details: r.details as Record<string, string | number | null>,
      organisationId: r.organisation_id === null ? null : Number(r.organisation_id),
      unitName: r.unit_name === null ? null : String(r.unit_name),
      createdAt: new Date(String(r.created_at)).toISOString(),
    })),
  };
}

/** The formula, scales and the settings that apply at a jurisdiction (the page's 公式 panel). */
export async function describeRiskFormula(db: Db, actor: Actor, jurisdiction?: string) {
  const path = await scopePathOf(db, actor, jurisdiction);
  const s = await resolveSettings(db, path, RISK_SETTINGS);
  return {
    formula: FORMULA,
    scales: SCALES,
    weights: s.weights.value,
    grades: s.grades.value,
    alertMargin: s.alertMargin.value,
  };
}

/**
 * A stamp that moves when indexes change (the overview screen's version, AN-7), without a scan: the
 * latest full run (`risk_fits`, one row a year) and whether recomputations are queued. An import
 * queues its employers in its own transaction and they are recomputed right after the commit, so the
 * stamp reads "pending" in between and moves back when the queue is empty: an answer cached while
 * the queue was full is never served after it has emptied.
 */
export async function readRiskStamp(db: Db): Promise<string> {
  const [row] = await selectRows<{ fitted: string | null; pending: boolean }>(
    db,
    sql`select (select max(computed_at) from risk_fits)::text as fitted,
          exists (select 1 from risk_recompute_queue) as pending`,
  );
  return `${row?.fitted ?? ''}${row?.pending ? 'p' : ''}`;
}
