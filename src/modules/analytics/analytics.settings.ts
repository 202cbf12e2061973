import { z } from 'zod';
import { listPlanPeriods } from '../enterprises/enterprises.service.js';
import { defineSetting, defineSettingFamily } from '../settings/settings.registry.js';
import type { CountUnit, DenominatorBase, GroundScope } from './elements.js';

/**
 * The counting options (口径) of a jurisdiction, one setting each; resolveCounting reads every entry,
 * so a new option is one more entry here (and its field in CountingOptions).
 */
export const COUNTING_SETTINGS = {
  countUnit: defineSetting({
    key: 'analytics.countUnit',
    module: 'analytics',
    schema: z.enum(['persons', 'cases'] satisfies CountUnit[]),
    default: 'cases',
    description: {
      zh: '计数单位：persons 按人（一年内同一人计一次），cases 按人次',
      en: 'Count unit: persons (each person once a year) or cases (人次)',
    },
  }),
  groundScope: defineSetting({
    key: 'analytics.groundScope',
    module: 'analytics',
    schema: z.enum(['all', 'determined', 'production'] satisfies GroundScope[]),
    default: 'all',
    description: {
      zh: '认定范围：all 全部（认定和视同），determined 仅认定（条例第十四条），production 生产性工伤（14-1…14-4）',
      en: 'Grounds: all (认定 and 视同), determined (条例 14 only), production injuries (14-1…14-4)',
    },
  }),
  denominator: defineSetting({
    key: 'analytics.denominator',
    module: 'analytics',
    schema: z.enum(['insured', 'paying'] satisfies DenominatorBase[]),
    default: 'insured',
    description: {
      zh: '分母：insured 年平均参保人数，paying 年平均缴费人数',
      en: 'Denominator: average insured or average paying persons',
    },
  }),
};

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
export const ANALYTICS_SETTINGS = { ...COUNTING_SETTINGS, targets: TARGETS_SETTING };
