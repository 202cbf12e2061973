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
    // m = 60 / 3000 = 0.02; spread = 1000·(0.01² + 0.01² + 0) / 3000 = 0.0000666…; m / ē = 0.02 / 1000.
    const s2 = 0.2 / 3000 - 0.00002;
    expect(fit.overallRate).toBeCloseTo(0.02, 12);
    expect(fit.priorVariance).toBeCloseTo(s2, 12);
    expect(fit.k).toBeCloseTo(0.02 / s2, 8);
    const z = 1000 / (1000 + 0.02 / s2);
    expect(shrink(rows[1] as (typeof rows)[number], fit).shrunkRate).toBeCloseTo(
      z * 0.03 + (1 - z) * 0.02,
      12,
    );
    // An employer of exactly k persons gets half its own rate and half its group's.
    const atK = shrink({ group: 'a', cases: 0, exposure: fit.k ?? 0 }, fit);
    expect(atK.credibility).toBeCloseTo(0.5, 12);
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
