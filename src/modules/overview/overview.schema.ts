import { z } from 'zod';
import { ZCountingOptions, ZRefreshing } from '../analytics/analytics.schema.js';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

const ZYear = z.coerce.number().int().min(2000).max(2100);

export const ZOverviewQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional().describe("Default: the actor's own jurisdiction"),
  year: ZYear.optional().describe('Default: the latest year with data (as the dashboard)'),
  indicator: z
    .string()
    .min(1)
    .default('injury_rate_per_1000')
    .describe('The indicator the map of the children is coloured by'),
});

export const ZOverviewVersionQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
});

export const ZOverviewVersion = z
  .object({
    version: z
      .string()
      .describe(
        'Changes when any figure of the overview may have changed: the analytics version (decision 0015), the date, and the overdue items. Poll it; fetch /api/overview when it changes',
      ),
    analyticsVersion: z.number().int(),
    asOf: z.string().describe('Today in China (YYYY-MM-DD): overdue is counted against it'),
  })
  .meta({ id: 'OverviewVersion' });

const ZFigure = z.object({
  label: z.string(),
  value: z.number(),
  unit: z.string().optional(),
  tone: z.enum(['good', 'warn', 'bad']).optional(),
});

export const ZOverviewPanel = z
  .object({
    key: z.string(),
    title: z.string(),
    status: z
      .enum(['ok', 'no_data', 'unavailable'])
      .describe('unavailable: the source failed (logged); the other panels are still shown'),
    figures: z.array(ZFigure),
  })
  .meta({ id: 'OverviewPanel' });

const ZOverdueBase = z.object({
  id: z.number().int(),
  jurisdictionName: z.string(),
  deadline: z.string(),
  daysOverdue: z.number().int(),
});

export const ZOverview = z
  .object({
    version: z.string().describe('The version these figures belong to (as /api/overview/version)'),
    asOf: z.string(),
    jurisdiction: z.object({
      code: z.string(),
      name: z.string(),
      level: z.string(),
      provinceCode: z.string().describe('The province whose boundaries the map draws'),
    }),
    year: z.number().int(),
    partial: z.boolean().describe('The year is not over: its figures are partial'),
    options: ZCountingOptions,
    refreshing: ZRefreshing,
    headline: z
      .array(
        z.object({
          code: z.string(),
          name: z.string(),
          unit: z.string(),
          decimals: z.number().int(),
          direction: z.enum(['lower', 'higher']),
          value: z.number().nullable(),
          previous: z.number().nullable(),
          changePct: z.number().nullable(),
        }),
      )
      .describe("The dashboard's headline figures, unchanged (GET /api/analytics/dashboard)"),
    target: z
      .object({
        indicator: z.string(),
        planPeriod: z.object({
          code: z.string(),
          name: z.string(),
          baselineYear: z.number().int(),
          endYear: z.number().int(),
          targetReductionPct: z.number(),
        }),
        baseline: z.number().nullable(),
        target: z.number().nullable(),
        latestYear: z.number().int().nullable(),
        latest: z.number().nullable(),
        latestProvisional: z.boolean(),
        requiredLatest: z.number().nullable(),
        status: z.enum(['on_track', 'at_risk', 'off_track', 'no_baseline', 'not_started']),
        series: z.array(
          z.object({
            year: z.number().int(),
            value: z.number().nullable(),
            required: z.number().nullable(),
            partial: z.boolean(),
          }),
        ),
      })
      .nullable()
      .describe(
        "The key-industry rate against the plan's target (GET /api/analytics/targets); null without a plan",
      ),
    map: z.object({
      indicator: z.object({
        code: z.string(),
        name: z.string(),
        unit: z.string(),
        decimals: z.number().int(),
        direction: z.enum(['lower', 'higher']),
      }),
      definition: z.string(),
      children: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          value: z.number().nullable(),
          numerator: z.number(),
          denominator: z.number().nullable(),
        }),
      ),
    }),
    trend: z.array(z.object({ year: z.number().int(), value: z.number().nullable(), partial: z.boolean() })),
    keyIndustries: z.object({
      definition: z.string(),
      injuries: z
        .number()
        .describe('Injuries of the year in the jurisdiction (the dashboard’s injury_count)'),
      items: z.array(
        z.object({
          id: z.number().int(),
          name: z.string(),
          injuries: z.number(),
          sharePct: z.number().nullable().describe('Of all injuries of the year; null when there are none'),
        }),
      ),
    }),
    overdue: z.object({
      actionItems: z.object({
        total: z.number().int(),
        items: z.array(ZOverdueBase.extend({ title: z.string(), unitName: z.string() })),
      }),
      rectifications: z.object({
        total: z.number().int(),
        items: z.array(
          ZOverdueBase.extend({
            findingKind: z.string(),
            responsibleName: z.string(),
            isEscalated: z.boolean(),
          }),
        ),
      }),
    }),
    panels: z.array(ZOverviewPanel),
  })
  .meta({ id: 'Overview' });

export type Overview = z.infer<typeof ZOverview>;
export type OverviewPanel = z.infer<typeof ZOverviewPanel>;
