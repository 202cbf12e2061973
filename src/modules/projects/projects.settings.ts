import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

const percent = z.number().int().min(0).max(100);

/** Settings of the prevention-fee projects (PP-1, PP-5); app.ts registers them. */
export const PROJECTS_SETTINGS = {
  /** 工伤预防费 cap, basis points of the previous year's contribution income (300 = 3 %, 13号 第五条). */
  capBasisPoints: defineSetting({
    key: 'prevention.capBasisPoints',
    module: 'projects',
    schema: z.number().int().min(1).max(1000),
    default: 300,
    description: {
      zh: '工伤预防费上限：上年度工伤保险基金征缴收入的万分比（300 即 3%）',
      en: 'Prevention-fee cap, basis points of the previous year’s contribution income (300 = 3 %)',
    },
  }),
  /** Prepayment range of a project's contract sum, percent (30–70 in the Fujian/Jilin plans; unverified in 13号). */
  prepayMinPercent: defineSetting({
    key: 'prevention.prepayMinPercent',
    module: 'projects',
    schema: percent,
    default: 30,
    description: {
      zh: '项目预付比例下限（合同金额的百分比）',
      en: 'Lowest prepayment, percent of the contract sum',
    },
  }),
  prepayMaxPercent: defineSetting({
    key: 'prevention.prepayMaxPercent',
    module: 'projects',
    schema: percent,
    default: 70,
    description: {
      zh: '项目预付比例上限（合同金额的百分比）',
      en: 'Highest prepayment, percent of the contract sum',
    },
  }),
  /**
   * Whether payments (拨付) wait for the finance unit's approval of the year's budget and stay within
   * the amount approved (PP-1). Off by default so a jurisdiction switches the finance step on when
   * its 财政 unit works in the system.
   */
  financeApprovalRequired: defineSetting({
    key: 'prevention.financeApprovalRequired',
    module: 'projects',
    schema: z.boolean(),
    default: false,
    description: {
      zh: '项目资金拨付须经财政部门批复年度预算，且不超过批复金额',
      en: 'Payments wait for the finance unit’s approval of the year’s budget and stay within it',
    },
  }),
};
