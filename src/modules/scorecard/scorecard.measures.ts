import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { today } from '../../platform/time.js';
import { describeTargets } from '../analytics/targets.service.js';
import { findPlanPeriod } from '../enterprises/enterprises.service.js';
import { listImplementationReports } from '../joint-meeting/implementation-reports.service.js';
import { listMeetings } from '../joint-meeting/meetings.service.js';
import { getMemberReportBoard } from '../joint-meeting/member-reports.service.js';
import { countRectificationsOnTime, listRectifications } from '../joint-meeting/rectifications.service.js';
import { summariseProjectsOfYear } from '../projects/report.service.js';
import { describeBaseCoverage } from '../publicity/bases.service.js';
import { describeQuotaBoard } from '../publicity/campaigns.service.js';
import { describeRateFloating } from '../rates/rating.service.js';
import { listRuleSets } from '../rates/rule-sets.service.js';
import { describeTrainingCoverage } from '../training/training.service.js';
import type { IndicatorKey, RuleSet } from './scorecard.data.js';

/** The jurisdiction an indicator is measured for (one row of the scorecard). */
export interface Unit {
  id: number;
  code: string;
  name: string;
  path: string;
  level: string;
}

/** Where the records behind a figure are: a page of the web app with its filter. */
export interface RecordsLink {
  path: string;
  query: Record<string, string>;
}

/**
 * A measured value, or why there is none: `not_assessed` when the owning module has no records or
 * use in the jurisdiction (不参与考核), never a 0.
 */
export type Measurement =
  | { assessed: true; value: number | string; display: string; link: RecordsLink }
  | { assessed: false; reason: string; link: RecordsLink };

export interface MeasureContext {
  db: Db;
  actor: Actor;
  /** The jurisdiction whose subordinates are assessed (the parent of the units, or the unit itself). */
  assessor: Unit;
  year: number;
  /** The year's end, or today for the running year. */
  asOf: string;
  now: Date;
  ruleSet: RuleSet;
  /** Shared across units: calls whose answer covers every unit at once. */
  cache: Map<string, Promise<unknown>>;
}

const pct1 = (n: number, d: number) => Math.round((n / d) * 1000) / 10;
const link = (path: string, query: Record<string, string>): RecordsLink => ({ path, query });
const once = <T>(ctx: MeasureContext, key: string, load: () => Promise<T>): Promise<T> => {
  let hit = ctx.cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    ctx.cache.set(key, hit);
  }
  return hit;
};
/** The day an instant falls on in China. */
const dayOf = (iso: string) => today(new Date(iso));

type Measure = (ctx: MeasureContext, unit: Unit) => Promise<Measurement>;

/**
 * The targets page of the plan period in force in the assessed year (2025 → 2021–2025, 2026 →
 * 2026–2030), so a past year is judged on its own plan and data up to its year, not on today's.
 */
async function targetsOfYear(ctx: MeasureContext, unit: Unit) {
  const period = await once(ctx, 'plan-period', () => findPlanPeriod(ctx.db, undefined, ctx.year));
  const targets = await once(ctx, `targets:${unit.code}`, () =>
    describeTargets(ctx.db, ctx.actor, { jurisdiction: unit.code, planPeriod: period.code }),
  );
  return { targets, l: link('/analytics/targets', { jurisdiction: unit.code, planPeriod: period.code }) };
}

/** Each indicator's measure: the owning module's exported function, read, never recounted. */
export const MEASURES: Record<IndicatorKey, Measure> = {
  /** A meeting of the unit's own joint meeting held in the year on or after the fund's final accounts. */
  async meetingAfterAccounts(ctx, unit) {
    const l = link('/joint-meeting/meetings', { jurisdiction: unit.code, year: String(ctx.year) });
    const all = (await listMeetings(ctx.db, ctx.actor, { jurisdiction: unit.code })).items.filter(
      (m) => m.jurisdictionCode === unit.code,
    );
    if (all.length === 0) return { assessed: false, reason: 'no_meetings', link: l };
    const from = `${ctx.year}-${ctx.ruleSet.fundAccountsClosedBy}`;
    const held = all
      .filter((m) => (m.status === 'held' || m.status === 'minutes_approved') && m.heldOn !== null)
      .map((m) => m.heldOn as string)
      .filter((d) => d >= from && d <= `${ctx.year}-12-31`)
      .sort();
    return held.length > 0
      ? { assessed: true, value: 1, display: `是（${held[0]}）`, link: l }
      : { assessed: true, value: 0, display: `否（${from}后未召开）`, link: l };
  },

  /** Member units whose yearly report was submitted by the due date, of all member units. */
  async memberReportsOnTime(ctx, unit) {
    const l = link('/joint-meeting/yearly-reports', {
      jurisdiction: unit.code,
      year: String(ctx.year),
      tab: 'member',
    });
    const board = await getMemberReportBoard(
      ctx.db,
      ctx.actor,
      { jurisdiction: unit.code, year: ctx.year },
      ctx.now,
    );
    if (board.items.length === 0) return { assessed: false, reason: 'no_member_units', link: l };
    if (today(ctx.now) <= board.dueDate && board.items.some((u) => u.submittedAt === null))
      return { assessed: false, reason: 'not_due', link: l };
    const onTime = board.items.filter(
      (u) =>
        (u.status === 'submitted' || u.status === 'accepted') &&
        u.submittedAt !== null &&
        dayOf(u.submittedAt) <= board.dueDate,
    ).length;
    const value = pct1(onTime, board.items.length);
    return { assessed: true, value, display: `${value}%（${onTime}/${board.items.length}）`, link: l };
  },

  /** The unit's yearly implementation report submitted to the assessor by its due date. */
  async yearlyReportOnTime(ctx, unit) {
    const l = link('/joint-meeting/yearly-reports', {
      jurisdiction: ctx.assessor.code,
      year: String(ctx.year),
    });
    if (unit.code === ctx.assessor.code) return { assessed: false, reason: 'no_superior_view', link: l };
    const list = await once(ctx, 'implementation-reports', () =>
      listImplementationReports(
        ctx.db,
        ctx.actor,
        { jurisdiction: ctx.assessor.code, year: ctx.year },
        ctx.now,
      ),
    );
    const own = list.subordinates.find((s) => s.code === unit.code);
    if (!own || own.dueDate === null) return { assessed: false, reason: 'not_reporting', link: l };
    const submitted = own.submittedAt !== null && (own.status === 'submitted' || own.status === 'accepted');
    if (!submitted && today(ctx.now) <= own.dueDate) return { assessed: false, reason: 'not_due', link: l };
    const onTime = submitted && dayOf(own.submittedAt as string) <= own.dueDate;
    return {
      assessed: true,
      value: onTime ? 1 : 0,
      display: onTime
        ? `是（${dayOf(own.submittedAt as string)}）`
        : `否（应于${own.dueDate}前${submitted ? `，${dayOf(own.submittedAt as string)}报送` : '，未报送'}）`,
      link: l,
    };
  },

  /** Rectification suggestions due in the year (to date) that were closed by their deadline. */
  async rectificationsOnTime(ctx, unit) {
    const l = link('/joint-meeting/rectifications', { jurisdiction: unit.code, year: String(ctx.year) });
    const { items } = await listRectifications(
      ctx.db,
      ctx.actor,
      { jurisdiction: unit.code, year: ctx.year },
      ctx.now,
    );
    // The rule is the rectifications module's: its page shows the same two counts for the year.
    const { due, closedOnTime } = countRectificationsOnTime(items, ctx.year, ctx.asOf);
    if (due === 0) return { assessed: false, reason: 'none_due', link: l };
    const value = pct1(closedOnTime, due);
    return { assessed: true, value, display: `${value}%（${closedOnTime}/${due}）`, link: l };
  },

  /** The targets page's status of the unit's key-industry injury rate against the plan's path. */
  async accidentRatePath(ctx, unit) {
    const { targets, l } = await targetsOfYear(ctx, unit);
    const t = targets.jurisdiction;
    if (t.status === 'no_baseline' || t.status === 'not_started')
      return { assessed: false, reason: t.status, link: l };
    const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));
    return {
      assessed: true,
      value: t.status,
      display: `${STATUS_ZH[t.status]}（${t.latestYear}年 ${fmt(t.latest)}‰，路径 ${fmt(t.requiredLatest)}‰）`,
      link: l,
    };
  },

  /** The targets page's projected yearly change of the pneumoconiosis rate. */
  async pneumoconiosisTrend(ctx, unit) {
    const { targets, l } = await targetsOfYear(ctx, unit);
    const projection = targets.pneumoconiosis.projection;
    if (!projection) return { assessed: false, reason: 'too_few_years', link: l };
    const value = Math.round(projection.annualChangePct * 10) / 10;
    return { assessed: true, value, display: `${value > 0 ? '+' : ''}${value}%/年`, link: l };
  },

  /** Paid ÷ budget of the year's prevention-fee budgets (the yearly report's 预算执行率). */
  async feeExecution(ctx, unit) {
    const l = link('/finance', { jurisdiction: unit.code, year: String(ctx.year) });
    const p = await once(ctx, `projects:${unit.code}`, () => summariseProjectsOfYear(ctx.db, unit, ctx.year));
    if (p.budgets === 0 || p.budgetFen === 0) return { assessed: false, reason: 'no_budget', link: l };
    const value = Math.round((p.paidFen * 10000) / p.budgetFen) / 100;
    return { assessed: true, value, display: `${value}%`, link: l };
  },

  /** Accepted ÷ approved projects of the year. */
  async projectAcceptance(ctx, unit) {
    const l = link('/projects', { jurisdiction: unit.code, year: String(ctx.year) });
    const p = await once(ctx, `projects:${unit.code}`, () => summariseProjectsOfYear(ctx.db, unit, ctx.year));
    if (p.approved === 0) return { assessed: false, reason: 'no_projects', link: l };
    const value = pct1(p.accepted, p.approved);
    return { assessed: true, value, display: `${value}%（${p.accepted}/${p.approved}）`, link: l };
  },

  /** The coverage page's key-post training coverage as of the year's end (or today). */
  async trainingCoverage(ctx, unit) {
    const l = link('/training', { jurisdiction: unit.code });
    const c = await describeTrainingCoverage(ctx.db, ctx.actor, { jurisdiction: unit.code, asOf: ctx.asOf });
    if (c.totals.posts === 0 || c.totals.coveragePct === null)
      return { assessed: false, reason: 'no_key_posts', link: l };
    return {
      assessed: true,
      value: c.totals.coveragePct,
      display: `${c.totals.coveragePct}%（${c.totals.trained}/${c.totals.due}）`,
      link: l,
    };
  },

  /** The quota board's share of key industry × area cells with a campaign held. */
  async campaignQuota(ctx, unit) {
    const l = link('/publicity', { jurisdiction: unit.code, year: String(ctx.year) });
    const board = await describeQuotaBoard(ctx.db, ctx.actor, { jurisdiction: unit.code, year: ctx.year });
    const s = board.summary;
    if (s.reach.campaigns === 0 || s.heldPct === null)
      return { assessed: false, reason: 'no_campaigns', link: l };
    return { assessed: true, value: s.heldPct, display: `${s.heldPct}%（${s.held}/${s.cells}）`, link: l };
  },

  /** The base-coverage page: counties with a base (a prefecture), or a base at all (a county). */
  async warningBases(ctx, unit) {
    const l = link('/publicity', { jurisdiction: unit.code, tab: 'bases' });
    const c = (await describeBaseCoverage(ctx.db, ctx.actor, { jurisdiction: unit.code })).summary;
    if (c.bases === 0) return { assessed: false, reason: 'no_bases', link: l };
    const [covered, of] =
      unit.level === 'province'
        ? [c.prefecturesCovered, c.prefectures]
        : unit.level === 'prefecture'
          ? [c.countiesCovered, c.counties]
          : [1, 1];
    if (of === 0) return { assessed: false, reason: 'no_areas', link: l };
    const value = pct1(covered, of);
    return { assessed: true, value, display: `${value}%（${covered}/${of}）`, link: l };
  },

  /**
   * Whether floating ran for the year's rates of the unit's pooling area (统筹地区: the unit or the
   * nearest ancestor with a rule set); not assessed where no rule set covers the unit.
   */
  async rateFloating(ctx, unit) {
    const l = link('/rates', { jurisdiction: unit.code, year: String(ctx.year), tab: 'runs' });
    const effect = await describeRateFloating(ctx.db, ctx.actor, { jurisdiction: unit.code, year: ctx.year });
    if (effect.ran) return { assessed: true, value: 1, display: `是（${effect.rated}家已评定）`, link: l };
    const ruleSets = await once(ctx, 'rate-rule-sets', () => listRuleSets(ctx.db, ctx.actor));
    const chain = unit.path.split('/');
    const pooling = [...chain]
      .reverse()
      .find((code) => ruleSets.items.some((r) => r.jurisdictionCode === code));
    if (!pooling) return { assessed: false, reason: 'no_rule_set', link: l };
    if (pooling !== unit.code) {
      // Pooled above: the area's run covers the unit, when the viewer may see the area.
      const poolingPath = chain.slice(0, chain.indexOf(pooling) + 1).join('/');
      const mine = ctx.actor.jurisdictionPath;
      if (poolingPath !== mine && !poolingPath.startsWith(`${mine}/`))
        return { assessed: false, reason: 'pooled_above', link: l };
      const area = await once(ctx, `rates:${pooling}`, () =>
        describeRateFloating(ctx.db, ctx.actor, { jurisdiction: pooling, year: ctx.year }),
      );
      if (area.ran)
        return { assessed: true, value: 1, display: `是（统筹地区${area.rated}家已评定）`, link: l };
    }
    return { assessed: true, value: 0, display: '否', link: l };
  },
};

const STATUS_ZH: Record<string, string> = { on_track: '符合进度', at_risk: '存在风险', off_track: '滞后' };
