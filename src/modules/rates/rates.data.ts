import type { RuleDefinition } from './rule-sets.logic.js';

/**
 * Reference data of premium-rate floating (docs/../shared DOMAIN.md §1). Data, not rules in code:
 * every value here is copied into a rule set when it is drafted, and the pooling jurisdiction may
 * change any of it before 财政 reviews and the agency adopts it.
 */

/** 人社部发〔2015〕71号: the multipliers (% of base) each class may take — class 1 floats up only. [V] */
export const NATIONAL_TIERS: Readonly<Record<number, readonly number[]>> = {
  1: [100, 120, 150],
  2: [50, 80, 100, 120, 150],
  3: [50, 80, 100, 120, 150],
  4: [50, 80, 100, 120, 150],
  5: [50, 80, 100, 120, 150],
  6: [50, 80, 100, 120, 150],
  7: [50, 80, 100, 120, 150],
  8: [50, 80, 100, 120, 150],
};

/** 71号 national base rates in basis points (0.01 %): 0.2 % … 1.9 % ("左右"). [V] */
export const NATIONAL_BASE_RATES_BP: Readonly<Record<number, number>> = {
  1: 20,
  2: 40,
  3: 70,
  4: 90,
  5: 110,
  6: 130,
  7: 160,
  8: 190,
};

/**
 * 《工伤保险行业风险分类表》 (attachment of 71号, keyed to GB/T 4754-2011 divisions [P]) carried
 * over to GB/T 4754-2017 division codes, which employers are coded in today. Where a 2017 division
 * differs from its 2011 predecessor the note says how the class was carried; `[U]` marks a choice
 * not read in any source (keep it under review).
 */
export const RISK_CLASS_BY_DIVISION: Readonly<Record<string, { riskClass: number; note?: string }>> = {
  '01': { riskClass: 4 },
  '02': { riskClass: 5 },
  '03': { riskClass: 4 },
  '04': { riskClass: 6 },
  '05': { riskClass: 4, note: '2011 农、林、牧、渔服务业 → 2017 农、林、牧、渔专业及辅助性活动' },
  '06': { riskClass: 8 },
  '07': { riskClass: 7 },
  '08': { riskClass: 8 },
  '09': { riskClass: 8 },
  '10': { riskClass: 8 },
  '11': { riskClass: 5, note: '2011 开采辅助活动 → 2017 开采专业及辅助性活动 [U]' },
  '12': { riskClass: 7 },
  '13': { riskClass: 3 },
  '14': { riskClass: 3 },
  '15': { riskClass: 3 },
  '16': { riskClass: 3 },
  '17': { riskClass: 3 },
  '18': { riskClass: 4 },
  '19': { riskClass: 4 },
  '20': { riskClass: 3 },
  '21': { riskClass: 5 },
  '22': { riskClass: 5 },
  '23': { riskClass: 4 },
  '24': { riskClass: 3 },
  '25': { riskClass: 7, note: '2011 石油加工、炼焦和核燃料加工业 → 2017 石油、煤炭及其他燃料加工业' },
  '26': { riskClass: 6 },
  '27': { riskClass: 4 },
  '28': { riskClass: 4 },
  '29': { riskClass: 4 },
  '30': { riskClass: 6 },
  '31': { riskClass: 6 },
  '32': { riskClass: 6 },
  '33': { riskClass: 4 },
  '34': { riskClass: 4 },
  '35': { riskClass: 4 },
  '36': { riskClass: 4 },
  '37': { riskClass: 4 },
  '38': { riskClass: 4 },
  '39': { riskClass: 3 },
  '40': { riskClass: 3 },
  '41': { riskClass: 3 },
  '42': { riskClass: 4 },
  '43': { riskClass: 4 },
  '44': { riskClass: 4 },
  '45': { riskClass: 4 },
  '46': { riskClass: 3 },
  '47': { riskClass: 6 },
  '48': { riskClass: 6 },
  '49': { riskClass: 5 },
  '50': { riskClass: 5 },
  '51': { riskClass: 2 },
  '52': { riskClass: 2 },
  '53': { riskClass: 4 },
  '54': { riskClass: 5 },
  '55': { riskClass: 5 },
  '56': { riskClass: 4 },
  '57': { riskClass: 4 },
  '58': { riskClass: 5, note: '2011 装卸搬运和运输代理业 (5) → 2017 多式联运和运输代理业 [U]' },
  '59': {
    riskClass: 5,
    note: '2011 仓储业 (2) and 装卸搬运 (5) → 2017 装卸搬运和仓储业: the higher class carried [U]',
  },
  '60': { riskClass: 2 },
  '61': { riskClass: 2 },
  '62': { riskClass: 2 },
  '63': { riskClass: 2 },
  '64': { riskClass: 2 },
  '65': { riskClass: 1 },
  '66': { riskClass: 1 },
  '67': { riskClass: 1 },
  '68': { riskClass: 1 },
  '69': { riskClass: 1 },
  '70': { riskClass: 2 },
  '71': { riskClass: 2 },
  '72': { riskClass: 2 },
  '73': { riskClass: 2 },
  '74': { riskClass: 2 },
  '75': { riskClass: 1 },
  '76': { riskClass: 3 },
  '77': { riskClass: 3 },
  '78': { riskClass: 3 },
  '79': { riskClass: 3, note: '2017 土地管理业 has no 2011 division: classed with 公共设施管理业 [U]' },
  '80': { riskClass: 2 },
  '81': { riskClass: 3 },
  '82': { riskClass: 2 },
  '83': { riskClass: 2 },
  '84': { riskClass: 2 },
  '85': { riskClass: 1 },
  '86': { riskClass: 2 },
  '87': { riskClass: 1 },
  '88': { riskClass: 2 },
  '89': { riskClass: 4 },
  '90': { riskClass: 3 },
  '91': { riskClass: 1 },
  '92': { riskClass: 1 },
  '93': { riskClass: 1 },
  '94': { riskClass: 1 },
  '95': { riskClass: 1 },
  '96': { riskClass: 1, note: '2011 基层群众自治组织 → 2017 基层群众自治组织及其他组织' },
  '97': { riskClass: 1 },
};

/** The national class table, base rates and tiers as a rule set's classes and table. */
export function nationalClasses(): Pick<RuleDefinition, 'classes' | 'classTable'> {
  return {
    classes: Object.entries(NATIONAL_BASE_RATES_BP).map(([c, bp]) => ({
      riskClass: Number(c),
      baseRateBp: bp,
      tiersPct: [...(NATIONAL_TIERS[Number(c)] ?? [])],
    })),
    classTable: Object.fromEntries(Object.entries(RISK_CLASS_BY_DIVISION).map(([d, v]) => [d, v.riskClass])),
  };
}

const ALL_BUT_ONE = [2, 3, 4, 5, 6, 7, 8];

/**
 * Example A — the 支缴率 ladder of 烟台 (2013) [V], over a 3-year cycle. 烟台 does not say how class 1
 * (up only under 71号) is treated: here it keeps the upper rungs only. An EXAMPLE TO ADAPT, not
 * Fujian's or Jilin's official method (neither was found).
 */
export function exampleClaimRatioLadder(): RuleDefinition {
  return {
    ...nationalClasses(),
    cycleYears: 3,
    ladders: [
      {
        classes: ALL_BUT_ONE,
        criterion: 'claimRatioPct',
        bands: [
          { from: 0, to: 0, multiplierPct: 50 },
          { from: 0, to: 10, multiplierPct: 80 },
          { from: 10, to: 100, multiplierPct: 100 },
          { from: 100, to: 150, multiplierPct: 120 },
          { from: 150, to: null, multiplierPct: 150 },
        ],
      },
      {
        classes: [1],
        criterion: 'claimRatioPct',
        bands: [
          { from: 0, to: 100, multiplierPct: 100 },
          { from: 100, to: 150, multiplierPct: 120 },
          { from: 150, to: null, multiplierPct: 150 },
        ],
      },
    ],
    disqualifiers: [],
    floorBp: null,
    capBp: null,
    credibility: { method: 'none', k: null },
  };
}

/**
 * Example B — 支缴率 combined with incidence and disqualifiers: the ladder of an unnamed city's method
 * [V] (classes 1–2 do not float; without a new injury 支缴率 ≤ 120 % → 80 %, else base; with one
 * ≤ 120 % → base, 120–300 % → 120 %, > 300 % → 150 %) and 河南 省直's disqualifiers [V] (no floating
 * down after a death or with arrears), over a 2-year cycle, floor 0.2 % and cap 4.0 % (沈阳 [V]).
 * An EXAMPLE TO ADAPT, not Fujian's or Jilin's official method.
 */
export function exampleCombinedMethod(): RuleDefinition {
  const floating = [3, 4, 5, 6, 7, 8];
  return {
    ...nationalClasses(),
    cycleYears: 2,
    ladders: [
      {
        classes: floating,
        when: { criterion: 'incidencePerMille', from: 0, to: 0 },
        criterion: 'claimRatioPct',
        bands: [
          { from: 0, to: 120, multiplierPct: 80 },
          { from: 120, to: null, multiplierPct: 100 },
        ],
      },
      {
        classes: floating,
        when: { criterion: 'incidencePerMille', from: 0, to: null },
        criterion: 'claimRatioPct',
        bands: [
          { from: 0, to: 120, multiplierPct: 100 },
          { from: 120, to: 300, multiplierPct: 120 },
          { from: 300, to: null, multiplierPct: 150 },
        ],
      },
    ],
    disqualifiers: [
      { kind: 'death', effect: 'no_decrease' },
      { kind: 'arrears', effect: 'no_decrease' },
    ],
    floorBp: 20,
    capBp: 400,
    credibility: { method: 'none', k: null },
  };
}

/** The shipped examples, marked as such wherever they are shown. */
export const EXAMPLE_RULE_SETS = [
  {
    key: 'yantai-claim-ratio',
    nameZh: '示例A：支缴率阶梯（参照烟台2013年办法）',
    nameEn: 'Example A: claim-ratio ladder (after Yantai 2013)',
    noteZh: '示例，供参照修改；不是福建省或吉林省的正式办法（正式办法未查到）。',
    noteEn: "An example to adapt; not Fujian's or Jilin's official method (which was not found).",
    definition: exampleClaimRatioLadder,
  },
  {
    key: 'combined-incidence',
    nameZh: '示例B：支缴率＋工伤发生率＋否决条件（参照某市及河南省直办法）',
    nameEn: 'Example B: claim ratio + incidence + disqualifiers (after an unnamed city and Henan)',
    noteZh: '示例，供参照修改；不是福建省或吉林省的正式办法（正式办法未查到）。',
    noteEn: "An example to adapt; not Fujian's or Jilin's official method (which was not found).",
    definition: exampleCombinedMethod,
  },
] as const;
