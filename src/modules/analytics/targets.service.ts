import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import type { Language } from '../../platform/i18n/messages.js';
import { currentYear, now } from '../../platform/time.js';
import {
  findDocumentTargets,
  findPlanPeriod,
  type PeriodTargets,
} from '../enterprises/enterprises.service.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { resolveSetting, updateSettings } from '../settings/settings.service.js';
import { TARGETS_SETTING } from './analytics.settings.js';
import { latestAnalyticsYear } from './cube.js';
import type { CountingOptions } from './elements.js';
import { type QueryInput, queryIndicator } from './query.service.js';
import { describePendingRefreshes } from './refresh.js';

/** The indicator the plans' targets are set on: the key-industry injury rate (J 二(一)). */
export const TARGET_INDICATOR = 'injury_rate_per_1000';

export type TargetStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_baseline' | 'not_started';

export interface TargetPoint {
  year: number;
  value: number | null;
  required: number | null;
  partial: boolean;
}

/** Two-sided 80 % Student t quantiles (0.90) by degrees of freedom; ≥ 30 uses the normal value. */
const T90 = [
  0, 3.078, 1.886, 1.638, 1.533, 1.476, 1.44, 1.415, 1.397, 1.383, 1.372, 1.363, 1.356, 1.35, 1.345, 1.341,
];
const t90 = (df: number) => T90[df] ?? (df < 30 ? 1.32 : 1.282);

/**
 * Projects ln(rate) = a + b·year by least squares to `year`, with an 80 % prediction interval.
 * Needs at least three positive values (two leave no error to estimate).
 */
export function projectRate(points: { year: number; value: number }[], year: number) {
  const usable = points.filter((p) => p.value > 0);
  const n = usable.length;
  if (n < 3) return null;
  const xs = usable.map((p) => p.year);
  const ys = usable.map((p) => Math.log(p.value));
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const b = xs.reduce((a, x, i) => a + (x - mx) * ((ys[i] as number) - my), 0) / sxx;
  const a = my - b * mx;
  const residual = ys.reduce((acc, y, i) => acc + (y - (a + b * (xs[i] as number))) ** 2, 0);
  const s = Math.sqrt(residual / (n - 2));
  const fit = a + b * year;
  const half = t90(n - 2) * s * Math.sqrt(1 + 1 / n + (year - mx) ** 2 / sxx);
  return {
    year,
    value: Math.exp(fit),
    low: Math.exp(fit - half),
    high: Math.exp(fit + half),
    /** Average yearly change of the fitted trend, percent. */
    annualChangePct: (Math.exp(b) - 1) * 100,
    points: n,
  };
}

/** The rate the plan requires in a year: baseline × (1 − R)^(elapsed ÷ period), compounding evenly. */
export function requiredRate(
  baseline: number,
  reductionPct: number,
  baselineYear: number,
  endYear: number,
  year: number,
) {
  return baseline * (1 - reductionPct / 100) ** ((year - baselineYear) / (endYear - baselineYear));
}

export function statusOf(input: {
  baseline: number | null;
  latest: TargetPoint | null;
  previous: TargetPoint | null;
  target: number | null;
  projection: ReturnType<typeof projectRate>;
  annualReductionPct: number | null;
}): TargetStatus {
  const { baseline, latest, previous, target, projection } = input;
  // A baseline of 0.000 is a baseline: the path stays at 0, and only a latest 0 keeps to it.
  if (baseline === null || target === null) return 'no_baseline';
  if (!latest || latest.value === null || latest.required === null) return 'not_started';
  const onPath = latest.value <= latest.required;
  const annualMet =
    input.annualReductionPct === null || previous?.value == null
      ? true
      : latest.value <= previous.value * (1 - input.annualReductionPct / 100);
  const projected = projection ? projection.value <= target : onPath;
  if (onPath && projected && annualMet) return 'on_track';
  if (!onPath && !projected) return 'off_track';
  return 'at_risk';
}

/**
 * The current year so far as the latest point when the period has no complete year yet (the first
 * year of a plan): the rate scaled to a whole year by the share of the year elapsed (cases so far ÷
 * average insured so far × days in year ÷ days elapsed). Determinations lag the injury by weeks, so
 * it errs low; the UI marks it provisional (暂估).
 */
export function provisionalPoint(
  series: TargetPoint[],
  baselineYear: number,
  today: Date,
): TargetPoint | null {
  const current = series.find((p) => p.partial && p.year > baselineYear && p.value !== null);
  if (!current || current.value === null) return null;
  const start = Date.UTC(current.year, 0, 1);
  const end = Date.UTC(current.year + 1, 0, 1);
  const elapsed = Math.min(1, Math.max(0, (today.getTime() - start) / (end - start)));
  if (elapsed < 1 / 12) return null; // less than a month: too little to scale
  return { ...current, value: current.value / elapsed };
}

export interface TargetsInput {
  jurisdiction?: string;
  planPeriod?: string;
  yearBasis?: CountingOptions['yearBasis'];
  countUnit?: CountingOptions['countUnit'];
  groundScope?: CountingOptions['groundScope'];
  denominator?: CountingOptions['denominator'];
}

/** AN-2: per jurisdiction and its children, the key-industry rate against the plan's path. */
export async function describeTargets(db: Db, actor: Actor, input: TargetsInput, lang: Language = 'zh') {
  const thisYear = currentYear();
  const latestData = (await latestAnalyticsYear(db)) ?? thisYear - 1;
  // By default the plan in force for the latest data year (the current plan once its first year has data).
  const period = await findPlanPeriod(db, input.planPeriod, Math.min(latestData, thisYear));
  const lastYear = Math.max(period.baselineYear, Math.min(period.endYear, latestData));
  const base: QueryInput = {
    indicator: TARGET_INDICATOR,
    jurisdiction: input.jurisdiction,
    planPeriod: period.code,
    keyIndustries: 'all',
    fromYear: period.baselineYear,
    year: lastYear,
    rows: 'jurisdiction',
    columns: 'year',
    yearBasis: input.yearBasis,
    countUnit: input.countUnit,
    groundScope: input.groundScope,
    denominator: input.denominator,
  };
  const byChild = await queryIndicator(db, actor, base, lang);
  const own = await queryIndicator(db, actor, { ...base, rows: 'year', columns: undefined }, lang);
  const pneumoconiosis = await queryIndicator(
    db,
    actor,
    {
      ...base,
      indicator: 'pneumoconiosis_rate_per_100k',
      keyIndustries: undefined,
      rows: 'year',
      columns: undefined,
      fromYear: period.baselineYear,
    },
    lang,
  );
  const scope = await getJurisdictionInScope(db, actor, input.jurisdiction ?? actor.jurisdictionCode);
  const targets = await resolveTargets(db, scope.path, period);
  const reduction = targets.targetReductionPct;
  const annual = targets.annualReductionPct;
  const partial = new Set(own.partialYears);

  const assess = (code: string, name: string, values: Map<number, number | null>) => {
    const baseline = values.get(period.baselineYear) ?? null;
    const series: TargetPoint[] = byChild.years.map((year) => ({
      year,
      value: values.get(year) ?? null,
      required:
        baseline !== null
          ? requiredRate(baseline, reduction, period.baselineYear, period.endYear, year)
          : null,
      partial: partial.has(year),
    }));
    const complete = series.filter((p) => !p.partial && p.year > period.baselineYear && p.value !== null);
    const provisional = complete.length === 0 ? provisionalPoint(series, period.baselineYear, now()) : null;
    const latest = complete[complete.length - 1] ?? provisional;
    const previous = latest ? (series.find((p) => p.year === latest.year - 1) ?? null) : null;
    const target = baseline !== null ? baseline * (1 - reduction / 100) : null;
    const projection = projectRate(
      series
        .filter((p) => !p.partial && p.value !== null)
        .map((p) => ({ year: p.year, value: p.value as number })),
      period.endYear,
    );
    return {
      code,
      name,
      baseline,
      target,
      latestYear: latest?.year ?? null,
      latest: latest?.value ?? null,
      /** The latest is the current year so far, scaled to a whole year (no complete year yet). */
      latestProvisional: provisional !== null && latest === provisional,
      changePct: baseline && latest?.value != null ? ((latest.value - baseline) / baseline) * 100 : null,
      requiredLatest: latest?.required ?? null,
      status: statusOf({ baseline, latest, previous, target, projection, annualReductionPct: annual }),
      projection,
      series,
    };
  };
  const ownValues = new Map(own.cells.map((c) => [Number(c.row), c.value]));
  const children = byChild.rows.items.map((r) =>
    assess(
      r.key || byChild.jurisdiction.code,
      r.label,
      new Map(byChild.cells.filter((c) => c.row === r.key).map((c) => [Number(c.column), c.value])),
    ),
  );
  return {
    refreshing: await describePendingRefreshes(db, scope.path),
    planPeriod: {
      code: period.code,
      name: period.name,
      baselineYear: period.baselineYear,
      startYear: period.startYear,
      endYear: period.endYear,
      targetReductionPct: reduction,
      annualReductionPct: annual,
      /** Where the targets come from: the plan (null) or the jurisdiction that set its own. */
      targetsDefinedAt: targets.definedAt,
      /** The document clause the targets are quoted from; null for a jurisdiction's own override. */
      targetsSource: ('source' in targets ? targets.source : null) ?? null,
    },
    definition: own.definition,
    options: own.options,
    jurisdiction: assess(byChild.jurisdiction.code, byChild.jurisdiction.name, ownValues),
    children,
    pneumoconiosis: {
      definition: pneumoconiosis.definition,
      series: pneumoconiosis.cells.map((c) => ({
        year: Number(c.row),
        value: c.value,
        partial: partial.has(Number(c.row)),
      })),
      projection: projectRate(
        pneumoconiosis.cells
          .filter((c) => c.value !== null && !partial.has(Number(c.row)))
          .map((c) => ({ year: Number(c.row), value: c.value as number })),
        period.endYear,
      ),
    },
  };
}

/** The national plan's targets of a period: the default of the period's targets setting. */
function targetsSettingOf(period: {
  code: string;
  targetReductionPct: string | number;
  annualReductionPct: string | number | null;
}) {
  return TARGETS_SETTING.of(period.code, {
    targetReductionPct: Number(period.targetReductionPct),
    annualReductionPct: period.annualReductionPct === null ? null : Number(period.annualReductionPct),
  });
}

/**
 * A jurisdiction may set its own targets for a plan period (a province stricter than the national
 * plan); they apply to it and below unless a lower jurisdiction sets its own.
 */
export async function resolveTargets(db: Db, path: string, period: PeriodTargets) {
  const resolved = await resolveSetting(db, path, targetsSettingOf(period));
  if (resolved.source !== 'default')
    return { ...resolved.value, definedAt: resolved.definedAt, source: null };
  // Without an override: the province's own plan, else the national one (plan_period_targets).
  return findDocumentTargets(db, path, period);
}

export async function updateTargets(
  db: Db,
  actor: Actor,
  jurisdictionCode: string,
  input: {
    planPeriod: string;
    targetReductionPct: number;
    annualReductionPct: number | null;
    reason: string;
  },
) {
  const j = await getJurisdictionInScope(db, actor, jurisdictionCode);
  const period = await findPlanPeriod(db, input.planPeriod);
  await updateSettings(db, actor, {
    jurisdiction: j,
    changes: [
      {
        setting: targetsSettingOf(period),
        value: { targetReductionPct: input.targetReductionPct, annualReductionPct: input.annualReductionPct },
      },
    ],
    reason: input.reason,
  });
  return { jurisdiction: j.code, planPeriod: period.code, ...(await resolveTargets(db, j.path, period)) };
}
