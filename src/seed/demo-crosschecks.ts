import { and, asc, eq, inArray } from 'drizzle-orm';
import { runCrosschecks } from '../modules/crosschecks/crosschecks.service.js';
import { crosscheckHitEvents, crosscheckHits } from '../modules/crosschecks/crosschecks.tables.js';
import { jurisdictions } from '../modules/jurisdictions/jurisdictions.tables.js';
import type { Db } from '../platform/db/client.js';
import { addDays, today } from '../platform/time.js';
import { runSeedOnce } from './reference.js';

/**
 * Demo mode only, once: a full cross-check run over Fujian's demo exchange data (raised a month
 * ago, so some hits are overdue), then a few hits answered: closed with an explanation, so the
 * page shows closed hits beside open and overdue ones.
 */
export async function seedDemoCrosschecks(db: Db, now: Date = new Date()): Promise<boolean> {
  return runSeedOnce(db, 'demo-crosschecks:v1', async () => {
    const [fujian] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, '350000'));
    if (!fujian) return;
    const asOf = addDays(today(now), -30);
    await runCrosschecks(db, { path: fujian.path, employerIds: null, asOf });
    // Every fourth hit was explained and closed by its unit.
    const hits = await db
      .select({ id: crosscheckHits.id })
      .from(crosscheckHits)
      .where(eq(crosscheckHits.status, 'open'))
      .orderBy(asc(crosscheckHits.id));
    const closed = hits.filter((_, i) => i % 4 === 0).map((h) => h.id);
    if (closed.length === 0) return;
    const explanation = '经核实，该单位已于次年补报，数据无误（演示）';
    await db
      .update(crosscheckHits)
      .set({ status: 'closed', explanation, closedAt: now })
      .where(and(inArray(crosscheckHits.id, closed), eq(crosscheckHits.status, 'open')));
    await db
      .insert(crosscheckHitEvents)
      .values(closed.map((hitId) => ({ hitId, action: 'closed', note: explanation, username: 'demo-seed' })));
  });
}
