import type { EmployerCycle } from '../facts/facts.service.js';
import { type CredibilityFit, fitCredibility, shrink } from '../ranking/credibility.js';
import { NATIONAL_TIERS } from './rates.data.js';

/**
 * The pure part of premium-rate floating: what a rule set is, whether it is sound, and what it makes
 * of one employer's record. No database here, so the known-answer tests exercise it directly and
 * the service, the simulation and the benchmark all use the same code.
 */

/** 支缴率 (%), 工伤发生率 (‰ per person-year), injuries in the cycle, incidence relative to the class (%). */
export const CRITERIA = ['claimRatioPct', 'incidencePerMille', 'injuries', 'incidenceRelativePct'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** A band of a criterion: the first is [from, to], every later one (from, to]; `to` null is open. */
export interface Band {
  from: number;
  to: number | null;
}

export interface Ladder {
  /** The risk classes (1–8) this ladder rates. A class without a ladder does not float. */
  classes: number[];
  /** When present, the ladder applies only to employers whose `when.criterion` lies in the band. */
  when?: Band & { criterion: Criterion };
  criterion: Criterion;
  bands: (Band & { multiplierPct: number })[];
}

/**
 * What stops floating down: a death, arrears or an occupational disease in the cycle, or a hazard
 * or over-limit factor not rectified by its deadline (the rectification records).
 */
export type DisqualifierKind = 'death' | 'arrears' | 'disease' | 'hazard';

export interface RuleDefinition {
  /** Years of record a rate is decided on (71号: every 1–3 years). */
  cycleYears: number;
  classes: { riskClass: number; baseRateBp: number; tiersPct: number[] }[];
  /** GB/T 4754-2017 division (2 digits) → risk class. */
  classTable: Record<string, number>;
  ladders: Ladder[];
  /** Conditions that stop floating down (the multiplier is at least 100 %). */
  disqualifiers: { kind: DisqualifierKind; effect: 'no_decrease' }[];
  /** Floor and cap of the resulting rate, in basis points (0.01 %). */
  floorBp: number | null;
  capBp: number | null;
  /**
   * poisson_gamma: incidence criteria use the credibility-weighted rate (decision 0029), with k set
   * here or, when null, estimated from the pool as the ranking does (decision 0007).
   */
  credibility: { method: 'none' | 'poisson_gamma'; k: number | null };
}

export interface RuleProblem {
  field: string;
  code: string;
  /** In English; `messageZh` in Chinese (the error handler answers in the caller's language). */
  message: string;
  messageZh: string;
}

const EPS = 1e-9;

/** What a set of bands belongs to, in both languages. */
interface Owner {
  en: string;
  zh: string;
}

function problem(field: string, code: string, en: string, zh: string): RuleProblem {
  return { field, code, message: en, messageZh: zh };
}

function checkBands(bands: Band[], field: string, problems: RuleProblem[], what: Owner) {
  if (bands.length === 0) {
    problems.push(problem(field, 'rates.threshold_empty', `${what.en}: no bands`, `${what.zh}：没有分档`));
    return;
  }
  const first = bands[0] as Band;
  if (first.from !== 0)
    problems.push(
      problem(
        `${field}[0].from`,
        'rates.threshold_gap',
        `${what.en}: the first band starts at ${first.from}, not 0: values 0–${first.from} fall in no band`,
        `${what.zh}：第一档从 ${first.from} 而不是 0 开始，0–${first.from} 之间的值不属于任何一档`,
      ),
    );
  bands.forEach((b, i) => {
    if (b.to !== null && (i === 0 ? b.to < b.from : b.to <= b.from))
      problems.push(
        problem(
          `${field}[${i}].to`,
          'rates.threshold_order',
          `${what.en}: band ${i + 1} ends (${b.to}) before it starts (${b.from})`,
          `${what.zh}：第 ${i + 1} 档的上限（${b.to}）不大于其下限（${b.from}）`,
        ),
      );
    if (i === 0) return;
    const prev = bands[i - 1] as Band;
    if (prev.to === null) {
      problems.push(
        problem(
          `${field}[${i}].from`,
          'rates.threshold_overlap',
          `${what.en}: band ${i} is open-ended, so band ${i + 1} overlaps it`,
          `${what.zh}：第 ${i} 档没有上限，第 ${i + 1} 档与之重叠`,
        ),
      );
    } else if (b.from > prev.to + EPS) {
      problems.push(
        problem(
          `${field}[${i}].from`,
          'rates.threshold_gap',
          `${what.en}: values between ${prev.to} and ${b.from} fall in no band (bands ${i} and ${i + 1})`,
          `${what.zh}：${prev.to} 与 ${b.from} 之间的值不属于任何一档（第 ${i}、${i + 1} 档之间）`,
        ),
      );
    } else if (b.from < prev.to - EPS) {
      problems.push(
        problem(
          `${field}[${i}].from`,
          'rates.threshold_overlap',
          `${what.en}: bands ${i} and ${i + 1} overlap between ${b.from} and ${prev.to}`,
          `${what.zh}：第 ${i}、${i + 1} 档在 ${b.from} 与 ${prev.to} 之间重叠`,
        ),
      );
    }
  });
  const last = bands[bands.length - 1] as Band;
  if (last.to !== null)
    problems.push(
      problem(
        `${field}[${bands.length - 1}].to`,
        'rates.threshold_gap',
        `${what.en}: values above ${last.to} fall in no band (the last band must be open-ended)`,
        `${what.zh}：大于 ${last.to} 的值不属于任何一档（最后一档须不设上限）`,
      ),
    );
}

/**
 * Every rule the definition breaks, each naming its field: overlapping or gapped thresholds, a tier
 * outside the class's allowed set (71号: class 1 up only), a floor above the cap, a class missing.
 */
export function validateRuleDefinition(d: RuleDefinition): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!Number.isInteger(d.cycleYears) || d.cycleYears < 1 || d.cycleYears > 3)
    problems.push(
      problem(
        'cycleYears',
        'rates.cycle_years',
        'The cycle is 1 to 3 years (71号)',
        '浮动周期为1至3年（71号文）',
      ),
    );
  const tiersOf = new Map<number, number[]>();
  d.classes.forEach((c, i) => {
    if (tiersOf.has(c.riskClass))
      problems.push(
        problem(
          `classes[${i}].riskClass`,
          'rates.class_duplicate',
          `Risk class ${c.riskClass} is defined twice`,
          `风险类别 ${c.riskClass} 重复定义`,
        ),
      );
    tiersOf.set(c.riskClass, c.tiersPct);
    const allowed = NATIONAL_TIERS[c.riskClass];
    if (!allowed) {
      problems.push(
        problem(
          `classes[${i}].riskClass`,
          'rates.class_unknown',
          `Risk class ${c.riskClass} is not one of 1–8`,
          `风险类别 ${c.riskClass} 不在一至八类之内`,
        ),
      );
      return;
    }
    c.tiersPct.forEach((t, j) => {
      if (!allowed.includes(t))
        problems.push(
          problem(
            `classes[${i}].tiersPct[${j}]`,
            'rates.tier_not_allowed',
            `Class ${c.riskClass} may take ${allowed.join('/')} % of base (71号), not ${t} %`,
            `${c.riskClass} 类只能浮动到基准费率的 ${allowed.join('/')}%（71号文），不能为 ${t}%`,
          ),
        );
    });
    if (!c.tiersPct.includes(100))
      problems.push(
        problem(
          `classes[${i}].tiersPct`,
          'rates.tier_base_missing',
          `Class ${c.riskClass} lacks the base tier (100 %)`,
          `${c.riskClass} 类缺少基准档（100%）`,
        ),
      );
    if (!Number.isInteger(c.baseRateBp) || c.baseRateBp <= 0)
      problems.push(
        problem(
          `classes[${i}].baseRateBp`,
          'rates.base_rate',
          `Class ${c.riskClass}: the base rate must be a positive number of basis points`,
          `${c.riskClass} 类：基准费率须为正的基点数`,
        ),
      );
  });
  for (let rc = 1; rc <= 8; rc++)
    if (!tiersOf.has(rc))
      problems.push(
        problem(
          'classes',
          'rates.class_missing',
          `Risk class ${rc} has no base rate`,
          `风险类别 ${rc} 没有基准费率`,
        ),
      );
  for (const [division, rc] of Object.entries(d.classTable))
    if (!/^\d{2}$/.test(division) || !Number.isInteger(rc) || rc < 1 || rc > 8)
      problems.push(
        problem(
          `classTable.${division}`,
          'rates.class_table',
          `Division ${division} → class ${rc}: a 2-digit GB/T 4754 division and a class 1–8`,
          `行业大类 ${division} → 类别 ${rc}：须为两位 GB/T 4754 大类代码和一至八类`,
        ),
      );
  d.ladders.forEach((l, i) => {
    const field = `ladders[${i}]`;
    checkBands(l.bands, `${field}.bands`, problems, {
      en: `Ladder ${i + 1} (${l.criterion})`,
      zh: `第 ${i + 1} 条浮动阶梯（${l.criterion}）`,
    });
    for (const rc of l.classes) {
      const tiers = tiersOf.get(rc);
      if (!tiers) {
        problems.push(
          problem(`${field}.classes`, 'rates.class_unknown', `Class ${rc} is not defined`, `${rc} 类未定义`),
        );
        continue;
      }
      l.bands.forEach((b, j) => {
        if (!tiers.includes(b.multiplierPct))
          problems.push(
            problem(
              `${field}.bands[${j}].multiplierPct`,
              'rates.tier_outside_class',
              `Ladder ${i + 1} gives ${b.multiplierPct} % to class ${rc}, whose tiers are ${tiers.join('/')} %`,
              `第 ${i + 1} 条阶梯给 ${rc} 类 ${b.multiplierPct}%，而该类的档次为 ${tiers.join('/')}%`,
            ),
          );
      });
    }
  });
  // The ladders of one class, split by `when`, must cover every value of their condition once.
  for (let rc = 1; rc <= 8; rc++) {
    const own = d.ladders.map((l, i) => ({ l, i })).filter(({ l }) => l.classes.includes(rc));
    if (own.length <= 1) continue;
    const first = own[0] as { l: Ladder; i: number };
    const criteria = new Set(own.map(({ l }) => l.when?.criterion ?? ''));
    if (criteria.size > 1 || own.some(({ l }) => !l.when)) {
      problems.push(
        problem(
          `ladders[${first.i}].when`,
          'rates.threshold_overlap',
          `Class ${rc} has ${own.length} ladders that do not split one condition: more than one applies`,
          `${rc} 类有 ${own.length} 条阶梯，未按同一条件划分：会同时适用多条`,
        ),
      );
      continue;
    }
    const sorted = [...own].sort((a, b) => (a.l.when?.from ?? 0) - (b.l.when?.from ?? 0));
    checkBands(
      sorted.map(({ l }) => l.when as Band),
      `ladders[${first.i}].when`,
      problems,
      { en: `The conditions of class ${rc}'s ladders`, zh: `${rc} 类各阶梯的适用条件` },
    );
  }
  if (d.floorBp !== null && d.capBp !== null && d.floorBp > d.capBp)
    problems.push(
      problem(
        'floorBp',
        'rates.floor_above_cap',
        `The floor (${d.floorBp / 100} %) is above the cap (${d.capBp / 100} %)`,
        `费率下限（${d.floorBp / 100}%）高于上限（${d.capBp / 100}%）`,
      ),
    );
  if (d.credibility.method === 'poisson_gamma' && d.credibility.k !== null && !(d.credibility.k > 0))
    problems.push(
      problem(
        'credibility.k',
        'rates.credibility_k',
        'k must be positive persons·years',
        'k 须为正的人·年数',
      ),
    );
  return problems;
}

/** One employer's record for one year of the cycle. `premiumsPaidFen` null: no contribution record. */
export interface YearRecord {
  year: number;
  premiumsPaidFen: number | null;
  benefitsPaidFen: number;
  wageBillFen: number;
  arrearsFen: number;
  /** Average insured persons (the denominator of incidence); null when not reported. */
  averageInsured: number | null;
  injuries: number;
  deaths: number;
  diseases: number;
}

export interface EmployerRecord {
  employerId: number;
  /** GB/T 4754 industry code of the employer (its first two digits are the division). */
  industryCode: string | null;
  /** The date the employer was first insured; null when unknown. */
  insuredFrom: string | null;
  /** One entry per year of the cycle, oldest first. */
  years: YearRecord[];
  /** Hazards and over-limit factors of the cycle not rectified by their deadline. */
  lateRectifications?: number;
}

export type RatingStatus =
  | 'rated'
  | 'not_floating'
  | 'short_insurance'
  | 'missing_premiums'
  | 'missing_headcount'
  | 'unclassified';

export interface Rating {
  employerId: number;
  status: RatingStatus;
  riskClass: number | null;
  baseRateBp: number | null;
  /** % of base; null when the employer could not be rated (missing premiums, unclassified). */
  multiplierPct: number | null;
  /** The rate in units of 0.0001 % (base bp × multiplier %); null when not rated. */
  rateMicro: number | null;
  figures: {
    premiumsPaidFen: number | null;
    benefitsPaidFen: number;
    /** 支缴率 in %; null when premiums are missing or zero. */
    claimRatioPct: number | null;
    injuries: number;
    deaths: number;
    diseases: number;
    arrearsFen: number;
    personYears: number | null;
    incidencePerMille: number | null;
    /** Credibility weighting, when the rule set uses it. */
    credibility: { z: number; classPerMille: number; shrunkPerMille: number; k: number | null } | null;
    incidenceRelativePct: number | null;
    missingYears: number[];
  };
  /** The rule applied, in words: which criterion, which threshold, which values. */
  rationaleZh: string;
  rationaleEn: string;
}

/** The pool's incidence per class (and k) that credibility weighting and relative incidence need. */
export interface PoolContext {
  classPerMille: Map<number, number>;
  fit: CredibilityFit | null;
  k: number | null;
}

const divisionOf = (industryCode: string | null) => (industryCode ?? '').replace(/^[A-Z]/, '').slice(0, 2);

export function classOf(d: RuleDefinition, industryCode: string | null): number | null {
  return d.classTable[divisionOf(industryCode)] ?? null;
}

/** What rating reads of a cycle: its sums (from the years of a record, or summed in SQL). */
export interface CycleTotals {
  /** Premiums over the years with a contribution record. */
  premiums: number;
  benefits: number;
  injuries: number;
  deaths: number;
  diseases: number;
  /** Null when a year of the cycle has no headcount. */
  personYears: number | null;
  /** The cycle's years without a contribution record, oldest first. */
  missingYears: number[];
  /** The last year's arrears. */
  arrearsFen: number;
  /** Hazards and over-limit factors of the cycle not rectified by their deadline (absent: none). */
  lateRectifications?: number;
}

/** An employer whose cycle is already summed (a province's employers come so, from the facts). */
export interface EmployerTotals {
  employerId: number;
  industryCode: string | null;
  insuredFrom: string | null;
  totals: CycleTotals;
}

/** An employer as rating takes it: its record year by year, or its cycle's totals. */
export type RatedEmployer = EmployerRecord | EmployerTotals;

/** The cycle's sums of an employer: from its years one by one, or as already summed. */
export function sums(r: RatedEmployer): CycleTotals {
  if ('totals' in r) return r.totals;
  let premiums = 0;
  let benefits = 0;
  let injuries = 0;
  let deaths = 0;
  let diseases = 0;
  let personYears: number | null = 0;
  const missingYears: number[] = [];
  for (const y of r.years) {
    if (y.premiumsPaidFen === null) missingYears.push(y.year);
    else premiums += y.premiumsPaidFen;
    benefits += y.benefitsPaidFen;
    injuries += y.injuries;
    deaths += y.deaths;
    diseases += y.diseases;
    if (y.averageInsured === null || personYears === null) personYears = null;
    else personYears += y.averageInsured;
  }
  const arrearsFen = r.years.at(-1)?.arrearsFen ?? 0;
  const totals: CycleTotals = {
    premiums,
    benefits,
    injuries,
    deaths,
    diseases,
    personYears,
    missingYears,
    arrearsFen,
  };
  if (r.lateRectifications !== undefined) totals.lateRectifications = r.lateRectifications;
  return totals;
}

/**
 * A cycle `from`…`to` summed in SQL (the facts module's EmployerCycle): the sums over all its years
 * and over the years after the first, and which years have a contribution record and a headcount.
 */
export type CycleAggregate = Pick<
  EmployerCycle,
  | 'employerId'
  | 'industryCode'
  | 'insuredFrom'
  | 'arrearsFen'
  | 'premiumYears'
  | 'insuredYears'
  | 'all'
  | 'later'
>;

const yearsBetween = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The totals of a summed cycle `from`…`to`: what sums() makes of the same years one by one. */
export function totalsOf(a: CycleAggregate, from: number, to: number): EmployerTotals {
  const years = to - from + 1;
  return {
    employerId: a.employerId,
    industryCode: a.industryCode,
    insuredFrom: a.insuredFrom,
    totals: {
      premiums: a.all.premiumsPaidFen,
      benefits: a.all.benefitsPaidFen,
      injuries: a.all.injuries,
      deaths: a.all.deaths,
      diseases: a.all.diseases,
      personYears: a.insuredYears.length === years ? a.all.insuredSum : null,
      missingYears: yearsBetween(from, to).filter((y) => !a.premiumYears.includes(y)),
      arrearsFen: a.arrearsFen,
    },
  };
}

/**
 * The totals of the next cycle if the record stays as it is, from a summed cycle `from`…`to`:
 * exactly what projectRecord then sums() make of the same years one by one (the first year drops,
 * the next repeats the cycle's yearly average).
 */
export function projectTotals(a: CycleAggregate, from: number, to: number, nextYear: number): EmployerTotals {
  const years = to - from + 1;
  const premiumYears = a.premiumYears.length;
  const insuredYears = a.insuredYears.length;
  const nextPremiums = premiumYears === 0 ? null : Math.round(a.all.premiumsPaidFen / premiumYears);
  const nextInsured = insuredYears === 0 ? null : Math.round(a.all.insuredSum / insuredYears);
  const laterInsured = a.insuredYears.filter((y) => y > from).length;
  return {
    employerId: a.employerId,
    industryCode: a.industryCode,
    insuredFrom: a.insuredFrom,
    totals: {
      premiums: a.later.premiumsPaidFen + (nextPremiums ?? 0),
      benefits: a.later.benefitsPaidFen + Math.round(a.all.benefitsPaidFen / years),
      injuries: a.later.injuries + Math.round(a.all.injuries / years),
      deaths: a.later.deaths,
      diseases: a.later.diseases,
      personYears:
        nextInsured !== null && laterInsured === years - 1 ? a.later.insuredSum + nextInsured : null,
      missingYears: [
        ...yearsBetween(from + 1, to).filter((y) => !a.premiumYears.includes(y)),
        ...(nextPremiums === null ? [nextYear] : []),
      ],
      arrearsFen: a.arrearsFen,
    },
  };
}

/** The pool context: each class's incidence over its employers with a headcount, and k. */
export function poolContextOf(d: RuleDefinition, records: readonly RatedEmployer[]): PoolContext {
  const exposed = [];
  for (const r of records) {
    const rc = classOf(d, r.industryCode);
    if (rc === null) continue;
    const s = sums(r);
    exposed.push({ group: String(rc), cases: s.injuries, exposure: s.personYears });
  }
  const fit = fitCredibility(exposed);
  const classPerMille = new Map([...fit.groupRates].map(([g, rate]) => [Number(g), rate * 1000]));
  const k = d.credibility.method === 'poisson_gamma' ? (d.credibility.k ?? fit.k) : null;
  return { classPerMille, fit, k };
}

/**
 * What a stored rating keeps so that its rationale can be written when a notice is read rather than
 * for each of a province's million employers at rating time (decision 0046): the employer's totals
 * and the two numbers of the pool context that its class needs.
 */
export interface RatingBasis {
  industryCode: string | null;
  insuredFrom: string | null;
  totals: CycleTotals;
  classPerMille: number | null;
  k: number | null;
}

export function basisOf(d: RuleDefinition, r: EmployerTotals, pool: PoolContext): RatingBasis {
  const rc = classOf(d, r.industryCode);
  return {
    industryCode: r.industryCode,
    insuredFrom: r.insuredFrom,
    totals: r.totals,
    classPerMille: rc === null ? null : (pool.classPerMille.get(rc) ?? null),
    k: pool.k,
  };
}

/** The rationale of a stored rating: the same rule over the same basis gives the same words. */
export function describeRating(
  d: RuleDefinition,
  employerId: number,
  basis: RatingBasis,
  cycleStart: string,
): { rationaleZh: string; rationaleEn: string } {
  const rc = classOf(d, basis.industryCode);
  const pool: PoolContext = {
    classPerMille: new Map(rc !== null && basis.classPerMille !== null ? [[rc, basis.classPerMille]] : []),
    fit: null,
    k: basis.k,
  };
  const r = rateOne(
    d,
    { employerId, industryCode: basis.industryCode, insuredFrom: basis.insuredFrom, totals: basis.totals },
    cycleStart,
    pool,
    true,
  );
  return { rationaleZh: r.rationaleZh, rationaleEn: r.rationaleEn };
}

const pct = (n: number) => `${Number(n.toFixed(2))}`;
const fmtRate = (micro: number) => `${(micro / 10000).toFixed(4).replace(/0+$/, '').replace(/\.$/, '')}%`;
const bandText = (b: Band, first: boolean) =>
  b.to === null ? `> ${b.from}` : first ? `${b.from}–${b.to}` : `> ${b.from} and ≤ ${b.to}`;
const CRITERION_ZH: Record<Criterion, string> = {
  claimRatioPct: '支缴率（%）',
  incidencePerMille: '工伤发生率（‰/人·年）',
  injuries: '工伤人次',
  incidenceRelativePct: '工伤发生率相对本类（%）',
};
const CRITERION_EN: Record<Criterion, string> = {
  claimRatioPct: 'claim ratio (%)',
  incidencePerMille: 'injury incidence (‰ per person-year)',
  injuries: 'injuries',
  incidenceRelativePct: 'incidence relative to the class (%)',
};

function inBand(bands: readonly Band[], v: number): number {
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i] as Band;
    const aboveFrom = i === 0 ? v >= b.from - EPS : v > b.from + EPS;
    const belowTo = b.to === null || v <= b.to + EPS;
    if (aboveFrom && belowTo) return i;
  }
  return -1;
}

type RatingBase = Pick<Rating, 'employerId' | 'riskClass' | 'baseRateBp' | 'figures'>;

// The three helpers of rateEmployer live out here, not as closures inside it: a province rates a
// million employers, and a closure (named, under tsx) per employer and helper was a large share.

/** The class's base rate, with the reason. */
function atBaseRating(
  base: RatingBase,
  rc: number,
  baseRateBp: number,
  status: RatingStatus,
  zh: string,
  en: string,
  texts: boolean,
): Rating {
  return {
    ...base,
    status,
    multiplierPct: 100,
    rateMicro: baseRateBp * 100,
    rationaleZh: texts ? `${zh}执行第${rc}类基准费率 ${fmtRate(baseRateBp * 100)}。` : '',
    rationaleEn: texts ? `${en} Class ${rc} base rate ${fmtRate(baseRateBp * 100)} applies.` : '',
  };
}

/** Not rated: the criterion lacks data (never rated as zero). */
function notRatedRating(base: RatingBase, c: Criterion, texts: boolean): Rating {
  const rating: Rating = {
    ...base,
    status: c === 'claimRatioPct' ? 'missing_premiums' : 'missing_headcount',
    multiplierPct: null,
    rateMicro: null,
    rationaleZh: '',
    rationaleEn: '',
  };
  if (!texts) return rating;
  return {
    ...rating,
    rationaleZh: `${CRITERION_ZH[c]}缺少数据（${c === 'claimRatioPct' ? '缴费记录' : '参保人数'}），未评定（不按零处理）。`,
    rationaleEn: `The ${CRITERION_EN[c]} lacks data (${c === 'claimRatioPct' ? 'contribution record' : 'headcount'}): not rated (not treated as zero).`,
  };
}

/** A criterion's value for an employer (支缴率 ∞ when no premiums but benefits). */
function criterionValueOf(
  c: Criterion,
  s: CycleTotals,
  claimRatioPct: number | null,
  effectivePerMille: number | null,
  incidenceRelativePct: number | null,
): number | null {
  return c === 'claimRatioPct'
    ? s.premiums === 0 && s.benefits > 0
      ? Number.POSITIVE_INFINITY
      : claimRatioPct
    : c === 'incidencePerMille'
      ? effectivePerMille
      : c === 'injuries'
        ? s.injuries
        : incidenceRelativePct;
}

/**
 * Rates one employer under a rule set for a cycle starting on `cycleStart` (YYYY-MM-DD). An
 * employer insured after the cycle began takes the base rate; one with a year of the cycle without
 * a contribution record is "missing premiums" — never rated as if it had paid nothing.
 */
export function rateEmployer(
  d: RuleDefinition,
  r: RatedEmployer,
  cycleStart: string,
  pool: PoolContext,
  options: { texts?: boolean } = {},
): Rating {
  const texts = options.texts ?? true;
  const rating = rateOne(d, r, cycleStart, pool, texts);
  if (!texts) return rating;
  // A rationale is built piece by piece, which V8 keeps as a tree of the pieces (a "cons string")
  // until the text is first read; reading one character flattens it in place. Measured: a
  // rationale held as a tree takes ≈ 750 bytes, flat ≈ 320 — for a province's million employers,
  // two texts each, the difference between fitting in Node.js's default heap and not.
  rating.rationaleZh.charCodeAt(0);
  rating.rationaleEn.charCodeAt(0);
  return rating;
}

function rateOne(
  d: RuleDefinition,
  r: RatedEmployer,
  cycleStart: string,
  pool: PoolContext,
  texts: boolean,
): Rating {
  const s = sums(r);
  const rc = classOf(d, r.industryCode);
  const cls = d.classes.find((c) => c.riskClass === rc);
  const claimRatioPct =
    s.missingYears.length > 0
      ? null
      : s.premiums > 0
        ? (s.benefits * 100) / s.premiums
        : s.benefits > 0
          ? null
          : 0;
  const incidencePerMille =
    s.personYears !== null && s.personYears > 0 ? (s.injuries * 1000) / s.personYears : null;
  const classPerMille = rc === null ? null : (pool.classPerMille.get(rc) ?? null);
  let credibility: Rating['figures']['credibility'] = null;
  let effectivePerMille = incidencePerMille;
  if (
    d.credibility.method === 'poisson_gamma' &&
    rc !== null &&
    s.personYears !== null &&
    s.personYears > 0
  ) {
    const groupRate = (classPerMille ?? 0) / 1000;
    const fit: CredibilityFit = {
      k: pool.k,
      overallRate: null,
      priorVariance: null,
      groupRates: new Map([[String(rc), groupRate]]),
      rated: 0,
      weightsZeroBecause: null,
    };
    const w = shrink({ group: String(rc), cases: s.injuries, exposure: s.personYears }, fit);
    credibility = {
      z: w.credibility ?? 0,
      classPerMille: groupRate * 1000,
      shrunkPerMille: (w.shrunkRate ?? 0) * 1000,
      k: pool.k,
    };
    effectivePerMille = credibility.shrunkPerMille;
  }
  const incidenceRelativePct =
    effectivePerMille !== null && classPerMille !== null && classPerMille > 0
      ? (effectivePerMille * 100) / classPerMille
      : effectivePerMille === 0
        ? 0
        : null;
  const figures: Rating['figures'] = {
    premiumsPaidFen: s.missingYears.length > 0 ? null : s.premiums,
    benefitsPaidFen: s.benefits,
    claimRatioPct,
    injuries: s.injuries,
    deaths: s.deaths,
    diseases: s.diseases,
    arrearsFen: s.arrearsFen,
    personYears: s.personYears,
    incidencePerMille: effectivePerMille,
    credibility,
    incidenceRelativePct,
    missingYears: s.missingYears,
  };
  const base = { employerId: r.employerId, riskClass: rc, baseRateBp: cls?.baseRateBp ?? null, figures };
  if (rc === null || !cls)
    return {
      ...base,
      status: 'unclassified',
      multiplierPct: null,
      rateMicro: null,
      rationaleZh: texts
        ? `行业代码 ${r.industryCode ?? '（无）'} 不在本规则的风险类别表中，无法确定类别和费率。`
        : '',
      rationaleEn: texts
        ? `Industry code ${r.industryCode ?? '(none)'} is not in the rule set's risk-class table: no class or rate.`
        : '',
    };
  if (r.insuredFrom !== null && r.insuredFrom > cycleStart)
    return atBaseRating(
      base,
      rc,
      cls.baseRateBp,
      'short_insurance',
      `参保日期 ${r.insuredFrom} 晚于本周期起始日 ${cycleStart}，参保不满一个浮动周期（${d.cycleYears}年），`,
      `Insured since ${r.insuredFrom}, after the cycle began on ${cycleStart}: insured for less than the ${d.cycleYears}-year cycle.`,
      texts,
    );
  const ladders = d.ladders.filter((l) => l.classes.includes(rc));
  const conditional = ladders.filter((l) => l.when);
  let ladder = ladders.find((l) => !l.when);
  if (!ladder && conditional.length > 0) {
    const criterion = (conditional[0] as Ladder).when?.criterion as Criterion;
    const cv = criterionValueOf(criterion, s, claimRatioPct, effectivePerMille, incidenceRelativePct);
    if (cv === null) return notRatedRating(base, criterion, texts);
    const sorted = [...conditional].sort((a, b) => (a.when?.from ?? 0) - (b.when?.from ?? 0));
    ladder =
      sorted[
        inBand(
          sorted.map((l) => l.when as Band),
          cv,
        )
      ];
  }
  if (!ladder)
    return atBaseRating(
      base,
      rc,
      cls.baseRateBp,
      'not_floating',
      `本规则第${rc}类不浮动，`,
      `Class ${rc} does not float under this rule set.`,
      texts,
    );
  if (s.missingYears.length > 0)
    return {
      ...base,
      status: 'missing_premiums',
      multiplierPct: null,
      rateMicro: null,
      rationaleZh: texts
        ? `缺少 ${s.missingYears.join('、')} 年度的缴费记录：支缴率无法计算，未评定（不按零处理）。`
        : '',
      rationaleEn: texts
        ? `No contribution record for ${s.missingYears.join(', ')}: the claim ratio cannot be computed; not rated (not treated as zero).`
        : '',
    };
  const whenFirst = ladder.when
    ? conditional.every((l) => (l.when?.from ?? 0) >= (ladder.when?.from ?? 0))
    : false;
  const whenPartZh =
    texts && ladder.when
      ? `${CRITERION_ZH[ladder.when.criterion]} = ${pct(criterionValueOf(ladder.when.criterion, s, claimRatioPct, effectivePerMille, incidenceRelativePct) ?? 0)}，属于条件 ${bandText(ladder.when, whenFirst)}；`
      : '';
  const whenPartEn =
    texts && ladder.when
      ? `${CRITERION_EN[ladder.when.criterion]} = ${pct(criterionValueOf(ladder.when.criterion, s, claimRatioPct, effectivePerMille, incidenceRelativePct) ?? 0)} meets condition ${bandText(ladder.when, whenFirst)}; `
      : '';
  const v = criterionValueOf(ladder.criterion, s, claimRatioPct, effectivePerMille, incidenceRelativePct);
  if (v === null) return notRatedRating(base, ladder.criterion, texts);
  const bi = inBand(ladder.bands, v);
  const band = ladder.bands[bi] as Ladder['bands'][number];
  let multiplier = band.multiplierPct;
  let zh = '';
  let en = '';
  if (texts) {
    const valueText = Number.isFinite(v) ? pct(v) : '∞（保费为零而有待遇支出）';
    const valueTextEn = Number.isFinite(v) ? pct(v) : '∞ (no premiums but benefits paid)';
    zh = `${whenPartZh}${CRITERION_ZH[ladder.criterion]} = ${valueText}（待遇 ${s.benefits / 100} 元 ÷ 保费 ${s.premiums / 100} 元${ladder.criterion === 'claimRatioPct' ? '' : `；工伤 ${s.injuries} 人次，${s.personYears ?? '—'} 人·年`}），落在档 ${bandText(band, bi === 0)} → 基准费率的 ${band.multiplierPct}%`;
    en = `${whenPartEn}${CRITERION_EN[ladder.criterion]} = ${valueTextEn} (benefits ¥${s.benefits / 100} ÷ premiums ¥${s.premiums / 100}${ladder.criterion === 'claimRatioPct' ? '' : `; ${s.injuries} injuries over ${s.personYears ?? '—'} person-years`}) falls in band ${bandText(band, bi === 0)} → ${band.multiplierPct} % of base`;
  }
  if (texts && credibility) {
    zh += `（信度加权：Z = ${credibility.z.toFixed(4)}，本类 ${pct(credibility.classPerMille)}‰，加权后 ${pct(credibility.shrunkPerMille)}‰）`;
    en += ` (credibility-weighted: Z = ${credibility.z.toFixed(4)}, class ${pct(credibility.classPerMille)}‰, weighted ${pct(credibility.shrunkPerMille)}‰)`;
  }
  if (multiplier < 100) {
    const hit = d.disqualifiers.find(
      (q) =>
        (q.kind === 'death' && s.deaths > 0) ||
        (q.kind === 'arrears' && s.arrearsFen > 0) ||
        (q.kind === 'disease' && s.diseases > 0) ||
        (q.kind === 'hazard' && (s.lateRectifications ?? 0) > 0),
    );
    if (hit) multiplier = 100;
    if (hit && texts) {
      const why = {
        death: [`周期内工亡 ${s.deaths} 人`, `${s.deaths} work-related death(s) in the cycle`],
        arrears: [`欠缴 ${s.arrearsFen / 100} 元`, `arrears of ¥${s.arrearsFen / 100}`],
        disease: [`周期内职业病 ${s.diseases} 例`, `${s.diseases} occupational-disease case(s) in the cycle`],
        hazard: [
          `周期内隐患或超标危害因素 ${s.lateRectifications ?? 0} 项未按期整改`,
          `${s.lateRectifications ?? 0} hazard(s) or over-limit factor(s) not rectified by the deadline in the cycle`,
        ],
      }[hit.kind];
      zh += `；但${why[0]}，不得下浮 → 100%`;
      en += `; but ${why[1]}: no floating down → 100 %`;
    }
  }
  let rateMicro = cls.baseRateBp * multiplier;
  if (d.floorBp !== null && rateMicro < d.floorBp * 100) {
    rateMicro = d.floorBp * 100;
    if (texts) zh += `；低于下限，按下限 ${fmtRate(rateMicro)}`;
    if (texts) en += `; below the floor: the floor ${fmtRate(rateMicro)}`;
  }
  if (d.capBp !== null && rateMicro > d.capBp * 100) {
    rateMicro = d.capBp * 100;
    if (texts) zh += `；高于上限，按上限 ${fmtRate(rateMicro)}`;
    if (texts) en += `; above the cap: the cap ${fmtRate(rateMicro)}`;
  }
  return {
    ...base,
    status: 'rated',
    multiplierPct: multiplier,
    rateMicro,
    rationaleZh: texts
      ? `第${rc}类，基准费率 ${fmtRate(cls.baseRateBp * 100)}；${zh}；费率 ${fmtRate(rateMicro)}。`
      : '',
    rationaleEn: texts
      ? `Class ${rc}, base ${fmtRate(cls.baseRateBp * 100)}; ${en}; rate ${fmtRate(rateMicro)}.`
      : '',
  };
}

/**
 * The record of the next cycle if the employer's record stays as it is: the cycle's last years
 * stay, and the next year repeats the cycle's yearly average (WSIB-style projection).
 */
export function projectRecord(r: EmployerRecord, nextYear: number): EmployerRecord {
  const n = r.years.length;
  const avg = (f: (y: YearRecord) => number) =>
    Math.round(r.years.reduce((a, y) => a + f(y), 0) / Math.max(1, n));
  const known = r.years.filter((y) => y.premiumsPaidFen !== null);
  const insured = r.years.filter((y) => y.averageInsured !== null);
  const next: YearRecord = {
    year: nextYear,
    premiumsPaidFen:
      known.length === 0
        ? null
        : Math.round(known.reduce((a, y) => a + (y.premiumsPaidFen ?? 0), 0) / known.length),
    benefitsPaidFen: avg((y) => y.benefitsPaidFen),
    wageBillFen: avg((y) => y.wageBillFen),
    arrearsFen: r.years.at(-1)?.arrearsFen ?? 0,
    averageInsured:
      insured.length === 0
        ? null
        : Math.round(insured.reduce((a, y) => a + (y.averageInsured ?? 0), 0) / insured.length),
    injuries: avg((y) => y.injuries),
    deaths: 0,
    diseases: 0,
  };
  return { ...r, years: [...r.years.slice(1), next] };
}

/** Premium at a rate for a wage bill, in fen (条例 第十条: wage bill × rate). */
export function premiumFen(wageBillFen: number, rateMicro: number): number {
  return Math.round((wageBillFen * rateMicro) / 1_000_000);
}
