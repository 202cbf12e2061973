import { describe, expect, it } from 'vitest';
import { exampleClaimRatioLadder, exampleCombinedMethod, nationalClasses } from './rates.data.js';
import {
  basisOf,
  type CycleAggregate,
  describeRating,
  type EmployerRecord,
  poolContextOf,
  projectRecord,
  projectTotals,
  type RuleDefinition,
  rateEmployer,
  sums,
  totalsOf,
  validateRuleDefinition,
  type YearRecord,
} from './rule-sets.logic.js';

/**
 * Known answers, computed by hand (the comments show the arithmetic), for the two shipped example
 * rule sets, the validation of bad rule sets and the credibility option (decision 0029).
 */

const year = (y: number, o: Partial<YearRecord> = {}): YearRecord => ({
  year: y,
  premiumsPaidFen: 100_000,
  benefitsPaidFen: 0,
  wageBillFen: 10_000_000,
  arrearsFen: 0,
  averageInsured: 20,
  injuries: 0,
  deaths: 0,
  diseases: 0,
  ...o,
});

/** Three years of 1,000 yuan premiums a year; benefits spread as given (fen, total). */
function record(
  industryCode: string,
  benefitsFen: number,
  o: Partial<EmployerRecord> = {},
  years = [2023, 2024, 2025],
) {
  return {
    employerId: 1,
    industryCode,
    insuredFrom: '2010-01-01',
    years: years.map((y, i) => year(y, { benefitsPaidFen: i === 0 ? benefitsFen : 0 })),
    ...o,
  } satisfies EmployerRecord;
}

describe('example A: the 支缴率 ladder (after 烟台)', () => {
  const d = exampleClaimRatioLadder();
  const pool = poolContextOf(d, []);
  const rate = (r: EmployerRecord) => rateEmployer(d, r, '2023-01-01', pool);

  it('passes its own validation', () => {
    expect(validateRuleDefinition(d)).toEqual([]);
  });

  it.each([
    // class 6 (26 化学原料), base 1.3 % = 130 bp; premiums 3 × 1,000 yuan = 300,000 fen
    ['no benefits: 0 % → 50 %', '2614', 0, 50, 6_500],
    ['15,000 / 300,000 = 5 % → 80 %', '2614', 15_000, 80, 10_400],
    ['30,000 / 300,000 = exactly 10 % → still 80 %', '2614', 30_000, 80, 10_400],
    ['30,003 / 300,000 = 10.001 % → base', '2614', 30_003, 100, 13_000],
    ['450,000 / 300,000 = exactly 150 % → 120 %', '2614', 450_000, 120, 15_600],
    ['450,300 / 300,000 = 150.1 % → 150 %: 1.3 × 1.5 = 1.95 % (DOMAIN.md)', '2614', 450_300, 150, 19_500],
    // class 1 (65 软件), base 0.2 %: up only
    ['class 1, no benefits: stays at base (up only)', '6510', 0, 100, 2_000],
    ['class 1, 360,000 / 300,000 = 120 % → 120 %', '6510', 360_000, 120, 2_400],
  ])('%s', (_, industry, benefits, multiplier, rateMicro) => {
    const r = rate(record(industry, benefits));
    expect(r.status).toBe('rated');
    expect(r.multiplierPct).toBe(multiplier);
    expect(r.rateMicro).toBe(rateMicro);
  });

  it('states the criterion, threshold and values in the rationale', () => {
    const r = rate(record('2614', 450_300));
    expect(r.rationaleZh).toContain('支缴率（%） = 150.1');
    expect(r.rationaleZh).toContain('> 150');
    expect(r.rationaleZh).toContain('1.95%');
    expect(r.rationaleEn).toContain('claim ratio (%) = 150.1');
  });

  it('an employer insured after the cycle began takes the base rate, with the reason', () => {
    const r = rate(record('2614', 0, { insuredFrom: '2024-05-01' }));
    expect(r).toMatchObject({ status: 'short_insurance', multiplierPct: 100, rateMicro: 13_000 });
    expect(r.rationaleZh).toContain('参保不满一个浮动周期');
  });

  it('a year without a contribution record is missing, never rated as zero', () => {
    const rec = record('2614', 0);
    (rec.years[1] as YearRecord).premiumsPaidFen = null;
    const r = rate(rec);
    expect(r).toMatchObject({ status: 'missing_premiums', multiplierPct: null, rateMicro: null });
    expect(r.figures.premiumsPaidFen).toBeNull();
    expect(r.figures.missingYears).toEqual([2024]);
  });

  it('an industry outside the class table is unclassified, not rated', () => {
    expect(rate(record('9999', 0))).toMatchObject({ status: 'unclassified', rateMicro: null });
  });
});

describe('example B: 支缴率 + incidence + disqualifiers', () => {
  const d = exampleCombinedMethod();
  const pool = poolContextOf(d, []);
  const two = (benefitsFen: number, o: Partial<YearRecord> = {}) => ({
    employerId: 2,
    // class 5 (49 建筑安装业), base 1.1 % = 110 bp; premiums 2 × 100,000 fen
    industryCode: '4910',
    insuredFrom: '2015-01-01',
    years: [year(2024, { benefitsPaidFen: benefitsFen }), year(2025, o)],
  });
  const rate = (r: EmployerRecord) => rateEmployer(d, r, '2024-01-01', pool);

  it('passes its own validation', () => {
    expect(validateRuleDefinition(d)).toEqual([]);
  });

  it.each([
    ['no injury, 200,000 / 200,000 = 100 % ≤ 120 → 80 %', 200_000, {}, 80, 8_800],
    ['no injury, 260,000 / 200,000 = 130 % → base', 260_000, {}, 100, 11_000],
    ['one injury, 50 % → base', 100_000, { injuries: 1 }, 100, 11_000],
    ['one injury, 200 % → 120 %', 400_000, { injuries: 1 }, 120, 13_200],
    ['two injuries, 602,000 / 200,000 = 301 % → 150 %', 602_000, { injuries: 2 }, 150, 16_500],
    ['no injury, 0 %, but arrears: no floating down → base', 0, { arrearsFen: 5_000 }, 100, 11_000],
    ['a death (with its injury), 0 %: no floating down → base', 0, { injuries: 1, deaths: 1 }, 100, 11_000],
  ])('%s', (_, benefits, o, multiplier, rateMicro) => {
    const r = rate(two(benefits, o));
    expect(r.status).toBe('rated');
    expect(r.multiplierPct).toBe(multiplier);
    expect(r.rateMicro).toBe(rateMicro);
  });

  it('names the disqualifier in the rationale', () => {
    expect(rate(two(0, { arrearsFen: 5_000 })).rationaleZh).toContain('欠缴 50 元，不得下浮');
  });

  it('a hazard not rectified by its deadline stops floating down when the rule set names it', () => {
    // No injury, 200,000 / 200,000 = 100 % → 80 % (8,800); with one late rectification under a
    // rule set that lists 'hazard': base 1.1 % (11,000). Example B itself does not list it.
    const late = { ...two(200_000), lateRectifications: 1 };
    expect(rate(late)).toMatchObject({ multiplierPct: 80, rateMicro: 8_800 });
    const strict = {
      ...d,
      disqualifiers: [...d.disqualifiers, { kind: 'hazard' as const, effect: 'no_decrease' as const }],
    };
    expect(validateRuleDefinition(strict)).toEqual([]);
    const r = rateEmployer(strict, late, '2024-01-01', pool);
    expect(r).toMatchObject({ multiplierPct: 100, rateMicro: 11_000 });
    expect(r.rationaleZh).toContain('周期内隐患或超标危害因素 1 项未按期整改，不得下浮');
    expect(rateEmployer(strict, two(200_000), '2024-01-01', pool)).toMatchObject({ multiplierPct: 80 });
    // The stored basis carries the count, so the words written later say the same.
    const totals = { ...late, totals: sums(late) };
    const basis = JSON.parse(JSON.stringify(basisOf(strict, totals, pool)));
    expect(describeRating(strict, late.employerId, basis, '2024-01-01').rationaleZh).toBe(r.rationaleZh);
  });

  it('classes 1–2 do not float', () => {
    // 51 批发业: class 2, base 0.4 %
    expect(rate({ ...two(0), industryCode: '5110' })).toMatchObject({
      status: 'not_floating',
      multiplierPct: 100,
      rateMicro: 4_000,
    });
  });

  it('a missing headcount is shown as missing (incidence unknown), not as no injury', () => {
    const r = rate(two(0, { averageInsured: null }));
    expect(r).toMatchObject({ status: 'missing_headcount', rateMicro: null });
  });

  it('the floor and cap bound the rate', () => {
    const capped: RuleDefinition = { ...d, capBp: 150 };
    // 150 % of 110 bp = 165 bp > cap 150 bp
    expect(rateEmployer(capped, two(602_000, { injuries: 2 }), '2024-01-01', pool).rateMicro).toBe(15_000);
    const floored: RuleDefinition = { ...d, floorBp: 100 };
    // 80 % of 110 bp = 88 bp < floor 100 bp
    expect(rateEmployer(floored, two(200_000), '2024-01-01', pool).rateMicro).toBe(10_000);
  });
});

describe('bad rule sets are refused naming the rule', () => {
  const a = exampleClaimRatioLadder;
  const codes = (d: RuleDefinition) => validateRuleDefinition(d).map((p) => [p.code, p.field]);

  it('overlapping thresholds', () => {
    const d = a();
    (d.ladders[0] as RuleDefinition['ladders'][number]).bands[2] = { from: 5, to: 100, multiplierPct: 100 };
    expect(codes(d)).toEqual([['rates.threshold_overlap', 'ladders[0].bands[2].from']]);
  });

  it('gapped thresholds', () => {
    const d = a();
    (d.ladders[0] as RuleDefinition['ladders'][number]).bands[3] = { from: 110, to: 150, multiplierPct: 120 };
    expect(codes(d)).toEqual([['rates.threshold_gap', 'ladders[0].bands[3].from']]);
  });

  it('a last band that is not open-ended leaves a gap above it', () => {
    const d = a();
    (d.ladders[1] as RuleDefinition['ladders'][number]).bands[2] = { from: 150, to: 500, multiplierPct: 150 };
    expect(codes(d)).toEqual([['rates.threshold_gap', 'ladders[1].bands[2].to']]);
  });

  it('a tier outside the class’s allowed set (class 1 floats up only)', () => {
    const d = a();
    (d.ladders[1] as RuleDefinition['ladders'][number]).bands[0] = { from: 0, to: 100, multiplierPct: 80 };
    expect(codes(d)).toEqual([['rates.tier_outside_class', 'ladders[1].bands[0].multiplierPct']]);
    const e = a();
    (e.classes[0] as RuleDefinition['classes'][number]).tiersPct = [50, 100, 120, 150];
    expect(codes(e)).toEqual([['rates.tier_not_allowed', 'classes[0].tiersPct[0]']]);
  });

  it('a floor above the cap', () => {
    expect(codes({ ...a(), floorBp: 500, capBp: 400 })).toEqual([['rates.floor_above_cap', 'floorBp']]);
  });

  it('two ladders of one class whose conditions overlap', () => {
    const d = exampleCombinedMethod();
    (d.ladders[1] as RuleDefinition['ladders'][number]).when = {
      criterion: 'incidencePerMille',
      from: 0,
      to: null,
    };
    (d.ladders[0] as RuleDefinition['ladders'][number]).when = {
      criterion: 'incidencePerMille',
      from: 0,
      to: 5,
    };
    expect(codes(d).every(([c]) => c === 'rates.threshold_overlap')).toBe(true);
    expect(codes(d)).toHaveLength(6); // one per floating class 3–8
  });

  it('a cycle outside 1–3 years and a missing class', () => {
    const d = { ...a(), cycleYears: 4, classes: a().classes.slice(0, 7) };
    expect(codes(d)).toEqual([
      ['rates.cycle_years', 'cycleYears'],
      ['rates.class_missing', 'classes'],
      ['rates.class_unknown', 'ladders[0].classes'],
    ]);
  });
});

describe('the credibility option (decision 0029)', () => {
  // Class 3 (13 农副食品加工业), base 0.7 % = 70 bp; a 2-year cycle; k fixed at 300 person-years.
  // Pool of class 3: 30 + 3,000 + 16,970 = 20,000 person-years with 1 + 100 + 99 = 200 injuries:
  // the class rate is 200 / 20,000 = 10 ‰.
  const ladder = {
    classes: [2, 3, 4, 5, 6, 7, 8],
    criterion: 'incidenceRelativePct' as const,
    bands: [
      { from: 0, to: 50, multiplierPct: 80 },
      { from: 50, to: 150, multiplierPct: 100 },
      { from: 150, to: 300, multiplierPct: 120 },
      { from: 300, to: null, multiplierPct: 150 },
    ],
  };
  const d = (method: 'none' | 'poisson_gamma'): RuleDefinition => ({
    ...nationalClasses(),
    cycleYears: 2,
    ladders: [ladder],
    disqualifiers: [],
    floorBp: null,
    capBp: null,
    credibility: { method, k: 300 },
  });
  const firm = (employerId: number, persons: number, injuries: number): EmployerRecord => ({
    employerId,
    industryCode: '1310',
    insuredFrom: '2010-01-01',
    years: [
      year(2024, { averageInsured: persons, injuries }),
      year(2025, { averageInsured: persons, injuries: 0 }),
    ],
  });
  const small = firm(1, 15, 1); // 30 person-years, 1 injury: 33.3 ‰
  const large = firm(2, 1500, 100); // 3,000 person-years, 100 injuries: 33.3 ‰
  const rest = firm(3, 8485, 99); // 16,970 person-years, 99 injuries
  const pool = [small, large, rest];

  it('without credibility, one case moves a firm of fifteen two tiers up', () => {
    const def = d('none');
    const r = rateEmployer(def, small, '2024-01-01', poolContextOf(def, pool));
    // 33.33 ‰ / 10 ‰ = 333.3 % → > 300 → 150 %
    expect(r.figures.incidenceRelativePct).toBeCloseTo(333.333, 2);
    expect(r).toMatchObject({ multiplierPct: 150, rateMicro: 10_500 });
  });

  it('with credibility the firm of fifteen stays at base; the large firm does not', () => {
    const def = d('poisson_gamma');
    const ctx = poolContextOf(def, pool);
    expect(ctx.classPerMille.get(3)).toBeCloseTo(10, 10);
    const s = rateEmployer(def, small, '2024-01-01', ctx);
    // Z = 30 / (30 + 300) = 0.090909; shrunk = (1 + 300 × 0.01) / 330 = 12.1212 ‰ → 121.21 % → base
    expect(s.figures.credibility?.z).toBeCloseTo(0.090909, 5);
    expect(s.figures.credibility?.shrunkPerMille).toBeCloseTo(12.1212, 3);
    expect(s.figures.incidenceRelativePct).toBeCloseTo(121.212, 2);
    expect(s).toMatchObject({ multiplierPct: 100, rateMicro: 7_000 });
    const l = rateEmployer(def, large, '2024-01-01', ctx);
    // Z = 3,000 / 3,300 = 0.909091; shrunk = (100 + 3) / 3,300 = 31.2121 ‰ → 312.12 % → 150 %
    expect(l.figures.credibility?.z).toBeCloseTo(0.909091, 5);
    expect(l.figures.credibility?.shrunkPerMille).toBeCloseTo(31.2121, 3);
    expect(l).toMatchObject({ multiplierPct: 150, rateMicro: 10_500 });
    const r = rateEmployer(def, rest, '2024-01-01', ctx);
    // (99 + 3) / 17,270 = 5.9062 ‰ → 59.06 % → base
    expect(r.figures.incidenceRelativePct).toBeCloseTo(59.062, 2);
    expect(r.multiplierPct).toBe(100);
    expect(s.rationaleZh).toContain('信度加权：Z = 0.0909');
  });

  it('writes the same rationale later from a stored basis, credibility included (decision 0046)', () => {
    const def = d('poisson_gamma');
    const ctx = poolContextOf(def, pool);
    for (const firm of pool) {
      const totals = { ...firm, totals: sums(firm) };
      const eager = rateEmployer(def, totals, '2024-01-01', ctx);
      const quiet = rateEmployer(def, totals, '2024-01-01', ctx, { texts: false });
      expect(quiet).toEqual({ ...eager, rationaleZh: '', rationaleEn: '' });
      const basis = JSON.parse(JSON.stringify(basisOf(def, totals, ctx)));
      expect(describeRating(def, firm.employerId, basis, '2024-01-01')).toEqual({
        rationaleZh: eager.rationaleZh,
        rationaleEn: eager.rationaleEn,
      });
    }
  });
});

describe('rationales written when read (decision 0046)', () => {
  const cases: [string, EmployerRecord][] = [
    ['rated up', record('2614', 450_300)],
    ['rated down', record('2614', 0)],
    ['class 1 at base', record('6510', 0)],
    ['short insurance', record('2614', 0, { insuredFrom: '2024-03-01' })],
    ['unclassified', record('9999', 0)],
    ['no industry', record('2614', 0, { industryCode: null })],
    [
      'missing premiums',
      { ...record('2614', 0), years: [year(2023), year(2024, { premiumsPaidFen: null }), year(2025)] },
    ],
    [
      'missing headcount',
      { ...record('2614', 0), years: [year(2023), year(2024, { averageInsured: null }), year(2025)] },
    ],
    [
      'no premiums but benefits',
      {
        ...record('2614', 0),
        years: [2023, 2024, 2025].map((y) => year(y, { premiumsPaidFen: 0, benefitsPaidFen: 1_000 })),
      },
    ],
    [
      'arrears disqualify',
      { ...record('2614', 0), years: [year(2023), year(2024), year(2025, { arrearsFen: 5_000 })] },
    ],
    [
      'a death disqualifies',
      { ...record('2614', 0), years: [year(2023, { injuries: 1, deaths: 1 }), year(2024), year(2025)] },
    ],
  ];
  for (const [example, d] of [
    ['A', exampleClaimRatioLadder()],
    ['B', exampleCombinedMethod()],
  ] as const)
    it.each(cases)(`example ${example}: %s`, (_, r) => {
      const ctx = poolContextOf(
        d,
        cases.map((c) => c[1]),
      );
      const totals = { ...r, totals: sums(r) };
      const eager = rateEmployer(d, r, '2023-01-01', ctx);
      expect(rateEmployer(d, totals, '2023-01-01', ctx, { texts: false })).toEqual({
        ...eager,
        rationaleZh: '',
        rationaleEn: '',
      });
      // Through JSON, as the basis is stored (jsonb) and read back.
      const basis = JSON.parse(JSON.stringify(basisOf(d, totals, ctx)));
      expect(describeRating(d, r.employerId, basis, '2023-01-01')).toEqual({
        rationaleZh: eager.rationaleZh,
        rationaleEn: eager.rationaleEn,
      });
      expect(eager.rationaleZh.length).toBeGreaterThan(10);
    });
});

describe('a cycle summed in SQL rates as its years do (issue 16, province scale)', () => {
  // Cycle 2023–2025. 2023: premiums 100,000, benefits 30,000, 20 insured, 1 injury; 2024: no
  // contribution record, 22 insured, 2 injuries (one a death); 2025: premiums 120,000, benefits 0,
  // 24 insured, no injury, arrears 5,000.
  const years: YearRecord[] = [
    year(2023, { benefitsPaidFen: 30_000, injuries: 1 }),
    year(2024, { premiumsPaidFen: null, averageInsured: 22, injuries: 2, deaths: 1 }),
    year(2025, { premiumsPaidFen: 120_000, averageInsured: 24, arrearsFen: 5_000 }),
  ];
  const aggregate: CycleAggregate = {
    employerId: 1,
    industryCode: '4710',
    insuredFrom: '2010-01-01',
    arrearsFen: 5_000,
    premiumYears: [2023, 2025],
    insuredYears: [2023, 2024, 2025],
    all: {
      premiumsPaidFen: 220_000,
      benefitsPaidFen: 30_000,
      insuredSum: 66,
      injuries: 3,
      deaths: 1,
      diseases: 0,
    },
    later: {
      premiumsPaidFen: 120_000,
      benefitsPaidFen: 0,
      insuredSum: 46,
      injuries: 2,
      deaths: 1,
      diseases: 0,
    },
  };

  it('totals: the sums, 2024 missing', () => {
    expect(totalsOf(aggregate, 2023, 2025).totals).toEqual({
      premiums: 220_000,
      benefits: 30_000,
      injuries: 3,
      deaths: 1,
      diseases: 0,
      personYears: 66,
      missingYears: [2024],
      arrearsFen: 5_000,
    });
  });

  it('projection to 2024–2026: 2023 drops, 2026 repeats the yearly average', () => {
    // 2026: premiums 220,000 / 2 known years = 110,000; benefits 30,000 / 3 = 10,000; insured
    // 66 / 3 = 22; injuries 3 / 3 = 1; no death or disease; arrears stay 2025's 5,000.
    expect(projectTotals(aggregate, 2023, 2025, 2026).totals).toEqual({
      premiums: 230_000, // 120,000 + 110,000
      benefits: 10_000, // 0 + 10,000
      injuries: 3, // 2 + 1
      deaths: 1,
      diseases: 0,
      personYears: 68, // 46 + 22
      missingYears: [2024],
      arrearsFen: 5_000,
    });
  });

  it('gives the same rating and rationale as the year-by-year record, now and projected', () => {
    const record: EmployerRecord = { employerId: 1, industryCode: '4710', insuredFrom: '2010-01-01', years };
    const complete: EmployerRecord = {
      ...record,
      years: years.map((y) => ({ ...y, premiumsPaidFen: y.premiumsPaidFen ?? 90_000 })),
    };
    const completeAggregate: CycleAggregate = {
      ...aggregate,
      premiumYears: [2023, 2024, 2025],
      all: { ...aggregate.all, premiumsPaidFen: 310_000 },
      later: { ...aggregate.later, premiumsPaidFen: 210_000 },
    };
    for (const d of [exampleClaimRatioLadder(), exampleCombinedMethod()]) {
      const pool = poolContextOf(d, [record]);
      for (const [r, a] of [
        [record, aggregate],
        [complete, completeAggregate],
      ] as const) {
        expect(rateEmployer(d, totalsOf(a, 2023, 2025), '2023-01-01', pool)).toEqual(
          rateEmployer(d, r, '2023-01-01', pool),
        );
        expect(rateEmployer(d, projectTotals(a, 2023, 2025, 2026), '2024-01-01', pool)).toEqual(
          rateEmployer(d, projectRecord(r, 2026), '2024-01-01', pool),
        );
      }
    }
  });
});
