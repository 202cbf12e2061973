import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

/** A calendar day without a year, MM-DD (02-29 allowed: it exists in leap years). */
export function isMonthDay(value: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(`2024-${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(5, 10) === value;
}

const monthDay = z.string().refine(isMonthDay, { message: 'setting.month_day' });

/**
 * Due dates of yearly reports (MM-DD) that vary by jurisdiction, keyed by their stored key;
 * app.ts registers them.
 */
export const DUE_SETTINGS = {
  /** 成员单位年度报告 (JM-5): when member units' yearly reports are due. */
  'jm.memberReportDue': defineSetting({
    key: 'jm.memberReportDue',
    module: 'joint-meeting',
    schema: monthDay,
    default: '11-30',
    description: { zh: '成员单位年度报告期限（MM-DD）', en: 'Member units’ yearly reports due (MM-DD)' },
  }),
  /** 地市年度实施情况报告 → 省 (J: 12月20日前). */
  'jm.prefectureReportDue': defineSetting({
    key: 'jm.prefectureReportDue',
    module: 'joint-meeting',
    schema: monthDay,
    default: '12-20',
    description: {
      zh: '地市向省报送年度实施情况报告期限（MM-DD）',
      en: 'Prefecture’s yearly implementation report to the province due (MM-DD)',
    },
  }),
  /** 省年度实施情况报告 → 人社部 (12月31日前). */
  'jm.provinceReportDue': defineSetting({
    key: 'jm.provinceReportDue',
    module: 'joint-meeting',
    schema: monthDay,
    default: '12-31',
    description: {
      zh: '省向人社部报送年度实施情况报告期限（MM-DD）',
      en: 'Province’s yearly implementation report to the ministry due (MM-DD)',
    },
  }),
};
export type DueSettingKey = keyof typeof DUE_SETTINGS;
export const DUE_SETTING_KEYS = Object.keys(DUE_SETTINGS) as DueSettingKey[];

// --- 催办 (workbench, decision 0041) ---
/** How many reminders (催办) one item may receive per day; app.ts registers it. */
export const CHASE_SETTINGS = {
  'jm.chasePerItemPerDay': defineSetting({
    key: 'jm.chasePerItemPerDay',
    module: 'joint-meeting',
    schema: z.number().int().min(1).max(10),
    default: 1,
    description: {
      zh: '同一事项每日催办次数上限',
      en: 'Reminders (催办) per item per day, at most',
    },
  }),
};
