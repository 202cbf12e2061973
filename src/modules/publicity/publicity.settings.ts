import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

/** A publicity topic: a stable code and its names. */
export const ZTopic = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  zh: z.string().min(1).max(40),
  en: z.string().min(1).max(80),
});

/** Settings of publicity (PU-1…3); app.ts registers them. */
export const PUBLICITY_SETTINGS = {
  /**
   * The topics a campaign may take (J 三(二): 职业病防治, 安全生产, 交通事故防范, 心脑血管疾病防治);
   * a jurisdiction may add its own.
   */
  topics: defineSetting({
    key: 'publicity.topics',
    module: 'publicity',
    schema: z.array(ZTopic).min(1).max(30),
    default: [
      { code: 'occupational_disease', zh: '职业病防治', en: 'Occupational-disease prevention' },
      { code: 'work_safety', zh: '安全生产', en: 'Work safety' },
      { code: 'traffic_accidents', zh: '交通事故防范', en: 'Traffic-accident prevention' },
      {
        code: 'cardiovascular',
        zh: '心脑血管疾病防治',
        en: 'Cardio- and cerebrovascular disease prevention',
      },
    ],
    description: {
      zh: '集中宣传活动的宣传主题（代码、中文名、英文名）',
      en: 'Topics of concentrated publicity campaigns (code, Chinese and English names)',
    },
  }),
  /** A designated warning-education base is reviewed again after this many years. */
  baseReviewYears: defineSetting({
    key: 'publicity.baseReviewYears',
    module: 'publicity',
    schema: z.number().int().min(1).max(10),
    default: 3,
    description: {
      zh: '警示教育基地定期复核周期（年）',
      en: 'Years between periodic reviews of a warning-education base',
    },
  }),
};
