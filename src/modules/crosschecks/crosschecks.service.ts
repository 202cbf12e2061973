import { and, asc, count, desc, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { selectRows } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import type { DailyTask } from '../../platform/jobs/daily.js';
import { addDays, today } from '../../platform/time.js';
import {
  type CrossFact,
  type CrossFactQuery,
  findAccidentsWithoutDetermination,
  findDiseasesWithoutDetermination,
  findDustEmployersUnderInsured,
  findInjuredNotInsured,
  findInjuriesWithoutHeadcount,
} from '../facts/crosscheck-facts.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { notifyUnit, notifyUsers } from '../notifications/notifications.service.js';
import type { Department } from '../organisations/organisations.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { resolveSettings } from '../settings/settings.service.js';
import { DEFAULT_RULES, parseRuleParams } from './crosschecks.rules.js';
import { CROSSCHECK_SETTINGS } from './crosschecks.settings.js';
import {
  crosscheckHitEvents,
  crosscheckHits,
  crosscheckRules,
  type HitStatus,
} from './crosschecks.tables.js';

/** Hits still waiting for their unit: not closed (explained) and not resolved (cause gone). */
const STANDING: readonly HitStatus[] = ['open', 'confirmed', 'explained'];
/** Above this many new hits of one rule for one unit in one run, the unit gets one summary notice. */
const NOTICES_PER_RUN = 20;

type RuleRow = typeof crosscheckRules.$inferSelect;

/** Puts the seeded rules in place (a rule already there keeps its edited parameters). */
/** The default rule set, loaded once with the reference data (`seedReferenceData`). */
export async function ensureCrosscheckRules(db: Db): Promise<void> {
  await db
    .insert(crosscheckRules)
    .values(DEFAULT_RULES.map((r) => ({ ...r, updatedBy: 'seed' })))
    .onConflictDoNothing();
}

/**
 * The rule set, with what each rule checks, who answers it and how many of its hits stand in a
 * jurisdiction of the actor's scope (every unit's: the rule's load, not the hits themselves).
 */
export async function listCrosscheckRules(db: Db, actor: Actor, options: { jurisdiction: string }) {
  const j = await getJurisdictionInScope(db, actor, options.jurisdiction);
  const rows = await db.select().from(crosscheckRules).orderBy(asc(crosscheckRules.id));
  const counts = await selectRows<{ rule: string; n: number }>(
    db,
    sql`select h.rule_code as rule, count(*)::int as n from crosscheck_hits h
      join jurisdictions j on j.id = h.jurisdiction_id
      where h.status in ('open', 'confirmed', 'explained') and ${withinScope(sql`j.path`, j.path)}
      group by h.rule_code`,
  );
  const standing = new Map(counts.map((c) => [String(c.rule), Number(c.n)]));
  return { items: rows.map((r) => ({ ...ruleDto(r), standing: standing.get(r.code) ?? 0 })) };
}

function ruleDto(r: RuleRow) {
  return {
    code: r.code,
    kind: r.kind,
    titleZh: r.titleZh,
    titleEn: r.titleEn,
    ownerDepartment: r.ownerDepartment,
    params: r.params,
    isActive: r.isActive,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * Changes a rule's parameters, owner or whether it runs. The rule set is national: only an officer
 * of a province or above changes it. An unknown parameter or field is refused, naming it.
 */
export async function updateCrosscheckRule(
  db: Db,
  actor: Actor,
  code: string,
  input: {
    params?: Record<string, unknown>;
    ownerDepartment?: Department;
    isActive?: boolean;
    reason: string;
  },
) {
  const [rule] = await db.select().from(crosscheckRules).where(eq(crosscheckRules.code, code));
  if (!rule) throw notFound();
  if (actor.jurisdictionPath.split('/').length > 2) throw new AppError(403, 'auth.forbidden');
  const params = input.params ? parseRuleParams(rule.kind, input.params) : rule.params;
  await db.transaction(async (tx) => {
    await tx
      .update(crosscheckRules)
      .set({
        params,
        ownerDepartment: input.ownerDepartment ?? rule.ownerDepartment,
        isActive: input.isActive ?? rule.isActive,
        updatedBy: actor.username,
        updatedAt: new Date(),
      })
      .where(eq(crosscheckRules.id, rule.id));
    await recordAudit(tx, actor, {
      action: 'crosscheck-rule.update',
      targetType: 'crosscheck_rule',
      targetId: rule.id,
      details: { code, before: rule.params, after: params, reason: input.reason },
    });
  });
  const [row] = await db.select().from(crosscheckRules).where(eq(crosscheckRules.id, rule.id));
  return { ...ruleDto(row as RuleRow), standing: null };
}

/** The subjects breaking one rule, from facts (the one reader of the exchange's tables). */
async function findBreaches(db: Db, rule: RuleRow, q: CrossFactQuery): Promise<CrossFact[]> {
  // Checked against the kind's schemas just now: each kind reads only its own parameters.
  const p = parseRuleParams(rule.kind, rule.params) as unknown as KindParams;
  const window = {
    responseDays: p.responseDays,
    matchWindowDays: p.matchWindowDays,
    lookbackYears: p.lookbackYears,
  };
  switch (rule.kind) {
    case 'injury_without_headcount':
      return findInjuriesWithoutHeadcount(db, {
        ...q,
        basis: p.yearField === 'determinedOn' ? 'determined' : 'occurred',
        lookbackYears: p.lookbackYears,
        latestYearOffset: p.latestYearOffset,
      });
    case 'injured_not_insured':
      return findInjuredNotInsured(db, {
        ...q,
        lookbackYears: p.lookbackYears,
        latestYearOffset: p.latestYearOffset,
        onlyWhereListExists: p.onlyWhereListExists,
      });
    case 'accident_without_determination':
      return findAccidentsWithoutDetermination(db, { ...q, ...window });
    case 'disease_without_determination':
      return findDiseasesWithoutDetermination(db, { ...q, ...window });
    case 'dust_insured_share':
      return findDustEmployersUnderInsured(db, {
        ...q,
        industryPrefixes: p.industryPrefixes,
        minShare: p.minShare,
        shareColumn: p.shareField === 'averagePaying' ? 'average_paying' : 'average_insured',
        lookbackYears: p.lookbackYears,
        latestYearOffset: p.latestYearOffset,
      });
  }
}

/** Every parameter any kind has (crosschecks.rules.ts); a kind's run reads only its own. */
interface KindParams {
  yearField: string;
  shareField: string;
  lookbackYears: number;
  latestYearOffset: number;
  onlyWhereListExists: boolean;
  responseDays: number;
  matchWindowDays: number;
  industryPrefixes: string[];
  minShare: number;
}

/** Per-run caches: the answering unit and the settings of each jurisdiction met. */
function createLookups(db: Db) {
  const units = new Map<string, { id: number; name: string } | null>();
  const settings = new Map<number, { responseDays: number; escalateAfterDays: number }>();
  const paths = new Map<number, string>();
  async function pathOf(jurisdictionId: number): Promise<string> {
    let path = paths.get(jurisdictionId);
    if (path === undefined) {
      const [j] = await db
        .select({ path: jurisdictions.path })
        .from(jurisdictions)
        .where(eq(jurisdictions.id, jurisdictionId));
      path = j?.path ?? '';
      paths.set(jurisdictionId, path);
    }
    return path;
  }
  return {
    /**
     * The member unit of a department at the jurisdiction or its nearest ancestor; a department with
     * no unit there falls back to the HRSS unit (which leads the programme).
     */
    async unitOf(jurisdictionId: number, department: Department) {
      const key = `${jurisdictionId}:${department}`;
      if (units.has(key)) return units.get(key) ?? null;
      const path = await pathOf(jurisdictionId);
      const rows = await selectRows<{ id: number; name: string; department: string }>(
        db,
        sql`select o.id, o.name, o.department from organisations o join jurisdictions oj on oj.id = o.jurisdiction_id
          where o.kind = 'member_department' and o.department in (${department}, 'hrss')
            and (${path} = oj.path or ${path} like oj.path || '/%')
          order by o.department = ${department} desc, length(oj.path) desc, o.id limit 1`,
      );
      const unit = rows[0] ? { id: Number(rows[0].id), name: String(rows[0].name) } : null;
      units.set(key, unit);
      return unit;
    },
    async settingsOf(jurisdictionId: number) {
      let s = settings.get(jurisdictionId);
      if (!s) {
        const resolved = await resolveSettings(db, await pathOf(jurisdictionId), CROSSCHECK_SETTINGS);
        s = {
          responseDays: resolved.responseDays.value,
          escalateAfterDays: resolved.escalateAfterDays.value,
        };
        settings.set(jurisdictionId, s);
      }
      return s;
    },
  };
}

export interface RunResult {
  rules: number;
  raised: number;
  resolved: number;
}

/**
 * Runs the active rules over an area — every employer (a full run) or only some (the incremental
 * run after an import) — raising a hit for each new breach and resolving each standing hit whose
 * cause is gone. One transaction: a crash leaves the hits as they were.
 */
export async function runCrosschecks(
  db: Db,
  options: { path: string; employerIds: number[] | null; asOf: string; batchId?: number | null },
): Promise<RunResult> {
  const rules = await db
    .select()
    .from(crosscheckRules)
    .where(eq(crosscheckRules.isActive, true))
    .orderBy(asc(crosscheckRules.id));
  const result: RunResult = { rules: rules.length, raised: 0, resolved: 0 };
  if (options.employerIds !== null && options.employerIds.length === 0) return result;
  await db.transaction(async (tx) => {
    const lookups = createLookups(tx);
    for (const rule of rules) {
      const facts = await findBreaches(tx, rule, {
        path: options.path,
        employerIds: options.employerIds,
        asOf: options.asOf,
      });
      const r = await reconcileRule(tx, rule, facts, options, lookups);
      result.raised += r.raised;
      result.resolved += r.resolved;
    }
  });
  return result;
}

function employerCondition(ids: number[] | null): SQL {
  if (ids === null) return sql`true`;
  return sql`${crosscheckHits.employerId} = any(string_to_array(${ids.join(',')}, ',')::int[])`;
}

async function reconcileRule(
  tx: Db,
  rule: RuleRow,
  facts: CrossFact[],
  options: { path: string; employerIds: number[] | null; asOf: string; batchId?: number | null },
  lookups: ReturnType<typeof createLookups>,
) {
  const standing = await tx
    .select({ id: crosscheckHits.id, subjectKey: crosscheckHits.subjectKey, status: crosscheckHits.status })
    .from(crosscheckHits)
    .innerJoin(jurisdictions, eq(jurisdictions.id, crosscheckHits.jurisdictionId))
    .where(
      and(
        eq(crosscheckHits.ruleCode, rule.code),
        sql`${crosscheckHits.status} <> 'resolved'`,
        withinScope(jurisdictions.path, options.path),
        employerCondition(options.employerIds),
      ),
    );
  const bySubject = new Map(standing.map((h) => [h.subjectKey, h]));
  const found = new Set(facts.map((f) => f.subjectKey));
  // Resolved: the cause is gone (a correcting batch, or the missing record arrived).
  const gone = standing.filter((h) => h.status !== 'closed' && !found.has(h.subjectKey)).map((h) => h.id);
  if (gone.length > 0) {
    await tx
      .update(crosscheckHits)
      .set({ status: 'resolved', resolvedByBatchId: options.batchId ?? null, closedAt: new Date() })
      .where(inArray(crosscheckHits.id, gone));
    await tx.insert(crosscheckHitEvents).values(
      gone.map((hitId) => ({
        hitId,
        action: 'resolved',
        note: null,
        batchId: options.batchId ?? null,
        username: 'crosschecks',
      })),
    );
  }
  const fresh = facts.filter((f) => !bySubject.has(f.subjectKey));
  const notices = new Map<number, { unitName: string; ids: number[]; employerIds: number[] }>();
  for (let start = 0; start < fresh.length; start += 1000) {
    const chunk = fresh.slice(start, start + 1000);
    const values = [];
    for (const f of chunk) {
      const unit = await lookups.unitOf(f.jurisdictionId, rule.ownerDepartment);
      const { responseDays } = await lookups.settingsOf(f.jurisdictionId);
      values.push({
        ruleCode: rule.code,
        subjectKey: f.subjectKey,
        employerId: f.employerId,
        jurisdictionId: f.jurisdictionId,
        ownerOrganisationId: unit?.id ?? null,
        ownerDepartment: rule.ownerDepartment,
        status: 'open' as const,
        evidence: f.evidence,
        detectedOn: options.asOf,
        deadline: addDays(options.asOf, responseDays),
        detectedByBatchId: options.batchId ?? null,
      });
    }
    const inserted = await tx.insert(crosscheckHits).values(values).returning({
      id: crosscheckHits.id,
      owner: crosscheckHits.ownerOrganisationId,
      employerId: crosscheckHits.employerId,
    });
    await tx.insert(crosscheckHitEvents).values(
      inserted.map((h) => ({
        hitId: h.id,
        action: 'detected',
        batchId: options.batchId ?? null,
        username: 'crosschecks',
      })),
    );
    for (const h of inserted) {
      if (h.owner === null) continue;
      const n = notices.get(h.owner) ?? { unitName: '', ids: [], employerIds: [] };
      n.ids.push(h.id);
      n.employerIds.push(h.employerId);
      notices.set(h.owner, n);
    }
  }
  await noticeUnits(tx, rule, notices);
  return { raised: fresh.length, resolved: gone.length };
}

/** Each hit into its unit's inbox; a flood of one rule becomes one notice with the count. */
async function noticeUnits(
  tx: Db,
  rule: RuleRow,
  notices: Map<number, { ids: number[]; employerIds: number[] }>,
): Promise<void> {
  for (const [unitId, n] of notices) {
    if (n.ids.length > NOTICES_PER_RUN) {
      await notifyUnit(tx, unitId, {
        kind: 'crosscheck.hits',
        params: { rule: rule.titleZh, ruleEn: rule.titleEn, count: n.ids.length },
        link: `/crosschecks?rule=${rule.code}`,
        dedupeKey: `crosscheck:${rule.code}:from:${n.ids[0]}`,
      });
      continue;
    }
    const names = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, n.employerIds));
    const nameOf = new Map(names.map((e) => [e.id, e.name]));
    for (const [i, id] of n.ids.entries())
      await notifyUnit(tx, unitId, {
        kind: 'crosscheck.hit',
        params: {
          rule: rule.titleZh,
          ruleEn: rule.titleEn,
          employer: nameOf.get(n.employerIds[i] ?? 0) ?? '',
        },
        link: `/crosschecks/hits/${id}`,
        dedupeKey: `crosscheck:${id}:detected`,
      });
  }
}

/** A full run of every active rule over a jurisdiction of the actor's scope (the route and the CLI). */
export async function runFullCrosschecks(
  db: Db,
  actor: Actor,
  input: { jurisdictionCode: string },
  now: Date,
) {
  const j = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  const started = performance.now();
  const result = await runCrosschecks(db, { path: j.path, employerIds: null, asOf: today(now) });
  const escalated = await escalateOverdueHits(db, now, j.path);
  await recordAudit(db, actor, {
    action: 'crosscheck.run',
    targetType: 'jurisdiction',
    targetId: j.id,
    jurisdictionPath: j.path,
    details: { ...result, escalated },
  });
  return { ...result, escalated, milliseconds: Math.round(performance.now() - started) };
}

/**
 * Overdue hits past the escalation days go to the HRSS unit of their jurisdiction (督办), once
 * each, like overdue action items reach the convener.
 */
export async function escalateOverdueHits(db: Db, now: Date, path?: string): Promise<number> {
  const todayDate = today(now);
  const rows = await db
    .select({
      id: crosscheckHits.id,
      jurisdictionId: crosscheckHits.jurisdictionId,
      deadline: crosscheckHits.deadline,
      ruleCode: crosscheckHits.ruleCode,
      employer: organisations.name,
    })
    .from(crosscheckHits)
    .innerJoin(jurisdictions, eq(jurisdictions.id, crosscheckHits.jurisdictionId))
    .innerJoin(organisations, eq(organisations.id, crosscheckHits.employerId))
    .where(
      and(
        inArray(crosscheckHits.status, [...STANDING]),
        sql`${crosscheckHits.escalatedAt} is null and ${crosscheckHits.deadline} < ${todayDate}`,
        path ? withinScope(jurisdictions.path, path) : sql`true`,
      ),
    )
    .orderBy(asc(crosscheckHits.id))
    .limit(5000);
  if (rows.length === 0) return 0;
  const lookups = createLookups(db);
  const rules = new Map((await db.select().from(crosscheckRules)).map((r) => [r.code, r]));
  let escalated = 0;
  for (const r of rows) {
    const { escalateAfterDays } = await lookups.settingsOf(r.jurisdictionId);
    if (addDays(r.deadline, escalateAfterDays) >= todayDate) continue;
    const hrss = await lookups.unitOf(r.jurisdictionId, 'hrss');
    await db.transaction(async (tx) => {
      await tx.update(crosscheckHits).set({ escalatedAt: now }).where(eq(crosscheckHits.id, r.id));
      await tx
        .insert(crosscheckHitEvents)
        .values({ hitId: r.id, action: 'escalated', username: 'crosschecks' });
      if (hrss)
        await notifyUnit(tx, hrss.id, {
          kind: 'crosscheck.escalated',
          params: {
            rule: rules.get(r.ruleCode)?.titleZh ?? r.ruleCode,
            ruleEn: rules.get(r.ruleCode)?.titleEn ?? r.ruleCode,
            employer: r.employer,
            deadline: r.deadline,
          },
          link: `/crosschecks/hits/${r.id}`,
          dedupeKey: `crosscheck:${r.id}:escalated`,
        });
    });
    escalated += 1;
  }
  return escalated;
}

/** Reminders for the actor's unit (idempotent): its overdue hits, when the inbox is read. */
export async function refreshCrosscheckReminders(db: Db, actor: Actor, now: Date): Promise<number> {
  if (actor.organisationId === null || !actor.permissions.has('crosschecks:respond')) return 0;
  const rows = await db
    .select({
      id: crosscheckHits.id,
      deadline: crosscheckHits.deadline,
      rule: crosscheckRules.titleZh,
      ruleEn: crosscheckRules.titleEn,
    })
    .from(crosscheckHits)
    .innerJoin(crosscheckRules, eq(crosscheckRules.code, crosscheckHits.ruleCode))
    .where(
      and(
        eq(crosscheckHits.ownerOrganisationId, actor.organisationId),
        inArray(crosscheckHits.status, [...STANDING]),
        sql`${crosscheckHits.deadline} < ${today(now)}`,
      ),
    )
    .orderBy(asc(crosscheckHits.deadline))
    .limit(50);
  let added = 0;
  for (const r of rows)
    added += await notifyUsers(db, [actor.userId], {
      kind: 'crosscheck.overdue',
      params: { rule: r.rule, ruleEn: r.ruleEn, deadline: r.deadline },
      link: `/crosschecks/hits/${r.id}`,
      dedupeKey: `crosscheck:${r.id}:overdue`,
    });
  return added;
}

/** Whom an actor may see: HRSS every hit of its scope; a member unit only the hits it answers. */
function visibility(actor: Actor): SQL {
  const scope = withinScope(jurisdictions.path, actor.jurisdictionPath);
  if (actor.permissions.has('crosschecks:manage')) return scope;
  return and(scope, eq(crosscheckHits.ownerOrganisationId, actor.organisationId ?? -1)) as SQL;
}

const owner = sql<
  string | null
>`(select o.name from organisations o where o.id = ${crosscheckHits.ownerOrganisationId})`;

function selectHits(db: Db) {
  return db
    .select({
      hit: crosscheckHits,
      ruleTitleZh: crosscheckRules.titleZh,
      ruleTitleEn: crosscheckRules.titleEn,
      employerName: organisations.name,
      employerCreditCode: organisations.creditCode,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.name,
      path: jurisdictions.path,
      ownerName: owner,
    })
    .from(crosscheckHits)
    .innerJoin(crosscheckRules, eq(crosscheckRules.code, crosscheckHits.ruleCode))
    .innerJoin(organisations, eq(organisations.id, crosscheckHits.employerId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, crosscheckHits.jurisdictionId))
    .$dynamic();
}
type HitRow = Awaited<ReturnType<typeof selectHits>>[number];

const isStanding = (status: HitStatus) => STANDING.includes(status);

function hitDto(r: HitRow, now: Date) {
  const h = r.hit;
  const overdue = isStanding(h.status) && h.deadline < today(now);
  return {
    id: h.id,
    rule: h.ruleCode,
    ruleTitleZh: r.ruleTitleZh,
    ruleTitleEn: r.ruleTitleEn,
    subjectKey: h.subjectKey,
    employer: { id: h.employerId, name: r.employerName, creditCode: r.employerCreditCode },
    jurisdictionCode: r.jurisdictionCode,
    jurisdictionName: r.jurisdictionName,
    ownerDepartment: h.ownerDepartment,
    ownerOrganisationId: h.ownerOrganisationId,
    ownerOrganisationName: r.ownerName,
    status: h.status,
    isOverdue: overdue,
    detectedOn: h.detectedOn,
    deadline: h.deadline,
    explanation: h.explanation,
    evidence: h.evidence,
    detectedByBatchId: h.detectedByBatchId,
    resolvedByBatchId: h.resolvedByBatchId,
    escalatedAt: h.escalatedAt?.toISOString() ?? null,
    closedAt: h.closedAt?.toISOString() ?? null,
  };
}

/** Hits the actor may see, standing and overdue first, with the open count of each rule. */
export async function listHits(
  db: Db,
  actor: Actor,
  options: {
    jurisdiction?: string;
    rule?: string;
    status?: HitStatus | 'standing';
    isOverdue?: boolean;
    page: number;
    pageSize: number;
  },
  now: Date,
) {
  const conditions: SQL[] = [visibility(actor)];
  if (options.jurisdiction) {
    const j = await getJurisdictionInScope(db, actor, options.jurisdiction);
    conditions.push(withinScope(jurisdictions.path, j.path));
  }
  const facetConditions = [...conditions];
  if (options.rule) conditions.push(eq(crosscheckHits.ruleCode, options.rule));
  if (options.status === 'standing') conditions.push(inArray(crosscheckHits.status, [...STANDING]));
  else if (options.status) conditions.push(eq(crosscheckHits.status, options.status));
  if (options.isOverdue)
    conditions.push(
      and(
        inArray(crosscheckHits.status, [...STANDING]),
        sql`${crosscheckHits.deadline} < ${today(now)}`,
      ) as SQL,
    );
  const where = and(...conditions);
  const [rows, [total], facets, rules] = await Promise.all([
    selectHits(db)
      .where(where)
      .orderBy(
        sql`${crosscheckHits.status} in ('closed', 'resolved')`,
        asc(crosscheckHits.deadline),
        desc(crosscheckHits.id),
      )
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db
      .select({ n: count() })
      .from(crosscheckHits)
      .innerJoin(jurisdictions, eq(jurisdictions.id, crosscheckHits.jurisdictionId))
      .where(where),
    db
      .select({ rule: crosscheckHits.ruleCode, n: count() })
      .from(crosscheckHits)
      .innerJoin(jurisdictions, eq(jurisdictions.id, crosscheckHits.jurisdictionId))
      .where(and(...facetConditions, inArray(crosscheckHits.status, [...STANDING])))
      .groupBy(crosscheckHits.ruleCode),
    db.select().from(crosscheckRules).orderBy(asc(crosscheckRules.id)),
  ]);
  const openOf = new Map(facets.map((f) => [f.rule, Number(f.n)]));
  return {
    items: rows.map((r) => hitDto(r, now)),
    total: Number(total?.n ?? 0),
    byRule: rules.map((r) => ({
      rule: r.code,
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      ownerDepartment: r.ownerDepartment,
      open: openOf.get(r.code) ?? 0,
    })),
  };
}

async function getHitInScope(db: Db, actor: Actor, id: number): Promise<HitRow> {
  const [row] = await selectHits(db).where(and(eq(crosscheckHits.id, id), visibility(actor)));
  if (!row) throw notFound();
  return row;
}

/** One hit with the records behind it and its history. */
export async function getHit(db: Db, actor: Actor, id: number, now: Date) {
  const row = await getHitInScope(db, actor, id);
  const events = await db
    .select()
    .from(crosscheckHitEvents)
    .where(eq(crosscheckHitEvents.hitId, id))
    .orderBy(asc(crosscheckHitEvents.id));
  return {
    ...hitDto(row, now),
    events: events.map((e) => ({
      action: e.action,
      note: e.note,
      batchId: e.batchId,
      username: e.username,
      at: e.at.toISOString(),
    })),
  };
}

export type HitAction = 'confirm' | 'explain' | 'close';

/**
 * The answering unit's reply (HRSS may answer too): confirm (the data is wrong; a correcting batch
 * follows and resolves the hit), explain (the data is right; why), close (needs an explanation,
 * given now or before).
 */
export async function respondToHit(
  db: Db,
  actor: Actor,
  id: number,
  input: { action: HitAction; note?: string; explanation?: string },
  now: Date,
) {
  const row = await getHitInScope(db, actor, id);
  const h = row.hit;
  if (!actor.permissions.has('crosschecks:manage') && h.ownerOrganisationId !== actor.organisationId)
    throw new AppError(403, 'auth.forbidden');
  if (!isStanding(h.status) || (input.action === 'confirm' && h.status !== 'open'))
    throw new AppError(409, 'workflow.illegal_transition', { state: h.status, action: input.action });
  const explanation = input.explanation?.trim() || null;
  if (input.action === 'explain' && !explanation)
    throw badRequest('crosschecks.explanation_required', 'explanation');
  if (input.action === 'close' && !explanation && !h.explanation)
    throw badRequest('crosschecks.explanation_required', 'explanation');
  const status: HitStatus =
    input.action === 'confirm' ? 'confirmed' : input.action === 'explain' ? 'explained' : 'closed';
  await db.transaction(async (tx) => {
    await tx
      .update(crosscheckHits)
      .set({
        status,
        explanation: explanation ?? h.explanation,
        closedAt: status === 'closed' ? now : null,
      })
      .where(eq(crosscheckHits.id, id));
    await tx.insert(crosscheckHitEvents).values({
      hitId: id,
      action: status,
      note: explanation ?? input.note?.trim() ?? null,
      userId: actor.userId,
      username: actor.username,
    });
    await recordAudit(tx, actor, {
      action: `crosscheck-hit.${input.action}`,
      targetType: 'crosscheck_hit',
      targetId: id,
      jurisdictionPath: row.path,
      details: { from: h.status, to: status, rule: h.ruleCode },
    });
  });
  return getHit(db, actor, id, now);
}

/**
 * For the overview screen (AN-7): the standing hits of an area, how many are past their deadline,
 * and the standing count of each rule (every rule, zero included). No personal data, no actor:
 * the caller has already scoped the area.
 */
export async function summariseOpenHits(
  db: Db,
  scope: { path: string },
  asOf: string,
): Promise<{ open: number; overdue: number; byRule: { rule: string; title: string; open: number }[] }> {
  const rows = await selectRows<{ rule: string; open: number; overdue: number }>(
    db,
    sql`select h.rule_code as rule, count(*)::int as open,
        count(*) filter (where h.deadline < ${asOf}::date)::int as overdue
      from crosscheck_hits h join jurisdictions j on j.id = h.jurisdiction_id
      where h.status in ('open', 'confirmed', 'explained') and ${withinScope(sql`j.path`, scope.path)}
      group by h.rule_code`,
  );
  const byCode = new Map(rows.map((r) => [String(r.rule), r]));
  const rules = await db.select().from(crosscheckRules).orderBy(asc(crosscheckRules.id));
  return {
    open: rows.reduce((s, r) => s + Number(r.open), 0),
    overdue: rows.reduce((s, r) => s + Number(r.overdue), 0),
    byRule: rules.map((r) => ({
      rule: r.code,
      title: r.titleZh,
      open: Number(byCode.get(r.code)?.open ?? 0),
    })),
  };
}

/**
 * A stamp that moves with every new hit and every change of one (each writes a hit event): two
 * primary-key maxima, no scan (the overview screen's version, AN-7).
 */
export async function readCrosscheckStamp(db: Db): Promise<string> {
  const [[h], [e]] = await Promise.all([
    db.select({ id: max(crosscheckHits.id) }).from(crosscheckHits),
    db.select({ id: max(crosscheckHitEvents.id) }).from(crosscheckHitEvents),
  ]);
  return `${h?.id ?? 0}-${e?.id ?? 0}`;
}

/** The daily run (platform/jobs/daily.ts): hits whose time limit passed overnight are escalated. */
export const escalateHitsDailyTask: DailyTask = {
  name: 'crosschecks.escalate',
  description: {
    zh: '比对疑点逾期未核查的，转同级人社部门督办',
    en: 'Cross-check hits past their time limit are escalated to the HRSS unit',
  },
  run: async (db, at) => `${await escalateOverdueHits(db, at)} hit(s) escalated`,
};
