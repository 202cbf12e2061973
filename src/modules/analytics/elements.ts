/**
 * The data elements indicators are built from, and the dimensions figures can be broken down by.
 * An element names a source (a fact table pre-aggregated into analytics_cells, or the fund accounts)
 * and the measure column it sums; counting options choose the column.
 */

import {
  type CountingRules,
  DEFAULT_RULES,
  describeCounting,
  describeDeaths,
  GROUND_LABEL,
} from '../facts/counting.js';

export type { CountUnit, DenominatorBase, GroundScope, YearBasis } from '../facts/counting.js';
export { AGE_BANDS } from '../facts/counting.js';

export type Source = 'injury' | 'accident' | 'disease' | 'headcount' | 'fund';

/** The counting options of a figure: the counting rules of the facts module (counting.ts). */
export type CountingOptions = CountingRules;
export const DEFAULT_COUNTING: CountingOptions = DEFAULT_RULES;

/** Dimensions stored in the cube, in the order grains name them. */
export const STORED_DIMENSIONS = ['industry', 'category', 'post', 'age', 'sex', 'grade'] as const;
export type StoredDimension = (typeof STORED_DIMENSIONS)[number];

/** Axes a query can use: stored dimensions, those derived from industry, jurisdiction and year. */
export const AXES = [
  'jurisdiction',
  'year',
  'section',
  'industry',
  'keyIndustry',
  'category',
  'post',
  'age',
  'sex',
  'grade',
] as const;
export type Axis = (typeof AXES)[number];

/** The stored dimension an axis reads (section and key industry are mapped from the division). */
export function storedDimensionOf(axis: Axis): StoredDimension | null {
  if (axis === 'jurisdiction' || axis === 'year') return null;
  if (axis === 'section' || axis === 'keyIndustry') return 'industry';
  return axis;
}

/** Which stored dimensions each cube source has. The fund has jurisdiction and year only. */
export const SOURCE_DIMENSIONS: Record<Source, readonly StoredDimension[]> = {
  injury: ['industry', 'category', 'post', 'age', 'sex'],
  accident: ['industry', 'category', 'grade'],
  disease: ['industry', 'category'],
  headcount: ['industry'],
  fund: [],
};

export interface Element {
  source: Source;
  zh: string;
  en: string;
  /** The cube column (or fund column) summed, given the counting options. */
  column(options: CountingOptions): string;
  /**
   * Distinct persons (or deaths) within an area: read from the area's own cell, never summed over
   * jurisdictions (a person at two employers of a city is one person of the city).
   */
  perArea?(options: CountingOptions): boolean;
}

/** The source rows of analytics_cells an element reads under the options. */
export function storedSourceOf(e: Element, o: CountingOptions): string {
  if (e.source !== 'injury') return e.source;
  return `${e.perArea?.(o) ? 'persons' : 'injury'}.${o.yearBasis}`;
}

const scopeSuffix = { all: 'all', determined: 'det', production: 'prod' } as const;

export const ELEMENTS: Record<string, Element> = {
  'injury.count': {
    source: 'injury',
    zh: '工伤认定数',
    en: 'injury determinations',
    column: (o) => `${o.countUnit === 'persons' ? 'persons' : 'cases'}_${scopeSuffix[o.groundScope]}`,
    perArea: (o) => o.countUnit === 'persons',
  },
  'injury.deaths': {
    source: 'injury',
    zh: '工亡人数',
    en: 'work-related deaths',
    column: (o) => `deaths_${scopeSuffix[o.groundScope]}`,
    perArea: () => true,
  },
  'injury.cases_all': {
    source: 'injury',
    zh: '工伤认定人次',
    en: 'determinations',
    column: () => 'cases_all',
  },
  'injury.fund_fen': {
    source: 'injury',
    zh: '工伤保险基金支出',
    en: 'fund expenditure',
    column: () => 'amount_fen',
  },
  'headcount.base': {
    source: 'headcount',
    zh: '年平均参保人数',
    en: 'average insured persons',
    column: (o) => o.denominator,
  },
  'headcount.insured': {
    source: 'headcount',
    zh: '年平均参保人数',
    en: 'average insured',
    column: () => 'insured',
  },
  'headcount.paying': {
    source: 'headcount',
    zh: '年平均缴费人数',
    en: 'average paying',
    column: () => 'paying',
  },
  'accident.count': {
    source: 'accident',
    zh: '生产安全事故起数',
    en: 'safety accidents',
    column: () => 'events',
  },
  'accident.deaths': {
    source: 'accident',
    zh: '事故死亡人数',
    en: 'accident deaths',
    column: () => 'event_deaths',
  },
  'accident.serious': {
    source: 'accident',
    zh: '事故重伤人数',
    en: 'serious injuries',
    column: () => 'event_serious',
  },
  'accident.loss_fen': {
    source: 'accident',
    zh: '直接经济损失',
    en: 'direct loss',
    column: () => 'amount_fen',
  },
  'disease.cases': {
    source: 'disease',
    zh: '职业病诊断例数',
    en: 'occupational-disease cases',
    column: () => 'events',
  },
  'disease.pneumoconiosis': {
    source: 'disease',
    zh: '尘肺病例数',
    en: 'pneumoconiosis cases',
    column: () => 'pneumoconiosis',
  },
  'fund.contribution': {
    source: 'fund',
    zh: '基金征缴收入',
    en: 'contribution income',
    column: () => 'contribution',
  },
  'fund.contribution_prev': {
    source: 'fund',
    zh: '上年度基金征缴收入',
    en: "previous year's contribution income",
    column: () => 'contribution_prev',
  },
  'fund.benefit': { source: 'fund', zh: '基金待遇支出', en: 'benefit expenditure', column: () => 'benefit' },
  'fund.prevention_fee': {
    source: 'fund',
    zh: '工伤预防费支出',
    en: 'prevention fee spent',
    column: () => 'prevention',
  },
};
export type ElementCode = keyof typeof ELEMENTS;

/** The element's name with the counting options it depends on, as shown beside every figure. */
export function describeElement(code: string, o: CountingOptions, lang: 'zh' | 'en'): string {
  const e = ELEMENTS[code];
  if (!e) return code;
  const name = lang === 'zh' ? e.zh : e.en;
  if (code === 'injury.count')
    return lang === 'zh'
      ? `${name}（${describeCounting(o, 'zh')}）`
      : `${name} (${describeCounting(o, 'en')})`;
  if (code === 'injury.deaths')
    return lang === 'zh' ? `${name}（${describeDeaths(o, 'zh')}）` : `${name} (${describeDeaths(o, 'en')})`;
  if (code === 'injury.cases_all' || code === 'injury.fund_fen')
    return lang === 'zh'
      ? `${name}（${GROUND_LABEL.zh.all}，${o.yearBasis === 'occurred' ? '按受伤年度' : '按认定年度'}）`
      : `${name} (${GROUND_LABEL.en.all}, ${o.yearBasis === 'occurred' ? 'by year of injury' : 'by year of determination'})`;
  if (code === 'headcount.base')
    return lang === 'zh'
      ? o.denominator === 'paying'
        ? '年平均缴费人数'
        : '年平均参保人数'
      : o.denominator === 'paying'
        ? 'average paying persons'
        : 'average insured persons';
  return name;
}
