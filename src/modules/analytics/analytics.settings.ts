import { z } from 'zod';
import { listPlanPeriods } from '../enterprises/enterprises.service.js';
import { defineSettingFamily } from '../settings/settings.registry.js';

/** A jurisdiction's own targets for a plan period (stricter than the national plan, say). */
export const TARGETS_SETTING = defineSettingFamily({
  key: 'targets',
  module: 'analytics',
  schema: z.object({
    targetReductionPct: z.number().min(0).max(100).describe('Reduction over the period, percent'),
    annualReductionPct: z.number().min(0).max(100).nullable().describe('Minimum yearly reduction, percent'),
  }),
  description: {
    zh: '规划期重点行业工伤发生率下降目标（百分比）；默认为国家规划目标',
    en: 'Reduction targets of the key-industry injury rate over a plan period, percent; default: the national plan',
  },
  qualifiers: async (db) =>
    (await listPlanPeriods(db)).map((p) => ({
      qualifier: p.code,
      default: { targetReductionPct: p.targetReductionPct, annualReductionPct: p.annualReductionPct },
    })),
});

/** Every setting of the analytics module, for app.ts to register. */
export const ANALYTICS_SETTINGS = { targets: TARGETS_SETTING };
