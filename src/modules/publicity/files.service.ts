import { and, asc, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { saveStoredFile } from '../../platform/files/stored-files.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { publicityFiles } from './publicity.tables.js';

// Files of publicity records (PU-1…3): materials and photos, stored hash-addressed like every
// evidence file; a photo also gets a resized JPEG for the public pages (sharp, decision 0027).

export type OwnerType = 'campaign' | 'base' | 'example';

/** Largest upload: a photo or a material file (a video belongs on a platform, linked). */
export const PUBLICITY_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** Width and height the public copy of a photo fits within. */
const PUBLIC_IMAGE_PX = 1200;

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  mp4: 'video/mp4',
};

function contentTypeOf(fileName: string): string {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** Files of one owner or several (ids), oldest first. */
export async function listPublicityFiles(db: Db, ownerType: OwnerType, owner: number | number[]) {
  const ids = Array.isArray(owner) ? owner : [owner];
  // Guard against running an invalid query when the ids list is empty.
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(publicityFiles)
    .where(and(eq(publicityFiles.ownerType, ownerType), inArray(publicityFiles.ownerId, ids)))
    .orderBy(asc(publicityFiles.id));
  return rows.map((f) => ({
    id: f.id,
    ownerId: f.ownerId,
    kind: f.kind,
    fileName: f.fileName,
    contentType: f.contentType,
    sizeBytes: f.sizeBytes,
    hasPublicImage: f.publicSha256 !== null,
    createdAt: f.createdAt.toISOString(),
  }));
}

async function* once(buffer: Buffer) {
  yield buffer;
}

async function readAll(body: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes)
      throw badRequest('attachment.too_large', 'file', { max: Math.floor(maxBytes / 1024 / 1024) });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Stores a file of a record the caller has checked the actor may change (its service found it in
 * scope): a photo is decoded and resized for the public pages (a file that is no image is refused);
 * the upload is audited.
 */
export async function addPublicityFile(
  db: Db,
  actor: Actor,
  input: {
    ownerType: OwnerType;
    ownerId: number;
    ownerPath: string;
    kind: 'material' | 'photo';
    fileName: string;
    body: AsyncIterable<Buffer>;
    uploadDir: string;
  },
  now: Date,
) {
  let stored: { sha256: string; sizeBytes: number };
  let publicCopy: { sha256: string; sizeBytes: number } | null = null;
  let contentType = contentTypeOf(input.fileName);
  if (input.kind === 'photo') {
    const original = await readAll(input.body, PUBLICITY_FILE_MAX_BYTES);
    if (original.length === 0) throw badRequest('publicity.not_an_image', 'file');
    let resized: Buffer;
    try {
      const meta = await sharp(original).metadata();
      if (!meta.format || !['jpeg', 'png', 'webp'].includes(meta.format)) throw new Error('format');
      contentType = `image/${meta.format}`;
      resized = await sharp(original)
        .rotate()
        .resize(PUBLIC_IMAGE_PX, PUBLIC_IMAGE_PX, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer();
    } catch {
      throw badRequest('publicity.not_an_image', 'file');
    }
    stored = await saveStoredFile(input.uploadDir, once(original), {
      maxBytes: PUBLICITY_FILE_MAX_BYTES,
      field: 'file',
    });
    publicCopy = await saveStoredFile(input.uploadDir, once(resized), {
      maxBytes: PUBLICITY_FILE_MAX_BYTES,
      field: 'file',
    });
  } else {
    stored = await saveStoredFile(input.uploadDir, input.body, {
      maxBytes: PUBLICITY_FILE_MAX_BYTES,
      field: 'file',
    });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(publicityFiles)
      .values({
        ownerType: input.ownerType,
        ownerId: input.ownerId,
        kind: input.kind,
        fileName: input.fileName,
        contentType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        publicSha256: publicCopy?.sha256 ?? null,
        publicSizeBytes: publicCopy?.sizeBytes ?? null,
        createdBy: actor.username,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'publicity.file.upload',
      targetType: `publicity_${input.ownerType}`,
      targetId: input.ownerId,
      jurisdictionPath: input.ownerPath,
      details: {
        fileId: row.id,
        fileName: input.fileName,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
      },
    });
    return {
      id: row.id,
      kind: row.kind,
      fileName: row.fileName,
      contentType: row.contentType,
      sizeBytes: row.sizeBytes,
      hasPublicImage: row.publicSha256 !== null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

/** A file row by id (the caller checks access to its owner). */
export async function findPublicityFile(db: Db, id: number) {
  const [row] = await db.select().from(publicityFiles).where(eq(publicityFiles.id, id));
  if (!row) throw notFound();
  return row;
}

/** Audits a download of a file by a signed-in user. */
export async function recordPublicityFileDownload(
  db: Db,
  actor: Actor,
  file: typeof publicityFiles.$inferSelect,
  ownerPath: string,
) {
  await recordAudit(db, actor, {
    action: 'publicity.file.download',
    targetType: `publicity_${file.ownerType}`,
    targetId: file.ownerId,
    jurisdictionPath: ownerPath,
    details: { fileId: file.id, fileName: file.fileName },
  });
}
