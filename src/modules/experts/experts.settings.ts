import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

/** Settings of the expert pool; app.ts registers them. */
export const EXPERTS_SETTINGS = {
  /** An expert's term (聘期), years. */
  termYears: defineSetting({
    key: 'experts.termYears',
    module: 'experts',
    schema: z.number().int().min(1).max(10),
    default: 3,
    description: { zh: '专家聘期（年）', en: 'An expert’s term, years' },
  }),
};
