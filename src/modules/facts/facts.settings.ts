import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';
import { COUNT_UNITS, DEFAULT_RULES, DENOMINATORS, GROUND_SCOPES, YEAR_BASES } from './counting.js';

/**
 * The counting rules (口径) of a jurisdiction, one setting each (nearest ancestor wins). Every page
 * that counts reads them through resolveCountingRules, so a new option is one more entry here.
 * The keys keep their analytics.* names: the values stored before the facts module stay valid.
 */
export const COUNTING_SETTINGS = {
  yearBasis: defineSetting({
    key: 'analytics.yearBasis',
    module: 'facts',
    schema: z.enum(YEAR_BASES),
    default: DEFAULT_RULES.yearBasis,
    description: {
      zh: '统计年度：determined 按认定日期（默认，与统计公报一致），occurred 按受伤日期',
      en: 'Year basis: determined (the date of the determination, default, as the statistics bulletins) or occurred (the date of the injury)',
    },
  }),
  countUnit: defineSetting({
    key: 'analytics.countUnit',
    module: 'facts',
    schema: z.enum(COUNT_UNITS),
    default: DEFAULT_RULES.countUnit,
    description: {
      zh: '计数单位：persons 按人（本地区一年内同一人计一次），cases 按人次',
      en: 'Count unit: persons (each person once a year within the area) or cases (人次)',
    },
  }),
  groundScope: defineSetting({
    key: 'analytics.groundScope',
    module: 'facts',
    schema: z.enum(GROUND_SCOPES),
    default: DEFAULT_RULES.groundScope,
    description: {
      zh: '认定范围：all 全部（认定和视同），determined 仅认定（条例第十四条），production 生产性工伤（14-1…14-4）',
      en: 'Grounds: all (认定 and 视同), determined (条例 14 only), production injuries (14-1…14-4)',
    },
  }),
  denominator: defineSetting({
    key: 'analytics.denominator',
    module: 'facts',
    schema: z.enum(DENOMINATORS),
    default: DEFAULT_RULES.denominator,
    description: {
      zh: '分母：insured 年平均参保人数，paying 年平均缴费人数',
      en: 'Denominator: average insured or average paying persons',
    },
  }),
};
