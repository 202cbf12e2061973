/**
 * 考核评分 (SV-1): the indicators the scorecard can assess, each measured by the module that owns its
 * records, and the default rule set (Fujian 三(九)1 安全生产目标责任制考核; Jilin 四(五)). A
 * jurisdiction may store its own rule set per year (scorecard.service.ts); these are the defaults.
 */

/** How an indicator's measured value is read: a number (percent, count, 0/1) or a category. */
export type IndicatorValueKind = 'number' | 'category';

export interface IndicatorDefinition {
  key: string;
  nameZh: string;
  nameEn: string;
  /** The module whose exported function measures it. */
  module: 'joint-meeting' | 'analytics' | 'projects' | 'training' | 'publicity' | 'rates';
  valueKind: IndicatorValueKind;
  /** The categories a `levels` rule may name (category indicators only). */
  categories?: readonly string[];
  unitZh: string;
}

export const INDICATORS = [
  {
    key: 'meetingAfterAccounts',
    nameZh: '基金年度决算后召开联席会议',
    nameEn: 'Joint meeting held after the fund’s final accounts',
    module: 'joint-meeting',
    valueKind: 'number',
    unitZh: '是/否',
  },
  {
    key: 'memberReportsOnTime',
    nameZh: '成员单位年度报告按时报送率',
    nameEn: 'Member units’ yearly reports on time',
    module: 'joint-meeting',
    valueKind: 'number',
    unitZh: '%',
  },
  {
    key: 'yearlyReportOnTime',
    nameZh: '年度实施情况报告按时报送',
    nameEn: 'Yearly implementation report on time',
    module: 'joint-meeting',
    valueKind: 'number',
    unitZh: '是/否',
  },
  {
    key: 'rectificationsOnTime',
    nameZh: '限期整改按时办结率',
    nameEn: 'Rectifications closed on time',
    module: 'joint-meeting',
    valueKind: 'number',
    unitZh: '%',
  },
  {
    key: 'accidentRatePath',
    nameZh: '重点行业工伤发生率下降进度',
    nameEn: 'Key-industry injury rate against the plan’s path',
    module: 'analytics',
    valueKind: 'category',
    categories: ['on_track', 'at_risk', 'off_track'],
    unitZh: '进度',
  },
  {
    key: 'pneumoconiosisTrend',
    nameZh: '尘肺病发病趋势（年均变化）',
    nameEn: 'Pneumoconiosis trend (yearly change)',
    module: 'analytics',
    valueKind: 'number',
    unitZh: '%',
  },
  {
    key: 'feeExecution',
    nameZh: '工伤预防费预算执行率',
    nameEn: 'Prevention-fee budget execution',
    module: 'projects',
    valueKind: 'number',
    unitZh: '%',
  },
  {
    key: 'projectAcceptance',
    nameZh: '立项项目验收通过率',
    nameEn: 'Approved projects accepted',
    module: 'projects',
    valueKind: 'number',
    unitZh: '%',
  },
  {
    key: 'trainingCoverage',
    nameZh: '重点岗位培训覆盖率',
    nameEn: 'Key-post training coverage',
    module: 'training',
    valueKind: 'number',
    unitZh: '%',
  },
  {
    key: 'campaignQuota',
    nameZh: '重点行业集中宣传覆盖率',
    nameEn: 'Key-industry campaign quota',
    module: 'publicity',
    valueKind: 'number',
    unitZh: '%',
  },
  {
    key: 'warningBases',
    nameZh: '警示教育基地建设',
    nameEn: 'Warning-education bases',
    module: 'publicity',
    valueKind: 'number',
    unitZh: '%',
  },
  {
    key: 'rateFloating',
    nameZh: '本年度实施工伤保险费率浮动',
    nameEn: 'Premium-rate floating run this cycle',
    module: 'rates',
    valueKind: 'number',
    unitZh: '是/否',
  },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorKey = (typeof INDICATORS)[number]['key'];

export const INDICATOR_KEYS = INDICATORS.map((i) => i.key) as IndicatorKey[];

export function indicatorOf(key: string): IndicatorDefinition | undefined {
  return (INDICATORS as readonly IndicatorDefinition[]).find((i) => i.key === key);
}

/**
 * How a measured value becomes a share of the indicator's weight:
 * - linear: value ÷ fullAt, capped at 1 (a rate: 45 % against 90 % earns half);
 * - atLeast: all when value ≥ threshold, else nothing (a yes/no measured as 1/0);
 * - atMost: all when value ≤ threshold, else nothing (a falling trend: ≤ 0 %);
 * - levels: the share named for the value's category (on_track 1, at_risk 0.6, off_track 0).
 */
export type ScoringRule =
  | { kind: 'linear'; fullAt: number }
  | { kind: 'atLeast'; threshold: number }
  | { kind: 'atMost'; threshold: number }
  | { kind: 'levels'; levels: Record<string, number> };

export interface RuleSetEntry {
  indicator: string;
  weight: number;
  rule: ScoringRule;
}

export interface RuleSet {
  /** What the weights must add up to (the total a fully assessed jurisdiction can earn). */
  totalWeight: number;
  /** The day (MM-DD) by which the work-injury fund's final accounts (年度决算) are done each year. */
  fundAccountsClosedBy: string;
  indicators: RuleSetEntry[];
}

/** The default rule set: weights out of 100. */
export const DEFAULT_RULE_SET: RuleSet = {
  totalWeight: 100,
  fundAccountsClosedBy: '05-31',
  indicators: [
    { indicator: 'meetingAfterAccounts', weight: 10, rule: { kind: 'atLeast', threshold: 1 } },
    { indicator: 'memberReportsOnTime', weight: 8, rule: { kind: 'linear', fullAt: 100 } },
    { indicator: 'yearlyReportOnTime', weight: 8, rule: { kind: 'atLeast', threshold: 1 } },
    { indicator: 'rectificationsOnTime', weight: 10, rule: { kind: 'linear', fullAt: 100 } },
    {
      indicator: 'accidentRatePath',
      weight: 15,
      rule: { kind: 'levels', levels: { on_track: 1, at_risk: 0.6, off_track: 0 } },
    },
    { indicator: 'pneumoconiosisTrend', weight: 5, rule: { kind: 'atMost', threshold: 0 } },
    { indicator: 'feeExecution', weight: 10, rule: { kind: 'linear', fullAt: 80 } },
    { indicator: 'projectAcceptance', weight: 8, rule: { kind: 'linear', fullAt: 90 } },
    { indicator: 'trainingCoverage', weight: 10, rule: { kind: 'linear', fullAt: 90 } },
    { indicator: 'campaignQuota', weight: 6, rule: { kind: 'linear', fullAt: 100 } },
    { indicator: 'warningBases', weight: 4, rule: { kind: 'linear', fullAt: 100 } },
    { indicator: 'rateFloating', weight: 6, rule: { kind: 'atLeast', threshold: 1 } },
  ],
};
