import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import {
  assertDrawRule,
  declineAndReplace,
  findExpertOfUser,
  performDraw,
  scheduleDraw,
  verifyDraw,
} from '../experts/experts.service.js';
import { expertDraws, panelMembers } from '../experts/experts.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import {
  applyChange,
  findProjectInScope,
  getProject,
  illegal,
  lockProject,
  REVIEW_CRITERIA,
  selectProjects,
} from './projects.shared.js';
import { preventionProjects } from './projects.tables.js';

// Review (PP-3, EX-3): the random expert panel and its scoring.

async function drawOf(db: Db, projectId: number) {
  const [draw] = await db.select().from(expertDraws).where(eq(expertDraws.projectId, projectId));
  return draw;
}

/** Schedules the random review panel: rule, commitment and the declared public value's source. */
export async function scheduleReviewDraw(
  db: Db,
  actor: Actor,
  id: number,
  input: { size: number; fieldMix: { field: string; count: number }[]; beaconSource: string },
) {
  const project = await findProjectInScope(db, actor, id);
  await assertDrawRule(db, project.jurisdictionPath, input);
  await db.transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    if (locked.status !== 'declared') throw illegal(locked.status);
    if (await drawOf(tx, id)) throw new AppError(409, 'draw.already_drawn');
    const draw = await scheduleDraw(tx, actor, {
      ...input,
      projectId: id,
      jurisdictionId: locked.jurisdictionId,
    });
    await applyChange(tx, actor, project, {
      action: 'schedule-draw',
      from: ['declared'],
      details: { drawId: draw.id, commitment: draw.commitment, ...input },
    });
  });
  return getProject(db, actor, id);
}

function conflictOrganisations(p: typeof preventionProjects.$inferSelect) {
  return [p.applicantOrganisationId, ...(p.serviceOrganisationId ? [p.serviceOrganisationId] : [])];
}

/** Draws the panel with the public value: conflicts excluded, every step recorded (EX-3). */
export async function drawReviewPanel(db: Db, actor: Actor, id: number, input: { beaconValue: string }) {
  const project = await findProjectInScope(db, actor, id);
  await db.transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    if (locked.status !== 'declared') throw illegal(locked.status);
    const draw = await drawOf(tx, id);
    if (!draw) throw new AppError(409, 'draw.not_scheduled');
    const result = await performDraw(tx, actor, draw, {
      beaconValue: input.beaconValue,
      jurisdictionPath: project.jurisdictionPath,
      conflictOrganisationIds: conflictOrganisations(locked),
    });
    await applyChange(tx, actor, project, {
      action: 'draw',
      from: ['declared'],
      to: 'reviewing',
      details: {
        drawId: draw.id,
        seed: result.seed,
        candidates: result.candidates.length,
        excluded: result.exclusions.length,
        panel: result.picks.map((p) => p.expertId),
      },
    });
  });
  return getProject(db, actor, id);
}

/** Records a declined invitation and its reason; a further draw replaces the expert. */
export async function declinePanelMember(
  db: Db,
  actor: Actor,
  id: number,
  memberId: number,
  input: { reason: string },
) {
  const project = await findProjectInScope(db, actor, id);
  await db.transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    if (locked.status !== 'reviewing') throw illegal(locked.status);
    const draw = await drawOf(tx, id);
    if (!draw) throw new AppError(409, 'draw.not_drawn');
    const { declined, replacement } = await declineAndReplace(tx, draw, memberId, input.reason);
    await applyChange(tx, actor, project, {
      action: 'decline',
      from: ['reviewing'],
      reason: input.reason,
      details: { declinedExpertId: declined.expertId, replacementExpertId: replacement.expertId },
    });
  });
  return getProject(db, actor, id);
}

/** Recomputes the project's draw from its stored record. */
export async function verifyReviewDraw(db: Db, actor: Actor, id: number) {
  await findProjectInScope(db, actor, id);
  const draw = await drawOf(db, id);
  if (!draw) throw new AppError(409, 'draw.not_drawn');
  return verifyDraw(draw);
}

/** The reviews the signed-in expert is drawn for (only those). */
export async function listAssignments(db: Db, actor: Actor) {
  const expert = await findExpertOfUser(db, actor.userId);
  if (!expert) return [];
  const rows = await db
    .select({ member: panelMembers, project: preventionProjects, applicantName: organisations.name })
    .from(panelMembers)
    .innerJoin(preventionProjects, eq(preventionProjects.id, panelMembers.projectId))
    .innerJoin(organisations, eq(organisations.id, preventionProjects.applicantOrganisationId))
    .where(and(eq(panelMembers.expertId, expert.id), eq(panelMembers.status, 'invited')))
    .orderBy(desc(panelMembers.id));
  return rows.map(({ member, project, applicantName }) => ({
    memberId: member.id,
    field: member.field,
    project: {
      id: project.id,
      title: project.title,
      type: project.type,
      keyField: project.keyField,
      summary: project.summary,
      budgetLines: project.budgetLines,
      requestedFen: project.requestedFen,
      applicantName,
      status: project.status,
    },
    scores: member.scores,
    total: member.total,
    scoredAt: member.scoredAt?.toISOString() ?? null,
  }));
}

/**
 * An expert scores an assigned project against the criteria. A score is final; when every member
 * has scored, the project is reviewed with the mean total.
 */
export async function scoreAssignment(
  db: Db,
  actor: Actor,
  memberId: number,
  input: { scores: Record<string, number>; comment?: string },
) {
  const expert = await findExpertOfUser(db, actor.userId);
  const [member] = expert
    ? await db
        .select()
        .from(panelMembers)
        .where(and(eq(panelMembers.id, memberId), eq(panelMembers.expertId, expert.id)))
    : [];
  if (!member) throw notFound();
  for (const c of REVIEW_CRITERIA) {
    const value = input.scores[c.code];
    if (value === undefined || value < 0 || value > c.max)
      throw badRequest('review.score_out_of_range', `scores.${c.code}`, { criterion: c.name, max: c.max });
  }
  const known = new Set<string>(REVIEW_CRITERIA.map((c) => c.code));
  const unknown = Object.keys(input.scores).find((k) => !known.has(k));
  if (unknown)
    throw badRequest('review.score_out_of_range', `scores.${unknown}`, { criterion: unknown, max: 0 });
  const total = REVIEW_CRITERIA.reduce((sum, c) => sum + (input.scores[c.code] ?? 0), 0);
  const [project] = await selectProjects(db).where(eq(preventionProjects.id, member.projectId));
  if (!project) throw notFound();
  await db.transaction(async (tx) => {
    const locked = await lockProject(tx, member.projectId);
    if (locked.status !== 'reviewing') throw illegal(locked.status);
    const [scored] = await tx
      .update(panelMembers)
      .set({ scores: input.scores, total, comment: input.comment ?? null, scoredAt: sql`now()` })
      .where(
        and(
          eq(panelMembers.id, memberId),
          eq(panelMembers.status, 'invited'),
          sql`${panelMembers.scoredAt} is null`,
        ),
      )
      .returning();
    if (!scored) throw new AppError(409, 'panel.member_not_invited');
    const members = await tx
      .select()
      .from(panelMembers)
      .where(and(eq(panelMembers.projectId, member.projectId), eq(panelMembers.status, 'invited')));
    const isComplete = members.every((m) => m.scoredAt !== null || m.id === memberId);
    const mean = members.reduce((sum, m) => sum + (m.total ?? 0), 0) / members.length;
    await applyChange(tx, actor, project, {
      action: 'score',
      from: ['reviewing'],
      to: isComplete ? 'reviewed' : undefined,
      details: { memberId, total },
      set: isComplete ? { reviewScore: mean.toFixed(2) } : undefined,
    });
  });
  return (await listAssignments(db, actor)).find((a) => a.memberId === memberId);
}
