import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, hasPermission } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { maskName } from '../../platform/privacy/mask.js';
import { today } from '../../platform/time.js';
import { ACCIDENT_GRADES, GB6441_CATEGORIES } from '../code-tables/injury-codes.data.js';
import { latestDataYear } from '../enterprises/ledger.service.js';
import { injuryCases, safetyAccidents } from '../exchange/exchange.tables.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { draftBulletinText } from './bulletin-template.js';
import { type BulletinFacts, type BulletinStatus, bulletins } from './bulletins.tables.js';

const STATE_NAMES: Record<BulletinStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'a draft' },
  approved: { zh: '已审核', en: 'approved' },
  published: { zh: '已发布', en: 'published' },
};
const ACTION_NAMES = {
  edit: { zh: '修改', en: 'edited' },
  approve: { zh: '审核', en: 'approved' },
  publish: { zh: '发布', en: 'published' },
} as const;

/** 409 naming the state and the refused action, in both languages. */
function illegalTransition(state: BulletinStatus, action: keyof typeof ACTION_NAMES) {
  return new AppError(409, 'bulletin.illegal_transition', {
    state,
    stateZh: STATE_NAMES[state].zh,
    stateEn: STATE_NAMES[state].en,
    actionZh: ACTION_NAMES[action].zh,
    actionEn: ACTION_NAMES[action].en,
  });
}

const ageAt = (birth: string, on: string) => {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return (y ?? 0) - (by ?? 0) - ((m ?? 0) < (bm ?? 0) || (m === bm && (d ?? 0) < (bd ?? 0)) ? 1 : 0);
};

/** Accident and injury facts of records within `path`, masked: names as 张*, never a 身份证号. */
async function loadFacts(
  db: Db,
  path: string,
  ids: { accidentIds?: number[]; injuryIds?: number[]; year?: number; limit?: number },
): Promise<BulletinFacts> {
  const inScope = withinScope(jurisdictions.path, path);
  const accidentWhere: SQL[] = [inScope];
  const injuryWhere: SQL[] = [inScope];
  if (ids.accidentIds) accidentWhere.push(inArray(safetyAccidents.id, ids.accidentIds));
  if (ids.injuryIds) injuryWhere.push(inArray(injuryCases.id, ids.injuryIds));
  if (ids.year !== undefined) {
    const from = `${ids.year}-01-01`;
    const to = `${ids.year + 1}-01-01`;
    accidentWhere.push(
      sql`${safetyAccidents.occurredOn} >= ${from} and ${safetyAccidents.occurredOn} < ${to}`,
    );
    injuryWhere.push(
      sql`${injuryCases.occurredOn} >= ${from} and ${injuryCases.occurredOn} < ${to} and ${injuryCases.severity} in ('death', 'serious')`,
    );
  }
  const limit = ids.limit ?? 20;
  const [accidents, injuries] = await Promise.all([
    ids.accidentIds?.length === 0
      ? []
      : db
          .select({
            a: safetyAccidents,
            employerName: organisations.name,
            jurisdictionName: jurisdictions.name,
          })
          .from(safetyAccidents)
          .innerJoin(organisations, eq(organisations.id, safetyAccidents.employerId))
          .innerJoin(jurisdictions, eq(jurisdictions.id, safetyAccidents.jurisdictionId))
          .where(and(...accidentWhere))
          .orderBy(
            desc(safetyAccidents.deaths),
            desc(safetyAccidents.seriousInjuries),
            desc(safetyAccidents.id),
          )
          .limit(limit),
    ids.injuryIds?.length === 0
      ? []
      : db
          .select({
            i: injuryCases,
            employerName: organisations.name,
            jurisdictionName: jurisdictions.name,
          })
          .from(injuryCases)
          .innerJoin(organisations, eq(organisations.id, injuryCases.employerId))
          .innerJoin(jurisdictions, eq(jurisdictions.id, injuryCases.jurisdictionId))
          .where(and(...injuryWhere))
          .orderBy(desc(injuryCases.isDeath), desc(injuryCases.occurredOn), desc(injuryCases.id))
          .limit(limit),
  ]);
  return {
    accidents: accidents.map(({ a, employerName, jurisdictionName }) => ({
      id: a.id,
      accidentNo: a.accidentNo,
      employerName,
      jurisdictionName,
      occurredOn: a.occurredOn,
      category: a.category,
      categoryName: GB6441_CATEGORIES[a.category] ?? null,
      grade: a.grade,
      gradeName: ACCIDENT_GRADES[a.grade] ?? null,
      deaths: a.deaths,
      seriousInjuries: a.seriousInjuries,
      directLossFen: a.directLossFen,
    })),
    injuries: injuries.map(({ i, employerName, jurisdictionName }) => ({
      id: i.id,
      caseNo: i.caseNo,
      employerName,
      jurisdictionName,
      occurredOn: i.occurredOn,
      // Stored encrypted when PII_ENCRYPTION=sm4 (decision 0022): decrypted only to be masked.
      personName: maskName(piiCrypto().decrypt(i.personName)),
      sex: i.sex,
      age: ageAt(i.birthDate, i.occurredOn),
      post: i.post,
      accidentCategory: i.accidentCategory,
      categoryName: i.accidentCategory ? (GB6441_CATEGORIES[i.accidentCategory] ?? null) : null,
      severity: i.severity,
      isDeath: i.isDeath,
    })),
  };
}

/**
 * Records a bulletin can be drafted from: the year's accidents (most deaths first) and the
 * determinations with a death or a serious injury, within a jurisdiction of the actor's scope.
 */
export async function listBulletinCandidates(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; year?: number },
) {
  const jurisdiction = await getJurisdictionInScope(
    db,
    actor,
    options.jurisdiction ?? actor.jurisdictionCode,
  );
  const year = options.year ?? (await latestDataYear(db));
  const facts = await loadFacts(db, jurisdiction.path, { year, limit: 50 });
  return { year, ...facts };
}

/** Drafts a typical-accident bulletin (AN-4) from chosen records, the facts filled into the template. */
export async function draftBulletin(
  db: Db,
  actor: Actor,
  input: { jurisdictionCode: string; accidentIds: number[]; injuryIds: number[] },
) {
  const jurisdiction = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  if (input.accidentIds.length + input.injuryIds.length === 0)
    throw badRequest('bulletin.no_records', 'accidentIds');
  const accidentIds = [...new Set(input.accidentIds)];
  const injuryIds = [...new Set(input.injuryIds)];
  const facts = await loadFacts(db, jurisdiction.path, { accidentIds, injuryIds });
  // Keep the order the officer chose; a record outside the jurisdiction is named in the error.
  for (const [field, wanted, found] of [
    ['accidentIds', accidentIds, facts.accidents],
    ['injuryIds', injuryIds, facts.injuries],
  ] as const) {
    const byId = new Map<number, unknown>(found.map((f) => [f.id, f]));
    const missing = wanted.findIndex((id) => !byId.has(id));
    if (missing >= 0)
      throw badRequest('bulletin.record_unknown', `${field}.${missing}`, { id: wanted[missing] });
  }
  facts.accidents.sort((a, b) => accidentIds.indexOf(a.id) - accidentIds.indexOf(b.id));
  facts.injuries.sort((a, b) => injuryIds.indexOf(a.id) - injuryIds.indexOf(b.id));
  const { title, body } = draftBulletinText(jurisdiction.name, facts, today());
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bulletins)
      .values({
        jurisdictionId: jurisdiction.id,
        title,
        body,
        accidentIds,
        injuryIds,
        facts,
        draftedByUserId: actor.userId,
        draftedBy: actor.username,
        updatedBy: actor.username,
      })
      .returning({ id: bulletins.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'bulletin.draft',
      targetType: 'bulletin',
      targetId: row.id,
      jurisdictionPath: jurisdiction.path,
      details: { accidentIds, injuryIds, title },
    });
    return row.id;
  });
  return getBulletin(db, actor, id);
}

const canSeeUnpublished = (actor: Actor) =>
  hasPermission(actor, 'bulletins:draft') || hasPermission(actor, 'bulletins:approve');

/**
 * Which bulletins an actor sees: those of its jurisdiction and below (unpublished ones only with a
 * drafting or approving permission), and the published bulletins of the jurisdictions above it.
 * A sibling's never.
 */
function visibleTo(actor: Actor): SQL {
  const own = withinScope(jurisdictions.path, actor.jurisdictionPath);
  const ancestors = actor.jurisdictionPath.split('/').slice(0, -1);
  const published = eq(bulletins.status, 'published');
  const fromAbove =
    ancestors.length > 0 ? and(published, inArray(jurisdictions.code, ancestors)) : sql`false`;
  return or(canSeeUnpublished(actor) ? own : and(own, published), fromAbove) as SQL;
}

const columns = {
  b: bulletins,
  jurisdictionCode: jurisdictions.code,
  jurisdictionName: jurisdictions.name,
  path: jurisdictions.path,
};

function present(
  actor: Actor,
  r: { b: typeof bulletins.$inferSelect; jurisdictionCode: string; jurisdictionName: string; path: string },
) {
  const { b } = r;
  return {
    id: b.id,
    jurisdictionCode: r.jurisdictionCode,
    jurisdictionName: r.jurisdictionName,
    status: b.status,
    title: b.title,
    body: b.body,
    facts: b.facts,
    draftedBy: b.draftedBy,
    draftedAt: b.draftedAt.toISOString(),
    isDraftedByMe: b.draftedByUserId === actor.userId,
    updatedBy: b.updatedBy,
    updatedAt: b.updatedAt.toISOString(),
    approvedBy: b.approvedBy,
    approvedAt: b.approvedAt?.toISOString() ?? null,
    publishedBy: b.publishedBy,
    publishedAt: b.publishedAt?.toISOString() ?? null,
    isInScope: r.path === actor.jurisdictionPath || r.path.startsWith(`${actor.jurisdictionPath}/`),
  };
}

/** Bulletins the actor may see, newest first. */
export async function listBulletins(
  db: Db,
  actor: Actor,
  options: { status?: BulletinStatus; page: number; pageSize: number },
) {
  const where = and(visibleTo(actor), options.status ? eq(bulletins.status, options.status) : undefined);
  const [rows, [count]] = await Promise.all([
    db
      .select(columns)
      .from(bulletins)
      .innerJoin(jurisdictions, eq(jurisdictions.id, bulletins.jurisdictionId))
      .where(where)
      .orderBy(desc(bulletins.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(bulletins)
      .innerJoin(jurisdictions, eq(jurisdictions.id, bulletins.jurisdictionId))
      .where(where),
  ]);
  return {
    items: rows.map((r) => {
      const { body: _body, facts: _facts, ...rest } = present(actor, r);
      return rest;
    }),
    total: Number(count?.n ?? 0),
  };
}

/** One bulletin the actor may see (404 otherwise, as if it did not exist). */
export async function getBulletin(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select(columns)
    .from(bulletins)
    .innerJoin(jurisdictions, eq(jurisdictions.id, bulletins.jurisdictionId))
    .where(and(eq(bulletins.id, id), visibleTo(actor)));
  if (!row) throw notFound();
  return present(actor, row);
}

/** A bulletin of the actor's own scope, for a change (404 for anything else). */
async function findOwnBulletin(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ b: bulletins, path: jurisdictions.path })
    .from(bulletins)
    .innerJoin(jurisdictions, eq(jurisdictions.id, bulletins.jurisdictionId))
    .where(and(eq(bulletins.id, id), withinScope(jurisdictions.path, actor.jurisdictionPath)));
  if (!row) throw notFound();
  return row;
}

/** Edits a draft's title and text (approved or published bulletins are fixed: 409). */
export async function editBulletin(db: Db, actor: Actor, id: number, input: { title: string; body: string }) {
  const { b, path } = await findOwnBulletin(db, actor, id);
  if (b.status !== 'draft') throw illegalTransition(b.status, 'edit');
  await db.transaction(async (tx) => {
    const [changed] = await tx
      .update(bulletins)
      .set({ ...input, updatedBy: actor.username, updatedAt: sql`now()` })
      .where(and(eq(bulletins.id, id), eq(bulletins.status, 'draft')))
      .returning({ id: bulletins.id });
    if (!changed) throw illegalTransition(b.status, 'edit');
    await recordAudit(tx, actor, {
      action: 'bulletin.edit',
      targetType: 'bulletin',
      targetId: id,
      jurisdictionPath: path,
      details: { title: input.title },
    });
  });
  return getBulletin(db, actor, id);
}

/**
 * draft → approved, by someone other than the drafter (four eyes: the notice goes to every
 * jurisdiction below in the bureau's name). Anything else is a 409 and changes nothing.
 */
export async function approveBulletin(db: Db, actor: Actor, id: number) {
  const { b, path } = await findOwnBulletin(db, actor, id);
  if (b.status !== 'draft') throw illegalTransition(b.status, 'approve');
  if (b.draftedByUserId === actor.userId) throw new AppError(409, 'bulletin.self_approval');
  await transition(db, actor, { id, path, from: 'draft', to: 'approved' });
  return getBulletin(db, actor, id);
}

/** approved → published: officers of the jurisdiction and every one below it now see it. */
export async function publishBulletin(db: Db, actor: Actor, id: number) {
  const { b, path } = await findOwnBulletin(db, actor, id);
  if (b.status !== 'approved') throw illegalTransition(b.status, 'publish');
  await transition(db, actor, { id, path, from: 'approved', to: 'published' });
  return getBulletin(db, actor, id);
}

async function transition(
  db: Db,
  actor: Actor,
  t: { id: number; path: string; from: BulletinStatus; to: 'approved' | 'published' },
) {
  const stamp =
    t.to === 'approved'
      ? { approvedByUserId: actor.userId, approvedBy: actor.username, approvedAt: sql`now()` }
      : { publishedBy: actor.username, publishedAt: sql`now()` };
  await db.transaction(async (tx) => {
    // The state in the WHERE clause: a concurrent change makes this a 409, not a double transition.
    const [changed] = await tx
      .update(bulletins)
      .set({ status: t.to, ...stamp })
      .where(and(eq(bulletins.id, t.id), eq(bulletins.status, t.from)))
      .returning({ id: bulletins.id });
    if (!changed) throw illegalTransition(t.to, t.to === 'approved' ? 'approve' : 'publish');
    await recordAudit(tx, actor, {
      action: `bulletin.${t.to === 'approved' ? 'approve' : 'publish'}`,
      targetType: 'bulletin',
      targetId: t.id,
      jurisdictionPath: t.path,
      details: { from: t.from, to: t.to },
    });
  });
}

// --- Public portal (SV-2) ---------------------------------------------------------------------------

/**
 * Published bulletins for the public portal, newest first: title, text, jurisdiction and date only
 * (never the drafting facts or who drafted and approved). Unscoped by design: only the published
 * state, which a second person approved before a third published it.
 */
export async function unsafeListPublicBulletins(db: Db, options: { path?: string; limit: number }) {
  const rows = await db
    .select({ b: bulletins, code: jurisdictions.code, name: jurisdictions.name })
    .from(bulletins)
    .innerJoin(jurisdictions, eq(jurisdictions.id, bulletins.jurisdictionId))
    .where(
      and(
        eq(bulletins.status, 'published'),
        options.path ? withinScope(jurisdictions.path, options.path) : undefined,
      ),
    )
    .orderBy(desc(bulletins.publishedAt), desc(bulletins.id))
    .limit(options.limit);
  return rows.map((r) => ({
    id: r.b.id,
    jurisdiction: { code: r.code, name: r.name },
    title: r.b.title,
    body: r.b.body,
    publishedAt: r.b.publishedAt?.toISOString() ?? null,
  }));
}
