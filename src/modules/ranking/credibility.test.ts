import { describe, expect, it } from 'vitest';
import { fitCredibility, shrink } from './credibility.js';

describe('credibility fit (Poisson–gamma, method of moments)', () => {
  it('gives k = m / s² and Z = e / (e + k), worked by hand', () => {
    // Two groups; rates 0.01 and 0.03 in group a (mean 0.02), 0.02 alone in group b.
    const rows = [
      { group: 'a', cases: 10, exposure: 1000 },
      { group: 'a', cases: 30, exposure: 1000 },
      { group: 'b', cases: 20, exposure: 1000 },
    ];
    const fit = fitCredibility(rows);
    // m = 60 / 3000 = 0.02. Q = 1000·(0.01² + 0.01²) + 0 = 0.2; chance = (2 − 1)·0.02 + 0 = 0.02;
    // divisor = (2000 − 2·1000² / 2000) + (1000 − 1000² / 1000) = 1000. s² = 0.18 / 1000.
    const s2 = 0.00018;
    expect(fit.overallRate).toBeCloseTo(0.02, 12);
    expect(fit.priorVariance).toBeCloseTo(s2, 12);
    expect(fit.k).toBeCloseTo(0.02 / s2, 8); // 111.1 persons
    expect(fit.weightsZeroBecause).toBeNull();
    const z = 1000 / (1000 + 0.02 / s2);
    expect(shrink(rows[1] as (typeof rows)[number], fit).shrunkRate).toBeCloseTo(
      z * 0.03 + (1 - z) * 0.02,
      12,
    );
    // An employer of exactly k persons gets half its own rate and half its group's.
    const atK = shrink({ group: 'a', cases: 0, exposure: fit.k ?? 0 }, fit);
    expect(atK.credibility).toBeCloseTo(0.5, 12);
  });

  it('subtracts chance per group with n − 1 degrees of freedom and weighs by unequal sizes', () => {
    // a: 0 of 100 and 4 of 100 (r = 0.02); b: 1 of 50 and 1 of 150 (r = 0.01); m = 6 / 400.
    // Q = 100·0.02² + 100·0.02² + 50·0.01² + 150·(1/150 − 0.01)² = 0.08 + 0.005 + 1/600 = 13/150;
    // chance = 0.02 + 0.01 = 0.03; divisor = (200 − 20000/200) + (200 − 25000/200) = 100 + 75.
    // s² = (13/150 − 3/100) / 175 = (17/300) / 175; k = 0.015 / s² = 0.015·175·300 / 17.
    const fit = fitCredibility([
      { group: 'a', cases: 0, exposure: 100 },
      { group: 'a', cases: 4, exposure: 100 },
      { group: 'b', cases: 1, exposure: 50 },
      { group: 'b', cases: 1, exposure: 150 },
    ]);
    expect(fit.priorVariance).toBeCloseTo(17 / 300 / 175, 14);
    expect(fit.k).toBeCloseTo((0.015 * 175 * 300) / 17, 8); // 46.3 persons
    // The estimator before issue 12 (chance n·m, divisor Σe) gave (13/150)/400 − 0.015/100 = 6.67e-5, k = 225.
  });

  it('says why every weight is 0', () => {
    // Rates exactly equal within the group: Q = 0 < chance.
    const chance = fitCredibility([
      { group: 'a', cases: 2, exposure: 100 },
      { group: 'a', cases: 4, exposure: 200 },
    ]);
    expect(chance).toMatchObject({ k: null, weightsZeroBecause: 'chance' });
    expect(chance.priorVariance).toBeCloseTo(-0.02 / (300 - 50000 / 300), 14);
    // One employer per group: nothing to compare.
    const alone = fitCredibility([
      { group: 'a', cases: 2, exposure: 100 },
      { group: 'b', cases: 9, exposure: 100 },
    ]);
    expect(alone).toMatchObject({ k: null, weightsZeroBecause: 'too_few_employers' });
    const none = fitCredibility([
      { group: 'a', cases: 0, exposure: 100 },
      { group: 'a', cases: 0, exposure: 200 },
    ]);
    expect(none).toMatchObject({ k: null, weightsZeroBecause: 'no_cases' });
  });

  it('shrinks fully when the spread is no larger than chance (k null, Z = 0)', () => {
    const fit = fitCredibility([
      { group: 'a', cases: 2, exposure: 100 },
      { group: 'a', cases: 3, exposure: 100 },
    ]);
    expect(fit.k).toBeNull();
    const s = shrink({ group: 'a', cases: 3, exposure: 100 }, fit);
    expect(s.credibility).toBe(0);
    expect(s.shrunkRate).toBeCloseTo(0.025, 12);
  });

  it('rates nothing without a denominator, and survives no data and no cases', () => {
    expect(fitCredibility([])).toMatchObject({ k: null, overallRate: null, rated: 0 });
    const none = fitCredibility([{ group: 'a', cases: 0, exposure: 50 }]);
    expect(none.k).toBeNull();
    expect(shrink({ group: 'a', cases: 0, exposure: 50 }, none).shrunkRate).toBe(0);
    for (const exposure of [0, null])
      expect(shrink({ group: 'a', cases: 1, exposure }, none)).toEqual({
        rawRate: null,
        credibility: null,
        groupRate: null,
        shrunkRate: null,
      });
  });
});
