import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';

/**
 * The counting rules (统计口径) over the exchange's fact tables, in one place. Every page and report
 * that shows a count or a rate of injuries, deaths or persons builds its SQL from these fragments,
 * so the same question gets the same number everywhere (docs/decisions/0014-counting-rules.md,
 * docs/figures.md). No other file writes `extract(year …)` or a ground filter over the facts: a
 * test greps for it.
 */

/** Which date places a determination in a year: the determination (default) or the injury. */
export const YEAR_BASES = ['determined', 'occurred'] as const;
export type YearBasis = (typeof YEAR_BASES)[number];
/** Persons (distinct 身份证号 within the area and group) or 人次 (every determination). */
export const COUNT_UNITS = ['cases', 'persons'] as const;
export type CountUnit = (typeof COUNT_UNITS)[number];
/** All grounds (认定 and 视同), 认定 only (条例 14), production injuries (14-1…14-4). */
export const GROUND_SCOPES = ['all', 'determined', 'production'] as const;
export type GroundScope = (typeof GROUND_SCOPES)[number];
/** Average insured or average paying persons. */
export const DENOMINATORS = ['insured', 'paying'] as const;
export type DenominatorBase = (typeof DENOMINATORS)[number];

export interface CountingRules {
  yearBasis: YearBasis;
  countUnit: CountUnit;
  groundScope: GroundScope;
  denominator: DenominatorBase;
}

/**
 * The defaults everywhere. Determination year: the national statistics bulletins count 认定（视同）
 * 工伤 by the year the determination was made (decision 0014).
 */
export const DEFAULT_RULES: CountingRules = {
  yearBasis: 'determined',
  countUnit: 'cases',
  groundScope: 'all',
  denominator: 'insured',
};

export const ZYearBasis = z
  .enum(YEAR_BASES)
  .describe(
    'determined: counted in the year of the determination (default) | occurred: in the year of the injury',
  );

/** The production grounds (生产性工伤): 条例 14-1…14-4. */
export const PRODUCTION_GROUNDS = ['14-1', '14-2', '14-3', '14-4'] as const;

const col = (alias: string, column: string) => sql.raw(`${alias}.${column}`);

/** The date column that places an injury determination in a year under a basis. */
export function injuryDateColumn(alias: string, basis: YearBasis): SQL {
  return col(alias, basis === 'occurred' ? 'occurred_on' : 'determined_on');
}

/** The year of a dated fact, as an int. */
function yearOf(date: SQL): SQL<number> {
  return sql<number>`extract(year from ${date})::int`;
}

/** A date column within the years from…to (inclusive), as a range the indexes can serve. */
function dateInYears(date: SQL, from: number, to: number): SQL {
  return sql`(${date} >= ${`${from}-01-01`}::date and ${date} < ${`${to + 1}-01-01`}::date)`;
}

/** Fragments over an `injury_cases` alias. */
export const injuryFacts = {
  year: (alias: string, basis: YearBasis) => yearOf(injuryDateColumn(alias, basis)),
  inYears: (alias: string, basis: YearBasis, from: number, to = from) =>
    dateInYears(injuryDateColumn(alias, basis), from, to),
  month: (alias: string, basis: YearBasis) =>
    sql<number>`extract(month from ${injuryDateColumn(alias, basis)})::int`,
  /** Ground 认定 (条例 14), as a boolean expression. */
  isDetermined: (alias: string) => sql`(${col(alias, 'ground')} like '14-%')`,
  /** Ground 生产性工伤 (14-1…14-4), as a boolean expression. */
  isProduction: (alias: string) =>
    sql`(${col(alias, 'ground')} in (${sql.join(
      PRODUCTION_GROUNDS.map((g) => sql`${g}`),
      sql`, `,
    )}))`,
  /** The ground filter of a scope (true for all grounds). */
  inGroundScope(alias: string, scope: GroundScope): SQL {
    if (scope === 'determined') return injuryFacts.isDetermined(alias);
    if (scope === 'production') return injuryFacts.isProduction(alias);
    return sql`true`;
  },
  /**
   * The count under a unit: 人次, or distinct persons within whatever the query groups by. A person
   * is their lookup key (id_number_index: the 身份证号, or its keyed SM3 when encrypted).
   */
  count: (alias: string, unit: CountUnit) =>
    unit === 'persons'
      ? sql<number>`count(distinct ${col(alias, 'id_number_index')})::int`
      : sql<number>`count(*)::int`,
  /** 工亡人数: distinct persons with a death determination (a person dies once). */
  deaths: (alias: string) =>
    sql<number>`count(distinct ${col(alias, 'id_number_index')}) filter (where ${col(alias, 'is_death')})::int`,
  /** The age band at the date of the injury (the bands of AGE_BANDS). */
  ageBand: (alias: string) => ageBandOf(`${alias}.occurred_on`, `${alias}.birth_date`),
};

/** The age band (AGE_BANDS) of a person born on `birth` at the date `at` (SQL expressions). */
function ageBandOf(at: string, birth: string): SQL {
  const age = `extract(year from age(${at}, ${birth}))`;
  return sql.raw(`(case
      when ${age} < 25 then '16-24'
      when ${age} < 35 then '25-34'
      when ${age} < 45 then '35-44'
      when ${age} < 55 then '45-54'
      when ${age} < 60 then '55-59'
      else '60+' end)`);
}

/**
 * Fragments over an `insured_persons` alias (参保人员名单): sex and birth date were read from the
 * 身份证号 at import (GB 11643: digits 7–14 the birth date, the 17th odd for men) and stored, so
 * counting never needs the number (encrypted or not); the age band is taken at the middle of the
 * list's year.
 */
export const insuredPersonFacts = {
  sex: (alias: string) => sql.raw(`${alias}.sex`),
  ageBand: (alias: string) => ageBandOf(`make_date(${alias}.year::int, 7, 1)`, `${alias}.birth_date`),
  /** A person within a group: their lookup key. */
  person: (alias: string) => sql.raw(`${alias}.id_number_index`),
};

/** Age bands at the date of the injury (the generator and the tests use the same bands). */
export const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55-59', '60+'] as const;

/** Fragments over a `safety_accidents` alias: an accident belongs to the year it occurred. */
export const accidentFacts = {
  year: (alias: string) => yearOf(col(alias, 'occurred_on')),
  inYears: (alias: string, from: number, to = from) => dateInYears(col(alias, 'occurred_on'), from, to),
  month: (alias: string) => sql<number>`extract(month from ${col(alias, 'occurred_on')})::int`,
};

/** Fragments over a `disease_cases` alias: a diagnosis belongs to the year it was made. */
export const diseaseFacts = {
  year: (alias: string) => yearOf(col(alias, 'diagnosed_on')),
  inYears: (alias: string, from: number, to = from) => dateInYears(col(alias, 'diagnosed_on'), from, to),
  month: (alias: string) => sql<number>`extract(month from ${col(alias, 'diagnosed_on')})::int`,
};

const BASIS_LABEL = {
  zh: { determined: '按认定年度', occurred: '按受伤年度' },
  en: { determined: 'by year of determination', occurred: 'by year of injury' },
} as const;
const UNIT_LABEL = {
  zh: { cases: '人次', persons: '人数（同一人只计一次）' },
  en: { cases: 'cases', persons: 'persons (each counted once)' },
} as const;
export const GROUND_LABEL = {
  zh: {
    all: '全部认定及视同情形',
    determined: '认定工伤（条例第十四条）',
    production: '生产性工伤（第十四条第一至四项）',
  },
  en: {
    all: 'all grounds (14 and 15)',
    determined: 'determined (Art. 14)',
    production: 'production injuries (14-1…14-4)',
  },
} as const;

/** The rule a count was made by, printed beside it: "人次，全部认定及视同情形，按认定年度". */
export function describeCounting(
  rules: Pick<CountingRules, 'yearBasis' | 'countUnit' | 'groundScope'>,
  lang: 'zh' | 'en',
): string {
  const parts = [
    UNIT_LABEL[lang][rules.countUnit],
    GROUND_LABEL[lang][rules.groundScope],
    BASIS_LABEL[lang][rules.yearBasis],
  ];
  return parts.join(lang === 'zh' ? '，' : ', ');
}

/** The rule of a death count, printed beside it. */
export function describeDeaths(
  rules: Pick<CountingRules, 'yearBasis' | 'groundScope'>,
  lang: 'zh' | 'en',
): string {
  return lang === 'zh'
    ? `死亡人数（同一人只计一次），${GROUND_LABEL.zh[rules.groundScope]}，${BASIS_LABEL.zh[rules.yearBasis]}`
    : `persons who died (each once), ${GROUND_LABEL.en[rules.groundScope]}, ${BASIS_LABEL.en[rules.yearBasis]}`;
}
