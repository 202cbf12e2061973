import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import type { ProviderApplication, ProviderReview } from './providers.schema.js';
import { trainingProviderEvents, trainingProviders } from './providers.tables.js';

/**
 * Recommended training institutions and online platforms (TR-5): they apply, HRSS reviews their
 * qualification, reputation and service and publishes the list; a listed one may be removed with
 * a reason. Every step is an event row as well as an audit record.
 */

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v)).toISOString());

function toProvider(r: Record<string, unknown>) {
  return {
    id: Number(r.id),
    organisationId: Number(r.organisation_id),
    name: String(r.name),
    jurisdictionCode: String(r.jurisdiction_code),
    jurisdictionName: String(r.jurisdiction_name),
    kind: r.kind as 'institution' | 'online_platform',
    services: String(r.services),
    url: (r.url as string | null) ?? null,
    qualifications: String(r.qualifications),
    status: r.status as 'applied' | 'rejected' | 'listed' | 'removed',
    review: (r.review as never) ?? null,
    reason: (r.reason as string | null) ?? null,
    appliedAt: iso(r.applied_at) as string,
    reviewedBy: (r.reviewed_by as string | null) ?? null,
    listedAt: iso(r.listed_at),
    removedAt: iso(r.removed_at),
  };
}

const SELECT = sql`
  select p.*, o.name, j.code as jurisdiction_code, j.name as jurisdiction_name, j.path
  from training_providers p join organisations o on o.id = p.organisation_id
  join jurisdictions j on j.id = p.jurisdiction_id`;

/** An organisation applies for the recommended list of its jurisdiction. */
export async function applyAsTrainingProvider(db: Db, actor: Actor, input: ProviderApplication) {
  if (actor.organisationId === null) throw new AppError(403, 'providers.organisation_only');
  const [org] = rowsOf<{ id: number; jurisdiction_id: number; kind: string }>(
    await db.execute(
      sql`select id, jurisdiction_id, kind from organisations where id = ${actor.organisationId}`,
    ),
  );
  if (!org) throw notFound();
  const [open] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from training_providers
      where organisation_id = ${org.id} and kind = ${input.kind} and status in ('applied','listed')`),
  );
  if (Number(open?.n ?? 0) > 0) throw new AppError(409, 'providers.already_open', {}, 'kind');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingProviders)
      .values({
        organisationId: org.id,
        jurisdictionId: Number(org.jurisdiction_id),
        kind: input.kind,
        services: input.services,
        url: input.url ?? null,
        qualifications: input.qualifications,
        appliedBy: actor.username,
      })
      .returning({ id: trainingProviders.id });
    const id = (row as { id: number }).id;
    await tx
      .insert(trainingProviderEvents)
      .values({ providerId: id, action: 'apply', actor: actor.username });
    await recordAudit(tx, actor, {
      action: 'training.provider.apply',
      targetType: 'training_provider',
      targetId: id,
      details: { kind: input.kind },
    });
    return { id };
  });
}

/** Applications and listings of the jurisdictions in scope. */
export async function listTrainingProviders(
  db: Db,
  actor: Actor,
  query: { jurisdiction?: string; status?: string },
) {
  const jurisdiction = await getJurisdictionInScope(db, actor, query.jurisdiction ?? actor.jurisdictionCode);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`${SELECT}
      where ${withinScope(sql`j.path`, jurisdiction.path)} ${query.status ? sql`and p.status = ${query.status}` : sql``}
      order by p.applied_at desc, p.id desc`),
  );
  return { total: rows.length, items: rows.map(toProvider) };
}

/** The applying organisation's own applications. */
export async function listOwnTrainingProviders(db: Db, actor: Actor) {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`${SELECT} where p.organisation_id = ${actor.organisationId ?? 0}
      order by p.applied_at desc, p.id desc`),
  );
  return { total: rows.length, items: rows.map(toProvider) };
}

async function findProvider(db: Db, actor: Actor, id: number) {
  const [row] = rowsOf<Record<string, unknown>>(await db.execute(sql`${SELECT} where p.id = ${id}`));
  if (!row || !isInScope(actor, String(row.path))) throw notFound();
  return row;
}

/**
 * HRSS reviews an application: qualification, reputation and service are recorded as given;
 * listing needs all three acceptable, rejecting needs a reason.
 */
export async function reviewTrainingProvider(db: Db, actor: Actor, id: number, input: ProviderReview) {
  const row = await findProvider(db, actor, id);
  if (row.status !== 'applied') throw new AppError(409, 'providers.not_applied');
  const aspects = {
    qualification: input.qualification,
    reputation: input.reputation,
    service: input.service,
  };
  if (input.decision === 'list') {
    const failed = (Object.keys(aspects) as (keyof typeof aspects)[]).find((k) => !aspects[k].isAcceptable);
    if (failed) throw badRequest('providers.aspect_not_acceptable', `${failed}.isAcceptable`);
  } else if (!input.reason) throw badRequest('providers.reason_required', 'reason');
  const status = input.decision === 'list' ? 'listed' : 'rejected';
  await db.transaction(async (tx) => {
    await tx
      .update(trainingProviders)
      .set({
        status,
        review: aspects,
        reviewedBy: actor.username,
        reviewedAt: sql`now()`,
        listedAt: status === 'listed' ? sql`now()` : null,
        reason: input.reason ?? null,
      })
      .where(eq(trainingProviders.id, id));
    await tx.insert(trainingProviderEvents).values({
      providerId: id,
      action: input.decision,
      reason: input.reason ?? null,
      actor: actor.username,
    });
    await recordAudit(tx, actor, {
      action: `training.provider.${input.decision}`,
      targetType: 'training_provider',
      targetId: id,
      details: { ...aspects, reason: input.reason ?? null },
    });
  });
  return toProvider(await findProvider(db, actor, id));
}

/** Removes a listed provider from the recommended list, with the reason (kept). */
export async function removeTrainingProvider(db: Db, actor: Actor, id: number, reason: string) {
  const row = await findProvider(db, actor, id);
  if (row.status !== 'listed') throw new AppError(409, 'providers.not_listed');
  await db.transaction(async (tx) => {
    await tx
      .update(trainingProviders)
      .set({ status: 'removed', removedAt: sql`now()`, reason })
      .where(eq(trainingProviders.id, id));
    await tx
      .insert(trainingProviderEvents)
      .values({ providerId: id, action: 'remove', reason, actor: actor.username });
    await recordAudit(tx, actor, {
      action: 'training.provider.remove',
      targetType: 'training_provider',
      targetId: id,
      details: { reason },
    });
  });
  return toProvider(await findProvider(db, actor, id));
}

/** The public recommended list (no sign-in): listed providers, of a jurisdiction and below when given. */
export async function listRecommendedProviders(db: Db, query: { jurisdiction?: string }) {
  let path: string | null = null;
  if (query.jurisdiction) {
    const [j] = rowsOf<{ path: string }>(
      await db.execute(sql`select path from jurisdictions where code = ${query.jurisdiction}`),
    );
    if (!j) throw notFound();
    path = j.path;
  }
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`${SELECT} where p.status = 'listed' ${path ? sql`and ${withinScope(sql`j.path`, path)}` : sql``}
      order by j.path, o.name`),
  );
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      kind: r.kind as 'institution' | 'online_platform',
      services: String(r.services),
      url: (r.url as string | null) ?? null,
      jurisdictionName: String(r.jurisdiction_name),
      listedAt: iso(r.listed_at) as string,
    })),
  };
}
