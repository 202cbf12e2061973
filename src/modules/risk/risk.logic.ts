/**
 * The enterprise risk index (AN-5, docs/decisions/0035-enterprise-risk-index.md): pure arithmetic,
 * no database. index = 100 × Σ wᵢ·sᵢ / W, each sub-score sᵢ in [0, 1], W the configured total of
 * the weights; the grade from three ascending thresholds (green below yellow).
 */

export const RISK_GRADES = ['green', 'yellow', 'orange', 'red'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];

export const COMPONENT_KEYS = [
  'injuryRate',
  'deathsSerious',
  'occupational',
  'rectifications',
  'insurance',
  'rateTier',
  'training',
] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];
export type RiskWeights = Record<ComponentKey, number>;

/** The published saturation points: where a sub-score reaches 1. */
export const SCALES = {
  /** The credibility-weighted rate at this multiple of its industry's rate (1× scores 0). */
  rateRatioFull: 3,
  /** A death scores 1; a serious injury 1/3. */
  seriousPerDeath: 3,
  /** Occupational-disease diagnoses plus over-limit hazard factors. */
  occupationalFull: 2,
  /** Open rectifications, each overdue one counted twice. */
  rectificationsFull: 4,
  /** Suspended insurance scores this; uninsured 1. */
  suspended: 0.5,
  /** The rate floated up by this many points (multiplier 150 %) scores 1. */
  rateTierFullPct: 50,
} as const;

/** What the index of one employer and year is computed from (the records behind are listed separately). */
export interface RiskInputs {
  /** Injury determinations (认定, 人次) of the year. */
  cases: number;
  /** 年平均参保人数; null without a headcount. */
  insured: number | null;
  /** Credibility Z (decision 0007), the industry division's rate and the shrunk rate (per person). */
  credibility: number | null;
  industryRate: number | null;
  shrunkRate: number | null;
  deaths: number;
  serious: number;
  diseases: number;
  overLimitFactors: number;
  openRectifications: number;
  overdueRectifications: number;
  insuranceStatus: 'insured' | 'uninsured' | 'suspended' | null;
  /** The rate tier's multiplier (%, 100 = base) of the latest rating; null when never rated. */
  rateMultiplierPct: number | null;
  keyPostHolders: number;
  keyPostTrained: number;
}

export interface ComponentResult {
  /** Sub-score 0–1 (rounded to 4 places). */
  value: number;
  weight: number;
  /** Points of the index: 100 × weight × value / total (one decimal). */
  points: number;
  /** False when the data to judge it are missing (scored 0). */
  applicable: boolean;
}
export type RiskComponents = { inputs: RiskInputs } & Record<ComponentKey, ComponentResult>;

export interface RiskThresholds {
  yellow: number;
  orange: number;
  red: number;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** Each component's sub-score and whether data existed for it. */
export function subScores(i: RiskInputs): Record<ComponentKey, { value: number; applicable: boolean }> {
  let rate = { value: 0, applicable: false };
  if ((i.insured ?? 0) > 0 && i.shrunkRate !== null && i.industryRate !== null) {
    rate =
      i.industryRate > 0
        ? {
            value: clamp01((i.shrunkRate / i.industryRate - 1) / (SCALES.rateRatioFull - 1)),
            applicable: true,
          }
        : { value: i.shrunkRate > 0 ? 1 : 0, applicable: true };
  }
  return {
    injuryRate: rate,
    deathsSerious: { value: clamp01(i.deaths + i.serious / SCALES.seriousPerDeath), applicable: true },
    occupational: {
      value: clamp01((i.diseases + i.overLimitFactors) / SCALES.occupationalFull),
      applicable: true,
    },
    rectifications: {
      value: clamp01((i.openRectifications + i.overdueRectifications) / SCALES.rectificationsFull),
      applicable: true,
    },
    insurance: {
      value: i.insuranceStatus === 'uninsured' ? 1 : i.insuranceStatus === 'suspended' ? SCALES.suspended : 0,
      applicable: i.insuranceStatus !== null,
    },
    rateTier: {
      value: i.rateMultiplierPct === null ? 0 : clamp01((i.rateMultiplierPct - 100) / SCALES.rateTierFullPct),
      applicable: i.rateMultiplierPct !== null,
    },
    training: {
      value: i.keyPostHolders > 0 ? clamp01(1 - i.keyPostTrained / i.keyPostHolders) : 0,
      applicable: i.keyPostHolders > 0,
    },
  };
}

export function gradeOf(score: number, t: RiskThresholds): RiskGrade {
  if (score >= t.red) return 'red';
  if (score >= t.orange) return 'orange';
  if (score >= t.yellow) return 'yellow';
  return 'green';
}

/** The index (0–100, one decimal), its grade and the components as stored. */
export function scoreRisk(
  inputs: RiskInputs,
  weights: { total: number; weights: RiskWeights },
  thresholds: RiskThresholds,
): { score: number; grade: RiskGrade; components: RiskComponents } {
  const subs = subScores(inputs);
  let sum = 0;
  const components = { inputs } as RiskComponents;
  for (const key of COMPONENT_KEYS) {
    const weight = weights.weights[key];
    const { value, applicable } = subs[key];
    const points = (100 * weight * value) / weights.total;
    sum += points;
    components[key] = { value: round(value, 4), weight, points: round(points, 1), applicable };
  }
  const score = round(Math.min(100, sum), 1);
  return { score, grade: gradeOf(score, thresholds), components };
}

export const gradeRank = (g: RiskGrade) => RISK_GRADES.indexOf(g);

/** The formula as the page and the decision record show it. */
export const FORMULA = {
  zh:
    '风险指数 = 100 × Σ(权重ᵢ × 分项ᵢ) ÷ 权重合计；分项取 0–1：' +
    `伤害率 = (可信度加权发生率 ÷ 行业发生率 − 1) ÷ ${SCALES.rateRatioFull - 1}；` +
    `死亡重伤 = 死亡人数 + 重伤人数 ÷ ${SCALES.seriousPerDeath}；` +
    `职业健康 = (职业病诊断 + 超标危害因素) ÷ ${SCALES.occupationalFull}；` +
    `整改 = (未结整改 + 逾期整改) ÷ ${SCALES.rectificationsFull}；` +
    `参保 = 未参保 1、暂停缴费 ${SCALES.suspended}；` +
    `费率档次 = (浮动比例 − 100%) ÷ ${SCALES.rateTierFullPct}%；` +
    '重点岗位培训 = 1 − 已培训 ÷ 在岗人数；各分项超过 1 取 1，低于 0 取 0。',
  en:
    'Risk index = 100 × Σ(weightᵢ × componentᵢ) ÷ total of weights; each component 0–1: ' +
    `injury rate = (credibility-weighted rate ÷ industry rate − 1) ÷ ${SCALES.rateRatioFull - 1}; ` +
    `deaths and serious injuries = deaths + serious ÷ ${SCALES.seriousPerDeath}; ` +
    `occupational health = (disease diagnoses + over-limit factors) ÷ ${SCALES.occupationalFull}; ` +
    `rectifications = (open + overdue) ÷ ${SCALES.rectificationsFull}; ` +
    `insurance = uninsured 1, suspended ${SCALES.suspended}; ` +
    `rate tier = (multiplier − 100 %) ÷ ${SCALES.rateTierFullPct} %; ` +
    'key-post training = 1 − trained ÷ holders; each capped to [0, 1].',
} as const;
