import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { today } from '../../platform/time.js';
import { type EmployerCycle, listEmployerCycles, resolveCountingRules } from '../facts/facts.service.js';
import { countLateRectificationsByEmployer } from '../joint-meeting/rectifications.service.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import type { AssignmentQuery, RateFloatingEffect } from './rates.schema.js';
import { rateAppeals, rateAssignments, rateRuleSets, rateRuns } from './rates.tables.js';
import {
  basisOf,
  describeRating,
  type EmployerTotals,
  type PoolContext,
  poolContextOf,
  premiumFen,
  projectTotals,
  type Rating,
  type RatingBasis,
  type RuleDefinition,
  rateEmployer,
  totalsOf,
} from './rule-sets.logic.js';
import { findGoverningRuleSet } from './rule-sets.service.js';

/** One employer's rating with what the notice and the simulation need beside it. */
export interface EmployerRating extends Rating {
  employerName: string;
  jurisdictionPath: string;
  /** The latest cycle year's wage bill (the premium base); null without a record. */
  wageBillFen: number | null;
  projected: Rating | null;
  /** What the rationale is written from when a notice is read (decision 0046). */
  basis: { current: RatingBasis; projected: RatingBasis | null };
}

/** The cycle behind rates of `rateYear`: the `cycleYears` years before it. */
export function cycleOf(d: RuleDefinition, rateYear: number) {
  return { from: rateYear - d.cycleYears, to: rateYear - 1, start: `${rateYear - d.cycleYears}-01-01` };
}

/**
 * Rates every insured employer of an area under a definition for `rateYear`, with each one's
 * projected rate for the next cycle — read only, nothing written (the rating run, the simulation
 * and the benchmark share it). Inputs come from the facts module (the one owner of counting),
 * summed over the cycle in SQL: one row per employer, not one per employer and year (a province
 * has a million employers); the rule itself stays in rule-sets.logic.ts. The rationale texts are
 * written only with `texts` (a test's comparison): a run stores each employer's basis, and the
 * notice writes its words when read (decision 0046).
 */
export async function computeRatings(
  db: Db,
  q: {
    path: string;
    definition: RuleDefinition;
    rateYear: number;
    withProjection?: boolean;
    texts?: boolean;
  },
): Promise<{ ratings: EmployerRating[]; pool: PoolContext; cycle: ReturnType<typeof cycleOf> }> {
  const cycle = cycleOf(q.definition, q.rateYear);
  const rules = await resolveCountingRules(db, q.path);
  const rows: (EmployerCycle | null)[] = await listEmployerCycles(db, {
    path: q.path,
    from: cycle.from,
    to: cycle.to,
    rules,
  });
  // Hazards not rectified on time, read only when the rule set names them as a disqualifier.
  const late = q.definition.disqualifiers.some((x) => x.kind === 'hazard')
    ? await countLateRectificationsByEmployer(db, {
        path: q.path,
        from: cycle.from,
        to: cycle.to,
        asOf: today(),
      })
    : null;
  const withLate = (t: EmployerTotals): EmployerTotals => {
    if (late) t.totals.lateRectifications = late.get(t.employerId) ?? 0;
    return t;
  };
  const records: (EmployerTotals | null)[] = rows.map(
    (r) => r && withLate(totalsOf(r, cycle.from, cycle.to)),
  );
  const pool = poolContextOf(q.definition, records as EmployerTotals[]);
  const nextStart = `${cycle.from + 1}-01-01`;
  const options = { texts: q.texts ?? false };
  const ratings: EmployerRating[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as EmployerCycle;
    const record = records[i] as EmployerTotals;
    const rating = rateEmployer(q.definition, record, cycle.start, pool, options);
    // Each employer's inputs are let go once rated: a province's million would otherwise stay
    // alive beside their ratings until the end.
    rows[i] = null;
    records[i] = null;
    // The projection keeps the hazards not rectified on time: the record "stays as it is".
    const next =
      q.withProjection === false ? null : withLate(projectTotals(r, cycle.from, cycle.to, q.rateYear));
    const projected = next && rateEmployer(q.definition, next, nextStart, pool, options);
    // Added to the rating object rather than copied into a new one: a million fewer objects.
    ratings.push(
      Object.assign(rating, {
        employerName: r.employerName,
        jurisdictionPath: r.jurisdictionPath,
        wageBillFen: r.wageBillFen,
        projected,
        basis: {
          current: basisOf(q.definition, record, pool),
          projected: next && basisOf(q.definition, next, pool),
        },
      }),
    );
  }
  return { ratings, pool, cycle };
}

/** Counts and premium income of a set of ratings (the run's summary, the scorecard's figures). */
export function summarise(ratings: readonly EmployerRating[]) {
  const byStatus: Record<string, number> = {};
  const byTier: Record<string, number> = {};
  let up = 0;
  let down = 0;
  let incomeAtBaseFen = 0;
  let incomeAtNewFen = 0;
  for (const r of ratings) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    if (r.multiplierPct === null || r.rateMicro === null || r.baseRateBp === null) continue;
    byTier[String(r.multiplierPct)] = (byTier[String(r.multiplierPct)] ?? 0) + 1;
    if (r.multiplierPct > 100) up++;
    if (r.multiplierPct < 100) down++;
    if (r.wageBillFen !== null) {
      incomeAtBaseFen += premiumFen(r.wageBillFen, r.baseRateBp * 100);
      incomeAtNewFen += premiumFen(r.wageBillFen, r.rateMicro);
    }
  }
  return { employers: ratings.length, byStatus, byTier, up, down, incomeAtBaseFen, incomeAtNewFen };
}

const CHUNK = 1000;

/**
 * Rates the insured employers of an area (the pooling jurisdiction or a part of it) for `rateYear`
 * under the adopted rule set that governs it (FR-1), storing each employer's class, tier, rate,
 * figures, rationale and projected rate; an earlier run of the same area and year is superseded.
 */
export async function runRating(
  db: Db,
  actor: Actor,
  input: { jurisdiction: string; rateYear: number },
  now: Date,
) {
  const area = await getJurisdictionInScope(db, actor, input.jurisdiction);
  const governing = await findGoverningRuleSet(db, area.path);
  if (!governing) throw new AppError(409, 'rates.no_adopted');
  const rs = governing.rs;
  const { ratings, cycle } = await computeRatings(db, {
    path: area.path,
    definition: rs.definition,
    rateYear: input.rateYear,
  });
  const summary = summarise(ratings);
  const runId = await db.transaction(async (tx) => {
    await tx
      .update(rateRuns)
      .set({ supersededAt: now })
      .where(
        and(
          eq(rateRuns.jurisdictionId, area.id),
          eq(rateRuns.rateYear, input.rateYear),
          isNull(rateRuns.supersededAt),
        ),
      );
    const [run] = await tx
      .insert(rateRuns)
      .values({
        ruleSetId: rs.id,
        jurisdictionId: area.id,
        rateYear: input.rateYear,
        cycleFromYear: cycle.from,
        cycleToYear: cycle.to,
        ranByUserId: actor.userId,
        ranAt: now,
        summary,
      })
      .returning({ id: rateRuns.id });
    if (!run) throw new Error('run not inserted');
    for (let i = 0; i < ratings.length; i += CHUNK)
      await tx.insert(rateAssignments).values(
        ratings.slice(i, i + CHUNK).map((r) => ({
          runId: run.id,
          employerId: r.employerId,
          status: r.status,
          riskClass: r.riskClass,
          baseRateBp: r.baseRateBp,
          multiplierPct: r.multiplierPct,
          rateMicro: r.rateMicro,
          projectedMultiplierPct: r.projected?.multiplierPct ?? null,
          projectedRateMicro: r.projected?.rateMicro ?? null,
          wageBillFen: r.wageBillFen,
          figures: r.figures,
          basis: r.basis,
        })),
      );
    await recordAudit(tx, actor, {
      action: 'rates.run',
      targetType: 'rate_run',
      targetId: run.id,
      details: {
        jurisdiction: area.code,
        rateYear: input.rateYear,
        ruleSetId: rs.id,
        employers: ratings.length,
      },
    });
    return run.id;
  });
  return getRun(db, actor, runId);
}

export const runColumns = {
  run: rateRuns,
  ruleSetName: rateRuleSets.name,
  isExample: rateRuleSets.isExample,
  jurisdictionCode: jurisdictions.code,
  jurisdictionName: jurisdictions.name,
  path: jurisdictions.path,
};

type RunRow = {
  run: typeof rateRuns.$inferSelect;
  ruleSetName: string;
  isExample: boolean;
  jurisdictionCode: string;
  jurisdictionName: string;
};

export function presentRun(r: RunRow) {
  return {
    id: r.run.id,
    ruleSetId: r.run.ruleSetId,
    ruleSetName: r.ruleSetName,
    isExample: r.isExample,
    jurisdictionCode: r.jurisdictionCode,
    jurisdictionName: r.jurisdictionName,
    rateYear: r.run.rateYear,
    cycleFromYear: r.run.cycleFromYear,
    cycleToYear: r.run.cycleToYear,
    ranAt: r.run.ranAt.toISOString(),
    supersededAt: r.run.supersededAt?.toISOString() ?? null,
    summary: r.run.summary as ReturnType<typeof summarise>,
  };
}

export async function getRun(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select(runColumns)
    .from(rateRuns)
    .innerJoin(rateRuleSets, eq(rateRuleSets.id, rateRuns.ruleSetId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, rateRuns.jurisdictionId))
    .where(eq(rateRuns.id, id));
  if (!row || !isInScope(actor, row.path)) throw notFound();
  return presentRun(row);
}

/** Rating runs of the actor's scope, newest first. */
export async function listRuns(db: Db, actor: Actor, query: { jurisdiction?: string }) {
  const area = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const rows = await db
    .select(runColumns)
    .from(rateRuns)
    .innerJoin(rateRuleSets, eq(rateRuleSets.id, rateRuns.ruleSetId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, rateRuns.jurisdictionId))
    .where(withinScope(jurisdictions.path, area.path))
    .orderBy(desc(rateRuns.ranAt), desc(rateRuns.id));
  return { items: rows.map(presentRun) };
}

export const assignmentSelect = sql`
  a.id, a.run_id, a.employer_id, o.name as employer_name, j.name as jurisdiction_name, a.status, a.risk_class,
  a.base_rate_bp, a.multiplier_pct, a.rate_micro, a.projected_multiplier_pct, a.projected_rate_micro,
  a.corrected_multiplier_pct, a.corrected_rate_micro, a.wage_bill_fen, a.figures, a.rationale_zh, a.rationale_en,
  a.projected_rationale_zh, a.projected_rationale_en, a.basis, rr.cycle_from_year, rs.definition, j.path`;

/** The tables behind `assignmentSelect`: the assignment, its employer and area, its run and rule set. */
const assignmentFrom = sql`rate_assignments a join organisations o on o.id = a.employer_id
  join jurisdictions j on j.id = o.jurisdiction_id
  join rate_runs rr on rr.id = a.run_id join rate_rule_sets rs on rs.id = rr.rule_set_id`;

const jsonOf = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * An assignment's rationale and projected rationale: stored words (runs before decision 0046), or
 * written now from the stored basis under the run's rule set — the same rule over the same figures.
 */
function rationalesOf(r: Record<string, unknown>) {
  if (r.rationale_zh !== null && r.rationale_zh !== undefined)
    return {
      rationaleZh: String(r.rationale_zh),
      rationaleEn: String(r.rationale_en),
      projectedRationaleZh: r.projected_rationale_zh === null ? null : String(r.projected_rationale_zh),
      projectedRationaleEn: r.projected_rationale_en === null ? null : String(r.projected_rationale_en),
    };
  const definition = jsonOf(r.definition) as RuleDefinition;
  const basis = jsonOf(r.basis) as EmployerRating['basis'];
  const from = Number(r.cycle_from_year);
  const employerId = Number(r.employer_id);
  const current = describeRating(definition, employerId, basis.current, `${from}-01-01`);
  const projected =
    basis.projected && describeRating(definition, employerId, basis.projected, `${from + 1}-01-01`);
  return {
    ...current,
    projectedRationaleZh: projected?.rationaleZh ?? null,
    projectedRationaleEn: projected?.rationaleEn ?? null,
  };
}

export function presentAssignment(r: Record<string, unknown>) {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(r.id),
    runId: Number(r.run_id),
    employerId: Number(r.employer_id),
    employerName: String(r.employer_name),
    jurisdictionName: String(r.jurisdiction_name),
    status: r.status as Rating['status'],
    riskClass: n(r.risk_class),
    baseRateBp: n(r.base_rate_bp),
    multiplierPct: n(r.multiplier_pct),
    rateMicro: n(r.rate_micro),
    projectedMultiplierPct: n(r.projected_multiplier_pct),
    projectedRateMicro: n(r.projected_rate_micro),
    correctedMultiplierPct: n(r.corrected_multiplier_pct),
    correctedRateMicro: n(r.corrected_rate_micro),
    wageBillFen: n(r.wage_bill_fen),
    figures: jsonOf(r.figures) as Rating['figures'],
    ...rationalesOf(r),
  };
}

/** The employers of a run with their ratings (officers of the run's area). */
export async function listAssignments(db: Db, actor: Actor, runId: number, query: AssignmentQuery) {
  await getRun(db, actor, runId);
  const filters = [sql`a.run_id = ${runId}`, withinScope(sql`j.path`, actor.jurisdictionPath)];
  if (query.status) filters.push(sql`a.status = ${query.status}`);
  if (query.search) filters.push(sql`o.name ilike ${`%${query.search.replace(/[\\%_]/g, '\\$&')}%`}`);
  const rows = rowsOf(
    await db.execute(sql`
      select ${assignmentSelect}, count(*) over () as total
      from ${assignmentFrom}
      where ${sql.join(filters, sql` and `)}
      order by coalesce(a.rate_micro, -1) desc, o.name, a.id
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
  );
  return { total: Number(rows[0]?.total ?? 0), items: rows.map(presentAssignment) };
}

async function loadAssignment(db: Db, id: number) {
  const [row] = rowsOf(
    await db.execute(sql`
      select ${assignmentSelect}
      from ${assignmentFrom}
      where a.id = ${id}`),
  );
  return row ? { ...presentAssignment(row), path: String(row.path) } : undefined;
}

/** Loads an assignment for the appeal flow. */
export async function findAssignment(db: Db, id: number) {
  return loadAssignment(db, id);
}

/**
 * Whether premium-rate floating ran for rates of `year` in an area, and its effect — the stable
 * shape the scorecard and the yearly report read (issue 16 item 6). The area's own standing run,
 * else the standing runs of the areas below it, summed.
 */
export async function describeRateFloating(
  db: Db,
  actor: Actor,
  query: { jurisdiction: string; year: number },
): Promise<RateFloatingEffect> {
  const area = await getJurisdictionInScope(db, actor, query.jurisdiction);
  const standing = await db
    .select({
      run: rateRuns,
      ruleSetName: rateRuleSets.name,
      isExample: rateRuleSets.isExample,
      path: jurisdictions.path,
    })
    .from(rateRuns)
    .innerJoin(rateRuleSets, eq(rateRuleSets.id, rateRuns.ruleSetId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, rateRuns.jurisdictionId))
    .where(
      and(
        eq(rateRuns.rateYear, query.year),
        isNull(rateRuns.supersededAt),
        withinScope(jurisdictions.path, area.path),
      ),
    );
  const own = standing.filter((s) => s.path === area.path);
  const runs = own.length > 0 ? own : standing;
  const effect: RateFloatingEffect = {
    jurisdictionCode: area.code,
    year: query.year,
    ran: runs.length > 0,
    runId: runs.length === 1 ? (runs[0]?.run.id ?? null) : null,
    ruleSetName: runs.length === 1 ? (runs[0]?.ruleSetName ?? null) : null,
    isExample: runs.length === 0 ? null : runs.some((r) => r.isExample),
    employers: 0,
    rated: 0,
    up: 0,
    down: 0,
    atBase: 0,
    notRated: 0,
    incomeAtBaseFen: 0,
    incomeAtNewFen: 0,
    appeals: 0,
    appealsUpheld: 0,
  };
  for (const { run } of runs) {
    const s = run.summary as ReturnType<typeof summarise>;
    const rated = Object.values(s.byTier).reduce((a, b) => a + b, 0);
    effect.employers += s.employers;
    effect.rated += rated;
    effect.up += s.up;
    effect.down += s.down;
    effect.atBase += rated - s.up - s.down;
    effect.notRated += s.employers - rated;
    effect.incomeAtBaseFen += s.incomeAtBaseFen;
    effect.incomeAtNewFen += s.incomeAtNewFen;
  }
  if (runs.length > 0) {
    const [a] = await db
      .select({
        n: sql<number>`count(*)::int`,
        upheld: sql<number>`count(*) filter (where ${rateAppeals.status} = 'upheld')::int`,
      })
      .from(rateAppeals)
      .innerJoin(rateAssignments, eq(rateAssignments.id, rateAppeals.assignmentId))
      .where(
        inArray(
          rateAssignments.runId,
          runs.map((r) => r.run.id),
        ),
      );
    effect.appeals = Number(a?.n ?? 0);
    effect.appealsUpheld = Number(a?.upheld ?? 0);
  }
  return effect;
}
