import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

/** Settings of training (TR-1…TR-6); app.ts registers them. */
export const TRAINING_SETTINGS = {
  /** A newcomer to a key post has this long before the post counts as untrained. */
  graceDays: defineSetting({
    key: 'training.graceDays',
    module: 'training',
    schema: z.number().int().min(0).max(365),
    default: 90,
    description: {
      zh: '新任重点岗位人员培训宽限期（天）：期内不计入应培训人数',
      en: 'Grace period for a newcomer to a key post, days: not yet counted as due',
    },
  }),
  /** A completed course counts toward coverage (and its certificate is valid) for this many years. */
  validityYears: defineSetting({
    key: 'training.validityYears',
    module: 'training',
    schema: z.number().int().min(1).max(10),
    default: 3,
    description: {
      zh: '培训合格证明有效期（年）',
      en: 'Years a completed course (and its certificate) stays valid',
    },
  }),
  /** Training records are kept at least six years (TR-6). */
  retentionYears: defineSetting({
    key: 'training.retentionYears',
    module: 'training',
    schema: z.number().int().min(6).max(30),
    default: 6,
    description: { zh: '培训记录保存年限（不少于6年）', en: 'Years training records are kept (at least 6)' },
  }),
};
