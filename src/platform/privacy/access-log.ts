import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';

/**
 * Records that the actor was shown personal data of these records (PIPL art. 51, 等保 access
 * audit): masked or not, one audit entry per request listing the record ids, their count and the
 * route — never one entry per record, so a page of 100 rows or an export of 20,000 adds one row.
 * Unmasked views are `personal-data.view`, masked ones `personal-data.view-masked`. Nothing is
 * written when nothing was shown.
 */
export async function recordPersonalDataAccess(
  db: Db,
  actor: Actor,
  access: {
    targetType: string;
    ids: readonly (number | string)[];
    isMasked: boolean;
    /** The route or export that showed them, e.g. 'GET /api/injuries'. */
    route: string;
    fields: readonly string[];
    /** Anything else that identifies what was shown (a year, an employer). */
    details?: Record<string, unknown>;
  },
): Promise<void> {
  if (access.ids.length === 0) return;
  await recordAudit(db, actor, {
    action: access.isMasked ? 'personal-data.view-masked' : 'personal-data.view',
    targetType: access.targetType,
    targetId: access.ids.length === 1 ? access.ids[0] : undefined,
    details: {
      route: access.route,
      count: access.ids.length,
      ids: access.ids,
      fields: access.fields,
      ...(access.isMasked ? { masked: true } : {}),
      ...access.details,
    },
  });
}
