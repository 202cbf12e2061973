import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { saveStoredFile } from '../../platform/files/stored-files.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { getActionItemInScope } from './action-items.service.js';
import { getRectificationInScope } from './rectifications.service.js';
import { attachments, followUps } from './workflow.tables.js';

/** Largest evidence file accepted (the route's body limit is the same). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The follow-up with the item it belongs to, both in the actor's scope (and visible to it), or 404. */
async function getFollowUpInScope(db: Db, actor: Actor, id: number, now: Date) {
  const [row] = await db.select().from(followUps).where(eq(followUps.id, id));
  if (!row) throw notFound();
  const target =
    row.targetType === 'action_item'
      ? await getActionItemInScope(db, actor, row.targetId, now)
      : await getRectificationInScope(db, actor, row.targetId, now);
  return { followUp: row, path: target.path };
}

/**
 * Attaches an evidence file to a follow-up the actor's unit wrote. The file streams to disk while
 * hashed; content is stored once per SHA-256.
 */
export async function attachFile(
  db: Db,
  actor: Actor,
  followUpId: number,
  input: { fileName: string; contentType: string; body: Readable; uploadDir: string },
  now: Date,
) {
  const { followUp, path: jurisdictionPath } = await getFollowUpInScope(db, actor, followUpId, now);
  if (
    followUp.userId !== actor.userId &&
    (followUp.organisationId === null || followUp.organisationId !== actor.organisationId)
  )
    throw new AppError(403, 'workflow.not_assignee');
  const { sha256, sizeBytes: size } = await saveStoredFile(input.uploadDir, input.body, {
    maxBytes: ATTACHMENT_MAX_BYTES,
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(attachments)
      .values({
        followUpId,
        fileName: input.fileName,
        contentType: input.contentType,
        sizeBytes: size,
        sha256,
        uploadedByUserId: actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'attachment.upload',
      targetType: 'attachment',
      targetId: row.id,
      jurisdictionPath,
      details: { followUpId, fileName: input.fileName, sizeBytes: size, sha256 },
    });
    return { id: row.id, fileName: row.fileName, sizeBytes: row.sizeBytes, sha256: row.sha256 };
  });
}

/** An attachment's file, when its item is visible to the actor; every download is audited. */
export async function openAttachment(db: Db, actor: Actor, id: number, now: Date) {
  const [file] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!file) throw notFound();
  const { path: jurisdictionPath } = await getFollowUpInScope(db, actor, file.followUpId, now);
  await recordAudit(db, actor, {
    action: 'attachment.download',
    targetType: 'attachment',
    targetId: id,
    jurisdictionPath,
    details: { fileName: file.fileName },
  });
  return {
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
  };
}
