import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

/** How hits age (AN-6): per jurisdiction, nearest ancestor wins; app.ts registers them. */
export const CROSSCHECK_SETTINGS = {
  /** Days a unit has to answer a hit (confirm and correct, or explain) before it is overdue. */
  responseDays: defineSetting({
    key: 'crosschecks.responseDays',
    module: 'crosschecks',
    schema: z.number().int().min(1).max(365),
    default: 15,
    description: { zh: '数据比对疑点答复期限（天）', en: 'Days to answer a cross-check hit' },
  }),
  /** Days past the deadline after which an unanswered hit is escalated to the HRSS unit (督办). */
  escalateAfterDays: defineSetting({
    key: 'crosschecks.escalateAfterDays',
    module: 'crosschecks',
    schema: z.number().int().min(0).max(365),
    default: 7,
    description: {
      zh: '疑点逾期多少天后提请人社部门督办',
      en: 'Days overdue before a hit is escalated to the HRSS unit',
    },
  }),
};
