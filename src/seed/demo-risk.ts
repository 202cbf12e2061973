import { recomputeRiskScores } from '../modules/risk/risk.service.js';
import type { Db } from '../platform/db/client.js';
import { currentYear, now } from '../platform/time.js';
import { runSeedOnce } from './reference.js';

/**
 * Demo mode only: the enterprise risk index (AN-5) computed over the demo data for last year and
 * this year, so the risk page shows every colour from the start (imports then keep it current).
 * A first score raises no alert, so the inboxes are not flooded.
 */
export async function seedDemoRisk(db: Db): Promise<boolean> {
  return runSeedOnce(db, 'demo-risk:v1', async () => {
    const year = currentYear();
    for (const y of [year - 1, year])
      await recomputeRiskScores(db, { year: y, employerIds: null, now: now() });
  });
}
