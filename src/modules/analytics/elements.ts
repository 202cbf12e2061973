/**
 * The data elements indicators are built from, and the dimensions figures can be broken down by.
 * An element names a source (a fact table pre-aggregated into analytics_cells, or the fund accounts)
 * and the measure column it sums; counting options choose the column.
 */

export type Source = 'injury' | 'accident' | 'disease' | 'headcount' | 'fund';
export type CountUnit = 'persons' | 'cases';
export type GroundScope = 'all' | 'determined' | 'production';
export type DenominatorBase = 'insured' | 'paying';

export interface CountingOptions {
  /** Persons (each counted once a year) or 人次 (every determination). */
  countUnit: CountUnit;
  /** All grounds (认定 and 视同), 认定 only (条例 14), production injuries (14-1…14-4). */
  groundScope: GroundScope;
  /** Average insured or average paying persons. */
  denominator: DenominatorBase;
}

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

/** Age bands at the date of the accident (the generator and the tests use the same bands). */
export const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55-59', '60+'] as const;

export interface Element {
  source: Source;
  zh: string;
  en: string;
  /** The cube column (or fund column) summed, given the counting options. */
  column(options: CountingOptions): string;
}

const scopeSuffix = { all: 'all', determined: 'det', production: 'prod' } as const;
const scopeZh = {
  all: '全部认定及视同情形',
  determined: '认定工伤（条例第十四条）',
  production: '生产性工伤（第十四条第一至四项）',
};
const scopeEn = {
  all: 'all grounds (14 and 15)',
  determined: 'determined (Art. 14)',
  production: 'production injuries (14-1…14-4)',
};

export const ELEMENTS: Record<string, Element> = {
  'injury.count': {
    source: 'injury',
    zh: '工伤认定数',
    en: 'injury determinations',
    column: (o) => `${o.countUnit === 'persons' ? 'persons' : 'cases'}_${scopeSuffix[o.groundScope]}`,
  },
  'injury.deaths': {
    source: 'injury',
    zh: '工亡人数',
    en: 'work-related deaths',
    column: (o) => `deaths_${scopeSuffix[o.groundScope]}`,
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
  if (code === 'injury.count') {
    const unit =
      lang === 'zh'
        ? o.countUnit === 'persons'
          ? '人数'
          : '人次'
        : o.countUnit === 'persons'
          ? 'persons'
          : 'cases';
    return lang === 'zh'
      ? `${name}（${unit}，${scopeZh[o.groundScope]}，按认定年度）`
      : `${name} (${unit}, ${scopeEn[o.groundScope]}, by year of determination)`;
  }
  if (code === 'injury.deaths')
    return lang === 'zh' ? `${name}（${scopeZh[o.groundScope]}）` : `${name} (${scopeEn[o.groundScope]})`;
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
