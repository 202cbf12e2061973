import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { today } from '../../platform/time.js';
import { listEmployerYears, resolveCountingRules } from '../facts/facts.service.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { describeEmployerTrainingCoverage } from '../training/training.service.js';
import { listPublicityFiles } from './files.service.js';
import type { ExampleInput } from './publicity.schema.js';
import { advancedExamples, type ExampleFigures } from './publicity.tables.js';

// Advanced examples (先进典型) and demonstration enterprises (示范企业) (PU-3, F 四(二)): nominated,
// reviewed, published with their story and figures on the public pages.

/** Injuries per 1,000 insured, to two decimals; null without insured persons. */
const perMille = (injuries: number, insured: number) =>
  insured > 0 ? Math.round((injuries * 100_000) / insured) / 100 : null;

/**
 * An example's figures, computed from the records (PU-3: "injury rate against their industry,
 * training coverage"), never typed in. For the example's employer (organisationId; none for a
 * person or project without one: every figure null) in the example's year, under the counting
 * rules of its jurisdiction (facts): its injuries per 1,000 of its 年平均参保人数; the same rate
 * over the insured employers of its GB/T 4754 division (大类) in its province that have a headcount
 * that year, itself included; and its key-post training coverage as of today (training's count).
 */
export async function computeExampleFigures(
  db: Db,
  actor: Actor,
  input: { organisationId: number | null; year: number },
  now: Date,
): Promise<ExampleFigures> {
  const basis = {
    computedOn: today(now),
    year: input.year,
    employerId: input.organisationId,
    injuries: null,
    insured: null,
    industryDivision: null,
    industryEmployers: 0,
    industryInjuries: 0,
    industryInsured: 0,
    trainingAsOf: null,
    keyPostsDue: null,
    keyPostsTrained: null,
  };
  const none = { injuryRatePerMille: null, industryRatePerMille: null, trainingCoveragePct: null };
  if (input.organisationId === null) return { ...none, basis };
  const [org] = await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      industryCode: organisations.industryCode,
      path: jurisdictions.path,
      code: jurisdictions.code,
    })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(eq(organisations.id, input.organisationId));
  if (org?.kind !== 'employer') return { ...none, basis };
  const rules = await resolveCountingRules(db, org.path);
  // Paths run from the root (100000/220000/…): the province is the first two segments.
  const province = org.path.split('/').slice(0, 2).join('/');
  const years = await listEmployerYears(db, { path: province, from: input.year, to: input.year, rules });
  const own = years.find((y) => y.employerId === org.id);
  const division = org.industryCode?.slice(0, 2) ?? null;
  const peers =
    division === null
      ? []
      : years.filter((y) => y.industryCode?.startsWith(division) && (y.averageInsured ?? 0) > 0);
  const industryInjuries = peers.reduce((n, y) => n + y.injuries, 0);
  const industryInsured = peers.reduce((n, y) => n + (y.averageInsured ?? 0), 0);
  const training = isInScope(actor, org.path)
    ? await describeEmployerTrainingCoverage(db, actor, {
        id: org.id,
        path: org.path,
        jurisdictionCode: org.code,
      })
    : null;
  const insured = own?.averageInsured ?? null;
  return {
    injuryRatePerMille: own && insured !== null ? perMille(own.injuries, insured) : null,
    industryRatePerMille: peers.length > 0 ? perMille(industryInjuries, industryInsured) : null,
    trainingCoveragePct: training?.coveragePct ?? null,
    basis: {
      ...basis,
      injuries: own ? own.injuries : null,
      insured,
      industryDivision: division,
      industryEmployers: peers.length,
      industryInjuries,
      industryInsured,
      trainingAsOf: training?.asOf ?? null,
      keyPostsDue: training?.due ?? null,
      keyPostsTrained: training?.trained ?? null,
    },
  };
}

/**
 * Nominates an employer, project or person as an advanced example of a jurisdiction; its figures
 * are computed from the records (computeExampleFigures).
 */
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
  const figures = await computeExampleFigures(
    db,
    actor,
    { organisationId: input.organisationId ?? null, year: input.year },
    now,
  );
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
        figures,
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
  // Published figures are those of the records on the day of publication.
  const figures =
    input.decision === 'publish'
      ? await computeExampleFigures(
          db,
          actor,
          { organisationId: example.organisationId, year: example.year },
          now,
        )
      : example.figures;
  await db.transaction(async (tx) => {
    await tx
      .update(advancedExamples)
      .set({
        figures,
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
    figures: {
      source: e.figures.basis ? ('records' as const) : ('entered' as const),
      injuryRatePerMille: e.figures.injuryRatePerMille ?? null,
      industryRatePerMille: e.figures.industryRatePerMille ?? null,
      trainingCoveragePct: e.figures.trainingCoveragePct ?? null,
      basis: e.figures.basis ?? null,
    },
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
