/**
 * Credibility for rates of small employers (AN-3, docs/decisions/0007-ranking-credibility.md):
 * Poisson–gamma empirical Bayes with a method-of-moments prior (Clayton & Kaldor 1987, Marshall
 * 1991). Each employer's true rate varies around its industry's rate; a firm of ten with one case
 * moves its estimate only a little away from its industry, a firm of thousands mostly keeps its own.
 */

export interface Exposed {
  /** Grouping key of the prior (the GB/T 4754 division). */
  group: string;
  cases: number;
  /** The denominator (insured persons); null or 0 when unknown. */
  exposure: number | null;
}

export interface CredibilityFit {
  /** Credibility constant in persons; null when the data show no variance beyond chance (Z = 0 for all). */
  k: number | null;
  /** Overall rate per person over rated employers. */
  overallRate: number | null;
  /** Between-employer variance of true rates around their group rate, per person² (≤ 0: none beyond chance). */
  priorVariance: number | null;
  /** Rate per person of each group over its rated employers. */
  groupRates: Map<string, number>;
  rated: number;
  /**
   * Why every weight is 0 (k null), or null when k was estimated: `too_few_employers` when no group
   * has two rated employers (nothing to compare), `no_cases` when no rated employer has a case,
   * `chance` when the employers differ no more than Poisson chance alone makes them differ.
   */
  weightsZeroBecause: 'too_few_employers' | 'no_cases' | 'chance' | null;
}

/**
 * Fits k from the data by the method of moments within groups (DerSimonian–Laird for Poisson
 * counts). With ρ_i = x_i / e_i, r_g the rate of group g, E_g its exposure and n_g its employers:
 * Q = Σ e_i (ρ_i − r_g(i))²; chance alone gives E[Q] = Σ_g (n_g − 1)·r_g, and a between-employer
 * variance s² adds s²·Σ_g (E_g − Σ_{i∈g} e_i² / E_g). So
 * s² = (Q − Σ_g (n_g − 1)·r_g) / Σ_g (E_g − Σ e_i² / E_g), and k = m / s² with m = Σx / Σe.
 * (Until issue 12 the chance term was n·m and the divisor Σe: that subtracts a group's worth of
 * chance for every group and ignores that a few large firms dominate the spread, so s² came out ≤ 0
 * — every weight 0 — on data where firms do differ.) s² ≤ 0 means the spread is chance: every
 * estimate is its group's rate.
 */
export function fitCredibility(rows: readonly Exposed[]): CredibilityFit {
  const rated = rows.filter((r) => (r.exposure ?? 0) > 0);
  const groups = new Map<string, { cases: number; exposure: number; squares: number; n: number }>();
  for (const r of rated) {
    const e = r.exposure ?? 0;
    const g = groups.get(r.group) ?? { cases: 0, exposure: 0, squares: 0, n: 0 };
    g.cases += r.cases;
    g.exposure += e;
    g.squares += e * e;
    g.n += 1;
    groups.set(r.group, g);
  }
  const groupRates = new Map([...groups].map(([key, g]) => [key, g.cases / g.exposure]));
  if (rated.length === 0)
    return {
      k: null,
      overallRate: null,
      priorVariance: null,
      groupRates,
      rated: 0,
      weightsZeroBecause: 'too_few_employers',
    };
  let exposure = 0;
  let cases = 0;
  for (const r of rated) {
    exposure += r.exposure ?? 0;
    cases += r.cases;
  }
  const overallRate = cases / exposure;
  let q = 0;
  for (const r of rated) {
    const e = r.exposure ?? 0;
    q += e * (r.cases / e - (groupRates.get(r.group) ?? 0)) ** 2;
  }
  let chance = 0;
  let divisor = 0;
  for (const [key, g] of groups) {
    chance += (g.n - 1) * (groupRates.get(key) ?? 0);
    divisor += g.exposure - g.squares / g.exposure;
  }
  const fit = { overallRate, groupRates, rated: rated.length };
  if (divisor <= 0) return { ...fit, k: null, priorVariance: null, weightsZeroBecause: 'too_few_employers' };
  const priorVariance = (q - chance) / divisor;
  if (overallRate === 0) return { ...fit, k: null, priorVariance, weightsZeroBecause: 'no_cases' };
  if (priorVariance <= 0) return { ...fit, k: null, priorVariance, weightsZeroBecause: 'chance' };
  return { ...fit, k: overallRate / priorVariance, priorVariance, weightsZeroBecause: null };
}

/** Z = e / (e + k) and the shrunk rate Z·ρ + (1 − Z)·r_g = (x + k·r_g) / (e + k); nulls without exposure. */
export function shrink(row: Exposed, fit: CredibilityFit) {
  const e = row.exposure ?? 0;
  if (e <= 0) return { rawRate: null, credibility: null, groupRate: null, shrunkRate: null };
  const rawRate = row.cases / e;
  const groupRate = fit.groupRates.get(row.group) ?? rawRate;
  const credibility = fit.k === null ? 0 : e / (e + fit.k);
  return {
    rawRate,
    credibility,
    groupRate,
    shrunkRate: credibility * rawRate + (1 - credibility) * groupRate,
  };
}

/** Years of experience k falls back to when one year cannot tell the employers apart. */
export const FALLBACK_YEARS = 3;

/** An employer's exposure in one year, keyed by its id so years can be pooled. */
export interface ExposedEmployer extends Exposed {
  id: number;
}

export interface FallbackFit extends CredibilityFit {
  /** The years k was estimated from (both the fitted year when one year sufficed). */
  kFromYear: number;
  kToYear: number;
}

/**
 * The credibility fit of a year; when that year's spread is within chance (k null: often so with a
 * tenth of a case per employer), k is estimated again from the employers' last three years pooled
 * (cases and exposure summed over the years each has a denominator), as experience rating pools
 * three years (DOMAIN.md §7, NCCI). k is a property of the employers, not of one year: the
 * current year's rates and group rates stay as they are, only the weights use the pooled k. An
 * employer is pooled in the group of the fitted year (earlier years only where it is absent then).
 * `rowsOfYear` is called for the two earlier years only when the fallback is needed. The ranking
 * (AN-3) and the risk index (AN-5, decision 0035) both fit through this one function.
 */
export async function fitCredibilityWithFallback(
  year: number,
  rows: readonly ExposedEmployer[],
  rowsOfYear: (year: number) => Promise<readonly ExposedEmployer[]>,
): Promise<FallbackFit> {
  const fit = fitCredibility(rows);
  const one = { ...fit, kFromYear: year, kToYear: year };
  if (fit.k !== null || fit.weightsZeroBecause === 'too_few_employers') return one;
  const pooled = new Map<number, Exposed>();
  const add = (f: ExposedEmployer) => {
    if ((f.exposure ?? 0) <= 0) return;
    const p = pooled.get(f.id) ?? { group: f.group, cases: 0, exposure: 0 };
    p.cases += f.cases;
    p.exposure = (p.exposure ?? 0) + (f.exposure ?? 0);
    pooled.set(f.id, p);
  };
  rows.forEach(add);
  for (let y = year - FALLBACK_YEARS + 1; y < year; y++) (await rowsOfYear(y)).forEach(add);
  const three = fitCredibility([...pooled.values()]);
  if (three.k === null) return one;
  return {
    ...fit,
    k: three.k,
    priorVariance: three.priorVariance,
    weightsZeroBecause: null,
    kFromYear: year - FALLBACK_YEARS + 1,
    kToYear: year,
  };
}
