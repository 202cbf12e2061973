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
  /** Between-employer variance of true rates around their group rate, per person². */
  priorVariance: number | null;
  /** Rate per person of each group over its rated employers. */
  groupRates: Map<string, number>;
  rated: number;
}

/**
 * Fits k from the data. With ρ_i = x_i / e_i, E = Σe_i, ē = E / n, m = Σx_i / E and r_g the group
 * rate: s² = Σ e_i (ρ_i − r_g(i))² / E − m / ē (observed spread less what Poisson chance alone
 * gives), and k = m / s². s² ≤ 0 means the spread is chance: every estimate is its group's rate.
 */
export function fitCredibility(rows: readonly Exposed[]): CredibilityFit {
  const rated = rows.filter((r) => (r.exposure ?? 0) > 0);
  const groups = new Map<string, { cases: number; exposure: number }>();
  for (const r of rated) {
    const g = groups.get(r.group) ?? { cases: 0, exposure: 0 };
    g.cases += r.cases;
    g.exposure += r.exposure ?? 0;
    groups.set(r.group, g);
  }
  const groupRates = new Map([...groups].map(([key, g]) => [key, g.cases / g.exposure]));
  if (rated.length === 0) return { k: null, overallRate: null, priorVariance: null, groupRates, rated: 0 };
  let exposure = 0;
  let cases = 0;
  for (const r of rated) {
    exposure += r.exposure ?? 0;
    cases += r.cases;
  }
  const overallRate = cases / exposure;
  let spread = 0;
  for (const r of rated) {
    const e = r.exposure ?? 0;
    spread += e * (r.cases / e - (groupRates.get(r.group) ?? 0)) ** 2;
  }
  const priorVariance = spread / exposure - overallRate / (exposure / rated.length);
  const k = priorVariance > 0 && overallRate > 0 ? overallRate / priorVariance : null;
  return { k, overallRate, priorVariance, groupRates, rated: rated.length };
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
