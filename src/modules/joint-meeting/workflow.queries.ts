import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { withinScope } from '../../platform/db/scope.js';
import { notFound } from '../../platform/http/errors.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { attachments, followUps, meetings } from './workflow.tables.js';

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
