import { eq } from 'drizzle-orm';
import { loadIndicators } from '../modules/analytics/analytics.service.js';
import { loadIndustryCodes } from '../modules/code-tables/code-tables.service.js';
import { GBT4754_VERSION } from '../modules/code-tables/gbt4754.data.js';
import { ensureCrosscheckRules } from '../modules/crosschecks/crosschecks.service.js';
import { loadPlanPeriods, loadPlanTargets } from '../modules/enterprises/enterprises.service.js';
import { loadExpertFields } from '../modules/experts/experts.service.js';
import { loadRosters } from '../modules/joint-meeting/joint-meeting.service.js';
import { DIVISION_SOURCE, PROVINCES } from '../modules/jurisdictions/jurisdictions.data.js';
import { loadJurisdictions } from '../modules/jurisdictions/jurisdictions.service.js';
import { loadTrainingReference } from '../modules/training/training.service.js';
import type { Db } from '../platform/db/client.js';
import { seedRuns } from '../platform/db/seeds.tables.js';

/** Runs `step` once per key: reference and demo data load once and never overwrite later edits. */
export async function runSeedOnce(db: Db, key: string, step: () => Promise<unknown>): Promise<boolean> {
  const [done] = await db.select().from(seedRuns).where(eq(seedRuns.key, key));
  if (done) return false;
  await step();
  await db.insert(seedRuns).values({ key }).onConflictDoNothing();
  return true;
}

/** Real data every deployment needs: jurisdictions, code tables, the documents' rosters. */
export async function seedReferenceData(
  db: Db,
  options: { provinces?: readonly string[] } = {},
): Promise<string[]> {
  const provinces = options.provinces ?? PROVINCES;
  // The default provinces keep the key they always had; another list loads once more (an upsert).
  const served = provinces.join(',') === PROVINCES.join(',') ? '' : `:${provinces.join(',')}`;
  const applied: string[] = [];
  const steps: [string, () => Promise<unknown>][] = [
    [`jurisdictions:${DIVISION_SOURCE}${served}`, () => loadJurisdictions(db, provinces)],
    [`code-tables:gbt4754:${GBT4754_VERSION}`, () => loadIndustryCodes(db)],
    ['rosters:2021', () => loadRosters(db)],
    ['plan-periods:v1', () => loadPlanPeriods(db)],
    ['plan-targets:v1', () => loadPlanTargets(db)],
    ['indicators:v1', () => loadIndicators(db)],
    ['expert-fields:v1', () => loadExpertFields(db)],
    ['training-reference:v1', () => loadTrainingReference(db)],
    ['crosscheck-rules:v1', () => ensureCrosscheckRules(db)],
  ];
  for (const [key, step] of steps) if (await runSeedOnce(db, key, step)) applied.push(key);
  return applied;
}
