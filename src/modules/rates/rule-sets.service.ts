import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { EXAMPLE_RULE_SETS } from './rates.data.js';
import type { RuleSetInput, RuleSetUpdate } from './rates.schema.js';
import { rateRuleSets } from './rates.tables.js';
import { type RuleDefinition, validateRuleDefinition } from './rule-sets.logic.js';

/** A rule set applies to its pooling jurisdiction and below, so officers above and below see it. */
export function isRuleSetVisible(actor: Actor, path: string): boolean {
  return isInScope(actor, path) || actor.jurisdictionPath.startsWith(`${path}/`);
}

type RuleSetRow = typeof rateRuleSets.$inferSelect & {
  jurisdictionCode: string;
  jurisdictionName: string;
  path: string;
};

async function loadRuleSet(db: Db, actor: Actor, id: number): Promise<RuleSetRow> {
  const [row] = await db
    .select({
      rs: rateRuleSets,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.name,
      path: jurisdictions.path,
    })
    .from(rateRuleSets)
    .innerJoin(jurisdictions, eq(jurisdictions.id, rateRuleSets.jurisdictionId))
    .where(eq(rateRuleSets.id, id));
  if (!row || !isRuleSetVisible(actor, row.path)) throw notFound();
  return {
    ...row.rs,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: row.jurisdictionName,
    path: row.path,
  };
}

/** The rule set as the API shows it. */
async function present(db: Db, r: RuleSetRow) {
  const [reviewer] = r.reviewedByOrganisationId
    ? await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, r.reviewedByOrganisationId))
    : [];
  return {
    id: r.id,
    jurisdictionCode: r.jurisdictionCode,
    jurisdictionName: r.jurisdictionName,
    version: r.version,
    name: r.name,
    isExample: r.isExample,
    note: r.note,
    status: r.status,
    effectiveFrom: r.effectiveFrom,
    definition: r.definition,
    createdAt: r.createdAt.toISOString(),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewedByOrganisation: reviewer?.name ?? null,
    reviewNote: r.reviewNote,
    adoptedAt: r.adoptedAt?.toISOString() ?? null,
    supersededAt: r.supersededAt?.toISOString() ?? null,
  };
}

/** The shipped example rule sets: examples to adapt, not any province's official method. */
export function listRuleSetExamples() {
  return {
    items: EXAMPLE_RULE_SETS.map((e) => ({
      key: e.key,
      nameZh: e.nameZh,
      nameEn: e.nameEn,
      noteZh: e.noteZh,
      noteEn: e.noteEn,
      definition: e.definition(),
    })),
  };
}

/** Rule sets of the pooling jurisdictions above, at and below the actor's (newest version first). */
export async function listRuleSets(db: Db, actor: Actor) {
  const rows = await db
    .select({
      rs: rateRuleSets,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.name,
      path: jurisdictions.path,
    })
    .from(rateRuleSets)
    .innerJoin(jurisdictions, eq(jurisdictions.id, rateRuleSets.jurisdictionId))
    .where(
      sql`(${jurisdictions.path} = ${actor.jurisdictionPath} or ${jurisdictions.path} like ${`${actor.jurisdictionPath}/%`}
        or ${actor.jurisdictionPath} like ${jurisdictions.path} || '/%')`,
    )
    .orderBy(jurisdictions.path, desc(rateRuleSets.version));
  const items = [];
  for (const row of rows) {
    const { definition: _, ...rest } = await present(db, { ...row.rs, ...row });
    items.push(rest);
  }
  return { total: items.length, items };
}

export async function getRuleSet(db: Db, actor: Actor, id: number) {
  return present(db, await loadRuleSet(db, actor, id));
}

/** The standing adopted rule set of a pooling jurisdiction, or undefined. */
async function adoptedOf(db: Db, jurisdictionId: number) {
  const [row] = await db
    .select()
    .from(rateRuleSets)
    .where(and(eq(rateRuleSets.jurisdictionId, jurisdictionId), eq(rateRuleSets.status, 'adopted')));
  return row;
}

/** Refuses a definition that breaks a rule, naming each rule and field; and a date not after the adopted set's. */
async function checkRuleSet(
  db: Db,
  jurisdictionId: number,
  effectiveFrom: string,
  definition: RuleDefinition,
) {
  const problems = validateRuleDefinition(definition).map((p) => ({ ...p, field: `definition.${p.field}` }));
  const adopted = await adoptedOf(db, jurisdictionId);
  if (adopted && effectiveFrom <= adopted.effectiveFrom)
    problems.push({
      field: 'effectiveFrom',
      code: 'rates.effective_before_adopted',
      message: `The effective date ${effectiveFrom} is not after the adopted rule set's ${adopted.effectiveFrom} (version ${adopted.version})`,
      messageZh: `生效日期 ${effectiveFrom} 不晚于已采用规则（第 ${adopted.version} 版）的生效日期 ${adopted.effectiveFrom}`,
    });
  if (problems.length > 0)
    throw new AppError(
      400,
      'rates.rule_invalid',
      { rules: problems.map((p) => p.code).join(', ') },
      undefined,
      problems,
    );
}

/**
 * Drafts a new version of a pooling jurisdiction's rule set (FR-1). Refused, naming the rule, when
 * the definition is unsound or its effective date is not after the adopted set's.
 */
export async function draftRuleSet(db: Db, actor: Actor, input: RuleSetInput, now: Date) {
  const jurisdiction = await getJurisdictionInScope(db, actor, input.jurisdiction);
  await checkRuleSet(db, jurisdiction.id, input.effectiveFrom, input.definition);
  const example = EXAMPLE_RULE_SETS.find((e) => e.key === input.fromExample);
  const id = await db.transaction(async (tx) => {
    const [last] = await tx
      .select({ version: sql<number>`max(${rateRuleSets.version})` })
      .from(rateRuleSets)
      .where(eq(rateRuleSets.jurisdictionId, jurisdiction.id));
    const [row] = await tx
      .insert(rateRuleSets)
      .values({
        jurisdictionId: jurisdiction.id,
        version: Number(last?.version ?? 0) + 1,
        name: input.name,
        isExample: example !== undefined,
        note: input.note ?? (example ? example.noteZh : null),
        effectiveFrom: input.effectiveFrom,
        definition: input.definition,
        createdByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: rateRuleSets.id, version: rateRuleSets.version });
    if (!row) throw new Error('rule set not inserted');
    await recordAudit(tx, actor, {
      action: 'rates.rule_set.draft',
      targetType: 'rate_rule_set',
      targetId: row.id,
      details: {
        jurisdiction: input.jurisdiction,
        version: row.version,
        fromExample: input.fromExample ?? null,
      },
    });
    return row.id;
  });
  return getRuleSet(db, actor, id);
}

/** Edits a draft (or a reviewed set, which then needs 财政's review again). Adopted sets are never edited. */
export async function updateRuleSet(db: Db, actor: Actor, id: number, input: RuleSetUpdate, now: Date) {
  const rs = await loadRuleSet(db, actor, id);
  if (!isInScope(actor, rs.path)) throw notFound();
  if (rs.status !== 'draft' && rs.status !== 'reviewed')
    throw new AppError(409, 'rates.wrong_status', { status: rs.status });
  await checkRuleSet(db, rs.jurisdictionId, input.effectiveFrom, input.definition);
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(rateRuleSets)
      .set({
        name: input.name,
        note: input.note ?? null,
        effectiveFrom: input.effectiveFrom,
        definition: input.definition,
        status: 'draft',
        reviewedAt: null,
        reviewedByUserId: null,
        reviewedByOrganisationId: null,
        updatedAt: now,
      })
      .where(and(eq(rateRuleSets.id, id), sql`${rateRuleSets.status} in ('draft','reviewed')`))
      .returning({ id: rateRuleSets.id });
    if (changed.length === 0) throw new AppError(409, 'rates.wrong_status', { status: 'adopted' });
    await recordAudit(tx, actor, {
      action: 'rates.rule_set.update',
      targetType: 'rate_rule_set',
      targetId: id,
      details: { wasReviewed: rs.status === 'reviewed' },
    });
  });
  return getRuleSet(db, actor, id);
}

/**
 * 财政's review (FR-1): an officer of the finance member unit of the pooling jurisdiction (or one
 * above) approves the draft, or returns it with a note.
 */
export async function reviewRuleSet(
  db: Db,
  actor: Actor,
  id: number,
  input: { decision: 'approve' | 'return'; note?: string },
  now: Date,
) {
  const rs = await loadRuleSet(db, actor, id);
  const [unit] =
    actor.organisationId === null
      ? []
      : await db
          .select({
            kind: organisations.kind,
            department: organisations.department,
            path: jurisdictions.path,
          })
          .from(organisations)
          .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
          .where(eq(organisations.id, actor.organisationId));
  const isFinance =
    unit?.kind === 'member_department' &&
    unit.department === 'finance' &&
    (rs.path === unit.path || rs.path.startsWith(`${unit.path}/`));
  if (!isFinance) throw new AppError(403, 'rates.not_finance');
  if (rs.status !== 'draft') throw new AppError(409, 'rates.wrong_status', { status: rs.status });
  await db.transaction(async (tx) => {
    await tx
      .update(rateRuleSets)
      .set(
        input.decision === 'approve'
          ? {
              status: 'reviewed',
              reviewedAt: now,
              reviewedByUserId: actor.userId,
              reviewedByOrganisationId: actor.organisationId,
              reviewNote: input.note ?? null,
            }
          : { reviewNote: input.note ?? null, updatedAt: now },
      )
      .where(eq(rateRuleSets.id, id));
    await recordAudit(tx, actor, {
      action: input.decision === 'approve' ? 'rates.rule_set.approve' : 'rates.rule_set.return',
      targetType: 'rate_rule_set',
      targetId: id,
      details: { note: input.note ?? null },
    });
  });
  return getRuleSet(db, actor, id);
}

/** Adopts a reviewed rule set: the standing one of its pooling jurisdiction is superseded, both kept. */
export async function adoptRuleSet(db: Db, actor: Actor, id: number, now: Date) {
  const rs = await loadRuleSet(db, actor, id);
  if (!isInScope(actor, rs.path)) throw notFound();
  if (rs.status !== 'reviewed') throw new AppError(409, 'rates.wrong_status', { status: rs.status });
  await checkRuleSet(db, rs.jurisdictionId, rs.effectiveFrom, rs.definition);
  await db.transaction(async (tx) => {
    const previous = await adoptedOf(tx, rs.jurisdictionId);
    if (previous)
      await tx
        .update(rateRuleSets)
        .set({ status: 'superseded', supersededAt: now, supersededById: id })
        .where(eq(rateRuleSets.id, previous.id));
    await tx
      .update(rateRuleSets)
      .set({ status: 'adopted', adoptedAt: now, adoptedByUserId: actor.userId })
      .where(eq(rateRuleSets.id, id));
    await recordAudit(tx, actor, {
      action: 'rates.rule_set.adopt',
      targetType: 'rate_rule_set',
      targetId: id,
      details: { supersedes: previous?.id ?? null, effectiveFrom: rs.effectiveFrom },
    });
  });
  return getRuleSet(db, actor, id);
}

/**
 * The adopted rule set that governs an area: its own pooling jurisdiction's, else the nearest
 * ancestor's (Fujian and Jilin pool at province level; a prefecture may still hold its own).
 */
export async function findGoverningRuleSet(db: Db, path: string) {
  const [row] = await db
    .select({ rs: rateRuleSets, path: jurisdictions.path })
    .from(rateRuleSets)
    .innerJoin(jurisdictions, eq(jurisdictions.id, rateRuleSets.jurisdictionId))
    .where(
      and(
        eq(rateRuleSets.status, 'adopted'),
        sql`(${path} = ${jurisdictions.path} or ${path} like ${jurisdictions.path} || '/%')`,
      ),
    )
    .orderBy(desc(sql`length(${jurisdictions.path})`))
    .limit(1);
  return row;
}

export { loadRuleSet };
