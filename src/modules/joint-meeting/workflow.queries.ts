import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { notFound } from '../../platform/http/errors.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { actionItems, attachments, followUps, meetings, rectifications } from './workflow.tables.js';

// Reads the meeting services share, below all of them: meetings, action items, rectifications and
// follow-ups import this file, and it imports none of them (no import cycle; Biome's noImportCycles).

/** A meeting of the actor's scope with its jurisdiction, or 404 (unknown and out of scope alike). */
export async function getMeetingInScope(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({
      meeting: meetings,
      path: jurisdictions.path,
      code: jurisdictions.code,
      name: jurisdictions.name,
    })
    .from(meetings)
    .innerJoin(jurisdictions, eq(jurisdictions.id, meetings.jurisdictionId))
    .where(and(eq(meetings.id, id), withinScope(jurisdictions.path, actor.jurisdictionPath)));
  if (!row) throw notFound();
  return row;
}

/** The follow-ups of an item, oldest first, each with its attachments. */
export async function listFollowUps(db: Db, targetType: 'action_item' | 'rectification', targetId: number) {
  const rows = await db
    .select()
    .from(followUps)
    .where(eq(followUps.targetId, targetId))
    .orderBy(asc(followUps.createdAt), asc(followUps.id));
  const own = rows.filter((r) => r.targetType === targetType);
  const files =
    own.length === 0
      ? []
      : await db
          .select()
          .from(attachments)
          .where(
            inArray(
              attachments.followUpId,
              own.map((r) => r.id),
            ),
          );
  return own.map((r) => ({
    id: r.id,
    kind: r.kind,
    note: r.note,
    username: r.username,
    createdAt: r.createdAt.toISOString(),
    attachments: files
      .filter((f) => f.followUpId === r.id)
      .map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes, sha256: f.sha256 })),
  }));
}

/**
 * A stamp that moves whenever an action item or a rectification is created or changes state (each
 * change writes a follow-up row): three primary-key maxima, no scan. The overview screen's version
 * reads it instead of listing the overdue work (the passing of a deadline moves with the date).
 */
export async function readWorkflowStamp(db: Db): Promise<string> {
  const [[a], [r], [f]] = await Promise.all([
    db.select({ id: max(actionItems.id) }).from(actionItems),
    db.select({ id: max(rectifications.id) }).from(rectifications),
    db.select({ id: max(followUps.id) }).from(followUps),
  ]);
  return `${a?.id ?? 0}-${r?.id ?? 0}-${f?.id ?? 0}`;
}
