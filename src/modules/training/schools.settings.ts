import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

/** Settings of technical schools' prevention course (TR-3); app.ts registers them. */
export const SCHOOL_SETTINGS = {
  /** The score a pre-internship assessment needs to pass. */
  passMark: defineSetting({
    key: 'training.schoolPassMark',
    module: 'training',
    schema: z.number().int().min(1).max(100),
    default: 60,
    description: {
      zh: '技工院校实习前工伤预防考核合格分数线',
      en: 'Pass mark of technical-school students’ pre-internship prevention assessment',
    },
  }),
};
