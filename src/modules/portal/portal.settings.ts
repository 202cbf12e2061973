import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

/** Settings of the public portal and its open data (SV-2); app.ts registers them. */
export const PORTAL_SETTINGS = {
  /**
   * Small-cell suppression (decision 0039): a published count below this is not shown (written
   * "<N"), nor a rate computed from it. Read at the jurisdiction whose figures are published.
   */
  smallCellThreshold: defineSetting({
    key: 'portal.smallCellThreshold',
    module: 'portal',
    schema: z.number().int().min(1).max(100),
    default: 5,
    description: {
      zh: '公开统计小格抑制阈值：低于此数的计数不公开（显示为“<N”）',
      en: 'Small-cell threshold of the public statistics: a count below it is not published (shown as "<N")',
    },
  }),
  /** The licence note published with every open data set. */
  licence: defineSetting({
    key: 'portal.licence',
    module: 'portal',
    schema: z.object({
      zh: z.string().trim().min(10).max(500),
      en: z.string().trim().min(10).max(500),
    }),
    default: {
      zh: '本数据可免费复制、传播和使用（含商业用途），使用时须注明来源“工伤预防信息公开平台”及数据年度；数据已去标识化，不得用于识别任何个人或用人单位。',
      en: 'Free to copy, redistribute and use, including commercially, with attribution to the work-injury prevention public portal and the data year. The data are de-identified: do not use them to identify any person or employer.',
    },
    description: {
      zh: '开放数据许可说明（中文、英文）',
      en: 'Licence note of the open data (Chinese and English)',
    },
  }),
};
