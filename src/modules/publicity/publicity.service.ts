import { eq } from 'drizzle-orm';
import { type Actor, hasPermission } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { findBaseForActor } from './bases.service.js';
import { findCampaignInScope, findCampaignToRecord } from './campaigns.service.js';
import { findExampleForActor } from './examples.service.js';
import {
  addPublicityFile,
  findPublicityFile,
  type OwnerType,
  recordPublicityFileDownload,
} from './files.service.js';
import { advancedExamples, publicityCampaigns, warningBases } from './publicity.tables.js';

// Files across the three sub-features: who may add to and read a record's files.

/** The path of a record the actor may add files to, or 403/404. */
async function ownerPathForWrite(db: Db, actor: Actor, ownerType: OwnerType, id: number) {
  if (ownerType === 'campaign') return (await findCampaignToRecord(db, actor, id)).path;
  if (ownerType === 'example') return (await findExampleForActor(db, actor, id)).path;
  const base = await findBaseForActor(db, actor, id);
  if (!base.isOwn && !hasPermission(actor, 'publicity:manage'))
    throw new AppError(403, 'publicity.own_employer_only', {}, 'id');
  return base.path;
}

/** Adds a material or photo to a campaign, base or example the actor may change (audited). */
export async function attachPublicityFile(
  db: Db,
  actor: Actor,
  ownerType: OwnerType,
  id: number,
  input: { kind: 'material' | 'photo'; fileName: string; body: AsyncIterable<Buffer>; uploadDir: string },
  now: Date,
) {
  const ownerPath = await ownerPathForWrite(db, actor, ownerType, id);
  return addPublicityFile(db, actor, { ownerType, ownerId: id, ownerPath, ...input }, now);
}

/** A file of a record the actor may see (404 otherwise); the download is audited. */
export async function openPublicityFile(db: Db, actor: Actor, id: number) {
  const file = await findPublicityFile(db, id);
  const path =
    file.ownerType === 'campaign'
      ? (await findCampaignInScope(db, actor, file.ownerId)).path
      : file.ownerType === 'base'
        ? (await findBaseForActor(db, actor, file.ownerId)).path
        : (await findExampleForActor(db, actor, file.ownerId)).path;
  await recordPublicityFileDownload(db, actor, file, path);
  return {
    sha256: file.sha256,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
  };
}

/**
 * Public: the resized copy of a photo whose record is public (any campaign, a designated base, a
 * published example); 404 otherwise.
 */
export async function unsafeOpenPublicImage(db: Db, id: number) {
  // Public by design: only the resized copy, only of records the public pages show.
  const file = await findPublicityFile(db, id);
  if (!file.publicSha256 || file.publicSizeBytes === null) throw notFound();
  const isPublic =
    file.ownerType === 'campaign'
      ? (
          await db
            .select({ id: publicityCampaigns.id })
            .from(publicityCampaigns)
            .where(eq(publicityCampaigns.id, file.ownerId))
        ).length > 0
      : file.ownerType === 'base'
        ? (
            await db
              .select({ s: warningBases.status })
              .from(warningBases)
              .where(eq(warningBases.id, file.ownerId))
          )[0]?.s === 'designated'
        : (
            await db
              .select({ s: advancedExamples.status })
              .from(advancedExamples)
              .where(eq(advancedExamples.id, file.ownerId))
          )[0]?.s === 'published';
  if (!isPublic) throw notFound();
  return {
    sha256: file.publicSha256,
    fileName: `${file.fileName.replace(/\.[^.]+$/, '')}.jpg`,
    contentType: 'image/jpeg',
    sizeBytes: file.publicSizeBytes,
    inline: true,
  };
}
