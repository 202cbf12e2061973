import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
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

function storagePath(uploadDir: string, sha256: string): string {
  return path.join(uploadDir, 'attachments', sha256.slice(0, 2), sha256);
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
  const dir = path.join(input.uploadDir, 'attachments');
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `upload-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const handle = await fs.open(temp, 'w');
  try {
    for await (const chunk of input.body) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > ATTACHMENT_MAX_BYTES)
        throw badRequest('attachment.too_large', 'file', { max: ATTACHMENT_MAX_BYTES / 1024 / 1024 });
      hash.update(buffer);
      await handle.write(buffer);
    }
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  if (size === 0) {
    await fs.rm(temp, { force: true });
    throw badRequest('attachment.empty', 'file');
  }
  const sha256 = hash.digest('hex');
  const target = storagePath(input.uploadDir, sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.rename(temp, target);
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
export async function openAttachment(db: Db, actor: Actor, id: number, uploadDir: string, now: Date) {
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
    stream: createReadStream(storagePath(uploadDir, file.sha256)),
  };
}
