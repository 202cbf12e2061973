import { describe, expect, it } from 'vitest';
import { projectRate, provisionalPoint, requiredRate, statusOf } from './targets.service.js';

describe('the required path (AN-2)', () => {
  it('compounds evenly to the period target: −20 % over 2020→2025', () => {
    expect(requiredRate(10, 20, 2020, 2025, 2020)).toBe(10);
    expect(requiredRate(10, 20, 2020, 2025, 2025)).toBeCloseTo(8, 10);
    // One fifth of the way: 10 × 0.8^(1/5)
    expect(requiredRate(10, 20, 2020, 2025, 2021)).toBeCloseTo(10 * 0.8 ** 0.2, 10);
  });
});

describe('the projection', () => {
  it('recovers an exact exponential trend with a zero-width interval', () => {
    const points = [2020, 2021, 2022, 2023].map((year) => ({ year, value: 5 * 0.9 ** (year - 2020) }));
    const p = projectRate(points, 2025);
    expect(p?.value).toBeCloseTo(5 * 0.9 ** 5, 9);
    expect(p?.annualChangePct).toBeCloseTo(-10, 9);
    expect(p?.high).toBeCloseTo(p?.value as number, 9);
  });

  it('widens with noise, and needs three positive points', () => {
    const noisy = [
      { year: 2020, value: 5 },
      { year: 2021, value: 5.4 },
      { year: 2022, value: 4.2 },
      { year: 2023, value: 4.6 },
    ];
    const p = projectRate(noisy, 2025);
    expect(p).not.toBeNull();
    expect(p?.low).toBeLessThan(p?.value as number);
    expect(p?.high).toBeGreaterThan(p?.value as number);
    expect(projectRate(noisy.slice(0, 2), 2025)).toBeNull();
    expect(projectRate([...noisy.slice(0, 2), { year: 2022, value: 0 }], 2025)).toBeNull();
  });
});

describe('status', () => {
  const base = { baseline: 10, target: 8, annualReductionPct: 5 };
  const point = (year: number, value: number) => ({
    year,
    value,
    required: requiredRate(10, 20, 2020, 2025, year),
    partial: false,
  });
  it('on track: below the path, falling ≥ 5 % a year, projected to meet the target', () => {
    expect(
      statusOf({
        ...base,
        latest: point(2022, 8.9),
        previous: point(2021, 9.5),
        projection: { year: 2025, value: 7.5, low: 7, high: 8, annualChangePct: -6, points: 3 },
      }),
    ).toBe('on_track');
  });
  it('at risk: below the path but the yearly fall was under 5 %', () => {
    expect(
      statusOf({
        ...base,
        latest: point(2022, 9.1),
        previous: point(2021, 9.3),
        projection: { year: 2025, value: 7.9, low: 7, high: 9, annualChangePct: -4, points: 3 },
      }),
    ).toBe('at_risk');
  });
  it('off track: above the path and projected to miss', () => {
    expect(
      statusOf({
        ...base,
        latest: point(2022, 10.5),
        previous: point(2021, 10.2),
        projection: { year: 2025, value: 11, low: 10, high: 12, annualChangePct: 2, points: 3 },
      }),
    ).toBe('off_track');
  });
  it('no baseline, or no year after it yet', () => {
    expect(
      statusOf({ ...base, baseline: null, target: null, latest: null, previous: null, projection: null }),
    ).toBe('no_baseline');
    expect(statusOf({ ...base, latest: null, previous: null, projection: null })).toBe('not_started');
  });
});

describe('a baseline of 0.000 is a baseline', () => {
  const zero = (year: number, value: number) => ({
    year,
    value,
    required: requiredRate(0, 10, 2025, 2030, year),
    partial: false,
  });
  it('stays on track while the rate stays 0, and is off track once a case occurs', () => {
    const input = { baseline: 0, target: 0, annualReductionPct: null, projection: null };
    expect(statusOf({ ...input, latest: zero(2026, 0), previous: zero(2025, 0) })).toBe('on_track');
    expect(statusOf({ ...input, latest: zero(2026, 0.4), previous: zero(2025, 0) })).toBe('off_track');
  });
  it('a yearly requirement after a year at 0 is met only by staying at 0', () => {
    const input = { baseline: 0, target: 0, annualReductionPct: 5, projection: null };
    expect(statusOf({ ...input, latest: zero(2027, 0), previous: zero(2026, 0) })).toBe('on_track');
  });
});

describe('the first year of a plan, before it is complete', () => {
  const series = [
    { year: 2025, value: 4, required: 4, partial: false },
    { year: 2026, value: 3, required: 3.92, partial: true },
  ];
  it('is assessed provisionally on the year so far, scaled to a whole year', () => {
    // 2026 is not a leap year: 1 July 00:00 UTC is 181 of 365 days in.
    const p = provisionalPoint(series, 2025, new Date('2026-07-01T00:00:00Z'));
    expect(p?.value).toBeCloseTo(3 / (181 / 365), 9);
    expect(p?.year).toBe(2026);
  });
  it('not in its first weeks, and never the baseline year', () => {
    expect(provisionalPoint(series, 2025, new Date('2026-01-20T00:00:00Z'))).toBeNull();
    expect(provisionalPoint(series.slice(0, 1), 2025, new Date('2026-07-01T00:00:00Z'))).toBeNull();
  });
});
