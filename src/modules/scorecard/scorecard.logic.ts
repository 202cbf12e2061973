import type { FieldError } from '../../platform/http/errors.js';
import { indicatorOf, type RuleSet, type ScoringRule } from './scorecard.data.js';

/**
 * Every way a rule set breaks the rules, each naming its field (indicators.3.indicator,
 * indicators.weight …); empty when it is sound.
 */
export function checkRuleSet(ruleSet: RuleSet): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  ruleSet.indicators.forEach((entry, i) => {
    const def = indicatorOf(entry.indicator);
    if (!def) {
      errors.push({
        field: `indicators.${i}.indicator`,
        code: 'unknown_indicator',
        message: `unknown indicator ${entry.indicator}`,
      });
      return;
    }
    if (seen.has(entry.indicator))
      errors.push({
        field: `indicators.${i}.indicator`,
        code: 'duplicate_indicator',
        message: `${entry.indicator} appears twice`,
      });
    seen.add(entry.indicator);
    const rule = entry.rule;
    if ((rule.kind === 'levels') !== (def.valueKind === 'category'))
      errors.push({
        field: `indicators.${i}.rule.kind`,
        code: 'rule_kind',
        message:
          def.valueKind === 'category'
            ? `${entry.indicator} is a category: use a levels rule`
            : `${entry.indicator} is a number: use linear, atLeast or atMost`,
      });
    if (rule.kind === 'levels' && def.categories)
      for (const name of Object.keys(rule.levels))
        if (!def.categories.includes(name))
          errors.push({
            field: `indicators.${i}.rule.levels.${name}`,
            code: 'unknown_level',
            message: `${entry.indicator} has no level ${name} (${def.categories.join(', ')})`,
          });
    if (rule.kind === 'linear' && !(rule.fullAt > 0))
      errors.push({
        field: `indicators.${i}.rule.fullAt`,
        code: 'positive',
        message: 'fullAt must be above 0',
      });
  });
  const sum = ruleSet.indicators.reduce((a, e) => a + e.weight, 0);
  if (Math.abs(sum - ruleSet.totalWeight) > 1e-9)
    errors.push({
      field: 'indicators.weight',
      code: 'weights_sum',
      message: `the weights add up to ${round2(sum)}, not ${ruleSet.totalWeight}`,
    });
  return errors;
}

/** Two decimals, half up (EPSILON keeps 60.475 from rounding down as 60.474999…). */
export const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

/** The share (0…1) of its weight an indicator earns for a measured value. */
export function shareOf(rule: ScoringRule, value: number | string): number {
  switch (rule.kind) {
    case 'linear':
      return Math.max(0, Math.min(1, Number(value) / rule.fullAt));
    case 'atLeast':
      return Number(value) >= rule.threshold ? 1 : 0;
    case 'atMost':
      return Number(value) <= rule.threshold ? 1 : 0;
    case 'levels':
      return rule.levels[String(value)] ?? 0;
  }
}

/**
 * The total re-based on the weights assessed (decision 0038): Σ scores ÷ Σ assessed weights ×
 * the rule set's total, so an indicator that is not assessed neither costs nor earns. Null when
 * nothing is assessed.
 */
export function rebasedTotal(
  items: { assessed: boolean; weight: number; score: number | null }[],
  totalWeight: number,
): { total: number | null; assessedWeight: number; rawScore: number } {
  const assessed = items.filter((i) => i.assessed);
  const assessedWeight = assessed.reduce((a, i) => a + i.weight, 0);
  // In hundredths of a point, so that 48.38 ÷ 80 × 100 = 60.475 rounds half up to 60.48 exactly.
  const rawCents = Math.round(assessed.reduce((a, i) => a + (i.score ?? 0), 0) * 100);
  return {
    total: assessedWeight > 0 ? Math.round((rawCents * totalWeight) / assessedWeight) / 100 : null,
    assessedWeight: round2(assessedWeight),
    rawScore: rawCents / 100,
  };
}

/** Ranks by total, highest first; equal totals share a rank (1, 1, 3); no total, no rank (last). */
export function rankByTotal<T extends { total: number | null; code: string }>(units: T[]) {
  const sorted = [...units].sort(
    (a, b) =>
      (b.total ?? Number.NEGATIVE_INFINITY) - (a.total ?? Number.NEGATIVE_INFINITY) ||
      a.code.localeCompare(b.code),
  );
  return sorted.map((u) => ({
    ...u,
    rank:
      u.total === null
        ? null
        : 1 + sorted.filter((o) => o.total !== null && o.total > (u.total as number)).length,
  }));
}
