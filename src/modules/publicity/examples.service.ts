import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { today } from '../../platform/time.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { listPublicityFiles } from './files.service.js';
import type { ExampleInput } from './publicity.schema.js';
import { advancedExamples } from './publicity.tables.js';

// Advanced examples (先进典型) and demonstration enterprises (示范企业) (PU-3, F 四(二)): nominated,
// reviewed, published with their story and figures on the public pages.

/** Nominates an employer, project or person as an advanced example of a jurisdiction. */
export async function nominateExample(db: Db, actor: Actor, input: ExampleInput, now: Date) {
  const j = await getJurisdictionInScope(db, actor, input.jurisdiction ?? actor.jurisdictionCode);
  if (input.subjectKind === 'employer' && !input.organisationId)
    throw badRequest('publicity.organisation_required', 'organisationId');
  if (input.organisationId) {
    const [org] = await db
      .select({ path: jurisdictions.path })
      .from(organisations)
      .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
      .where(eq(organisations.id, input.organisationId));
    if (!org || !isInScope(actor, org.path)) throw new AppError(400, 'not_found', {}, 'organisationId');
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(advancedExamples)
      .values({
        jurisdictionId: j.id,
        subjectKind: input.subjectKind,
        category: input.category,
        name: input.name,
        organisationId: input.organisationId ?? null,
        projectId: input.projectId ?? null,
        year: input.year,
        story: input.story,
        figures: input.figures,
        nominatedBy: actor.username,
        nominatedAt: now,
      })
      .returning({ id: advancedExamples.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'publicity.example.nominate',
      targetType: 'advanced_example',
      targetId: row.id,
      jurisdictionPath: j.path,
      details: { name: input.name, category: input.category },
    });
    return { id: row.id };
  });
}

async function findExample(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ example: advancedExamples, path: jurisdictions.path })
    .from(advancedExamples)
    .innerJoin(jurisdictions, eq(jurisdictions.id, advancedExamples.jurisdictionId))
    .where(and(eq(advancedExamples.id, id), withinScope(jurisdictions.path, actor.jurisdictionPath)));
  if (!row) throw notFound();
  return row;
}

/** An example the actor may see, for the files service. */
export async function findExampleForActor(db: Db, actor: Actor, id: number) {
  return findExample(db, actor, id);
}

/** Reviews a nomination: publish it (on the public pages from today) or reject it. */
export async function reviewExample(
  db: Db,
  actor: Actor,
  id: number,
  input: { decision: 'publish' | 'reject'; note?: string },
  now: Date,
) {
  const { example, path } = await findExample(db, actor, id);
  if (example.status !== 'nominated')
    throw new AppError(409, 'publicity.example_state', { status: example.status });
  if (input.decision === 'reject' && !input.note) throw badRequest('publicity.reason_required', 'note');
  await db.transaction(async (tx) => {
    await tx
      .update(advancedExamples)
      .set({
        status: input.decision === 'publish' ? 'published' : 'rejected',
        reviewNote: input.note ?? null,
        reviewedBy: actor.username,
        publishedOn: input.decision === 'publish' ? today(now) : null,
      })
      .where(eq(advancedExamples.id, id));
    await recordAudit(tx, actor, {
      action: `publicity.example.${input.decision}`,
      targetType: 'advanced_example',
      targetId: id,
      jurisdictionPath: path,
      details: { note: input.note },
    });
  });
  return { ok: true as const };
}

type ExampleRow = { example: typeof advancedExamples.$inferSelect; code: string; name: string };

function toExampleDto(r: ExampleRow, photoIds: number[]) {
  const e = r.example;
  return {
    id: e.id,
    jurisdictionCode: r.code,
    jurisdictionName: r.name,
    subjectKind: e.subjectKind,
    category: e.category,
    name: e.name,
    organisationId: e.organisationId,
    projectId: e.projectId,
    year: e.year,
    story: e.story,
    figures: e.figures,
    status: e.status,
    reviewNote: e.reviewNote,
    publishedOn: e.publishedOn,
    photoIds,
  };
}

async function selectExamples(db: Db, conditions: SQL[]) {
  const rows = await db
    .select({ example: advancedExamples, code: jurisdictions.code, name: jurisdictions.name })
    .from(advancedExamples)
    .innerJoin(jurisdictions, eq(jurisdictions.id, advancedExamples.jurisdictionId))
    .where(and(...conditions))
    .orderBy(desc(advancedExamples.year), asc(advancedExamples.id))
    .limit(500);
  const photos = await listPublicityFiles(
    db,
    'example',
    rows.map((r) => r.example.id),
  );
  return rows.map((r) =>
    toExampleDto(
      r,
      photos.filter((p) => p.ownerId === r.example.id && p.hasPublicImage).map((p) => p.id),
    ),
  );
}

/** Examples of a jurisdiction subtree (default: the actor's). */
export async function listExamples(db: Db, actor: Actor, query: { jurisdiction?: string; status?: string }) {
  const j = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const conditions: SQL[] = [withinScope(jurisdictions.path, j.path)];
  if (query.status)
    conditions.push(eq(advancedExamples.status, query.status as 'nominated' | 'published' | 'rejected'));
  const items = await selectExamples(db, conditions);
  return { total: items.length, items };
}

/** Public: published examples of a jurisdiction subtree. */
export async function unsafeListPublicExamples(db: Db, query: { jurisdiction?: string }) {
  // Public by design (示范引领): only published examples, without the review note.
  const conditions: SQL[] = [eq(advancedExamples.status, 'published')];
  if (query.jurisdiction) {
    const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, query.jurisdiction));
    if (!j) return { items: [] };
    conditions.push(withinScope(jurisdictions.path, j.path));
  }
  const items = await selectExamples(db, conditions);
  return { items: items.map(({ reviewNote: _n, status: _s, ...rest }) => rest) };
}
