import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import type { Language } from '../../platform/i18n/messages.js';
import { currentYear, daysBetween, now, today } from '../../platform/time.js';
import { describeDashboard, readAnalyticsVersion } from '../analytics/dashboard.service.js';
import { queryIndicator } from '../analytics/query.service.js';
import { describeTargets, TARGET_INDICATOR } from '../analytics/targets.service.js';
import { listActionItems } from '../joint-meeting/action-items.service.js';
import { listRectifications } from '../joint-meeting/rectifications.service.js';
import { readWorkflowStamp } from '../joint-meeting/workflow.queries.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import type { Overview, OverviewPanel } from './overview.schema.js';

/**
 * A panel of the overview screen another module writes (AN-7): `app.ts` hands the list in, as it
 * does the yearly report's sections, so the overview imports no module for its extra panels. The
 * scope is already checked against the actor; a source gives figures only — never a person.
 * `lang` is optional: a source that ignores it answers in Chinese.
 */
export interface OverviewSource {
  key: string;
  title: string;
  /** The title in English (the screen falls back to `title`). */
  titleEn?: string;
  describe(
    db: Db,
    scope: { code: string; path: string },
    year: number,
    asOf: string,
    lang?: Language,
  ): Promise<{
    status: 'ok' | 'no_data';
    figures: { label: string; value: number; unit?: string; tone?: 'good' | 'warn' | 'bad' }[];
  }>;
  /**
   * A cheap stamp (primary-key maxima, a counter: no scan) that moves whenever the panel's figures
   * may have changed; it becomes part of the overview's version. Without it the panel is outside the
   * version and an assembled overview is kept at most `UNSTAMPED_TTL_MS`.
   */
  stamp?(db: Db): Promise<string>;
}

export interface OverviewInput {
  jurisdiction?: string;
  year?: number;
  indicator: string;
}

/** Rows kept of the overdue lists (the screen shows fewer; the totals count them all). */
const OVERDUE_ROWS = 20;

/** FNV-1a of a string, as 8 hex digits: a short, stable digest for the version. */
function digest(text: string) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The overdue action items and rectifications the actor may see in the subtree (the joint meeting's
 * own lists, so a member unit sees only its own, as on its pages). No employer name, finding text
 * or person: the unit answerable, the place and the days overdue.
 */
async function describeOverdue(db: Db, actor: Actor, code: string, at: Date, asOf: string) {
  const [items, rects] = await Promise.all([
    listActionItems(db, actor, { jurisdiction: code, isOverdue: true }, at),
    listRectifications(db, actor, { jurisdiction: code, isOverdue: true }, at),
  ]);
  const actionItems = items.items.map((i) => ({
    id: i.id,
    jurisdictionName: i.jurisdictionName,
    deadline: i.deadline,
    daysOverdue: daysBetween(i.deadline, asOf),
    title: i.title,
    unitName: i.organisationName,
  }));
  const rectifications = rects.items.map((r) => ({
    id: r.id,
    jurisdictionName: r.jurisdictionName,
    deadline: r.deadline,
    daysOverdue: daysBetween(r.deadline, asOf),
    findingKind: r.findingKind,
    responsibleName: r.responsibleName,
    isEscalated: r.escalatedAt !== null,
  }));
  return {
    overdue: {
      actionItems: { total: items.total, items: actionItems.slice(0, OVERDUE_ROWS) },
      rectifications: { total: rects.total, items: rectifications.slice(0, OVERDUE_ROWS) },
    },
  };
}

/**
 * The version the screen polls: the analytics version (bumped in every writer's transaction of what
 * the figures read, decision 0015), today (overdue is counted against it), the joint meeting's stamp
 * (action items, rectifications and their follow-ups) and each stamped panel's. Primary-key reads
 * only: no list, no count over a table (issue 18: the poll and the cached answer's check are cheap).
 */
async function readOverviewVersion(db: Db, sources: readonly OverviewSource[]) {
  const asOf = today(now());
  const [analyticsVersion, workflow, ...stamps] = await Promise.all([
    readAnalyticsVersion(db),
    readWorkflowStamp(db),
    ...sources.map((s) => (s.stamp ? s.stamp(db) : Promise.resolve(''))),
  ]);
  return {
    version: `${analyticsVersion}.${asOf}.${digest([workflow, ...stamps].join('|'))}`,
    analyticsVersion,
    asOf,
  };
}

/** The version the screen polls (see readOverviewVersion), after checking the scope. */
export async function describeOverviewVersion(
  db: Db,
  actor: Actor,
  input: { jurisdiction?: string },
  sources: readonly OverviewSource[] = [],
) {
  await getJurisdictionInScope(db, actor, input.jurisdiction ?? actor.jurisdictionCode);
  return readOverviewVersion(db, sources);
}

type AnalyticsPart = Awaited<ReturnType<typeof computeAnalyticsPart>>;
const caches = new WeakMap<Db, { version: number; answers: Map<string, Promise<AnalyticsPart>> }>();
const MAX_ANSWERS = 200;

/**
 * The figures from the analytics services: the dashboard (itself cached), the targets and the key
 * industries' shares. Kept per analytics version as the dashboard keeps its answers (decision 0015):
 * everything they read bumps that version, so an answer is never older than its version.
 */
async function computeAnalyticsPart(
  db: Db,
  actor: Actor,
  input: OverviewInput,
  code: string,
  lang: Language,
) {
  const dashboard = await describeDashboard(
    db,
    actor,
    { jurisdiction: code, year: input.year, indicator: input.indicator },
    lang,
  );
  const year = dashboard.year;
  const [targets, keyIndustries] = await Promise.all([
    describeTargets(db, actor, { jurisdiction: code }, lang).catch((error: unknown) => {
      // No plan period at all (a fresh installation): the panel says so instead of failing the screen.
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }),
    queryIndicator(
      db,
      actor,
      { indicator: 'injury_count', jurisdiction: code, year, rows: 'keyIndustry' },
      lang,
    ),
  ]);
  return { dashboard, targets, keyIndustries };
}

async function readAnalyticsPart(
  db: Db,
  actor: Actor,
  input: OverviewInput,
  path: string,
  code: string,
  lang: Language,
) {
  const version = await readAnalyticsVersion(db);
  const key = JSON.stringify([path, input.year ?? null, input.indicator, lang, currentYear()]);
  let held = caches.get(db);
  if (!held || held.version < version) {
    held = { version, answers: new Map() };
    caches.set(db, held);
  }
  if (held.version > version)
    return { version, part: await computeAnalyticsPart(db, actor, input, code, lang) };
  let answer = held.answers.get(key);
  if (!answer) {
    answer = computeAnalyticsPart(db, actor, input, code, lang);
    const answers = held.answers;
    answers.set(key, answer);
    answer.catch(() => answers.get(key) === answer && answers.delete(key));
    if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
  }
  return { version, part: await answer };
}

async function describePanels(
  db: Db,
  sources: readonly OverviewSource[],
  scope: { code: string; path: string },
  year: number,
  asOf: string,
  lang: Language,
  log: (error: unknown, key: string) => void,
): Promise<OverviewPanel[]> {
  return Promise.all(
    sources.map(async (s) => {
      const title = lang === 'en' ? (s.titleEn ?? s.title) : s.title;
      try {
        const { status, figures } = await s.describe(db, scope, year, asOf, lang);
        return { key: s.key, title, status, figures: status === 'ok' ? figures : [] };
      } catch (error) {
        log(error, s.key);
        return { key: s.key, title, status: 'unavailable' as const, figures: [] };
      }
    }),
  );
}

interface OverviewOptions {
  lang?: Language;
  sources?: readonly OverviewSource[];
  log?: (error: unknown, key: string) => void;
}

/** How long an assembled overview is kept when a panel has no stamp (the screen's 5-minute backstop). */
export const UNSTAMPED_TTL_MS = 5 * 60_000;
const MAX_OVERVIEWS = 200;
const overviews = new WeakMap<Db, Map<string, { version: string; at: number; answer: Promise<Overview> }>>();

/**
 * The overview screen's data (AN-7, 数据大屏) in one request, kept per (scope, options, language,
 * who asks, version): a poll between two changes of the figures costs the version's primary-key
 * reads and a map lookup. The version is read before the figures, so an answer is never older than
 * the version it is kept under; any change of the figures moves the version and the next request
 * assembles afresh. Who asks is part of the key because the overdue lists follow the actor (a member
 * unit sees its own); the scope's path is, so two jurisdictions never share an answer.
 */
export async function describeOverview(
  db: Db,
  actor: Actor,
  input: OverviewInput,
  options: OverviewOptions = {},
): Promise<Overview> {
  const scope = await getJurisdictionInScope(db, actor, input.jurisdiction ?? actor.jurisdictionCode);
  const sources = options.sources ?? [];
  const lang = options.lang ?? 'zh';
  const { version } = await readOverviewVersion(db, sources);
  const key = JSON.stringify([
    scope.path,
    input.year ?? null,
    input.indicator,
    lang,
    currentYear(),
    actor.role,
    actor.organisationId,
    actor.jurisdictionPath,
    sources.map((s) => s.key),
  ]);
  let held = overviews.get(db);
  if (!held) {
    held = new Map();
    overviews.set(db, held);
  }
  const ttl = sources.every((s) => s.stamp) ? Number.POSITIVE_INFINITY : UNSTAMPED_TTL_MS;
  const kept = held.get(key);
  // performance.now(): the age of a cache entry, not the time of day (the clock module's business).
  if (kept && kept.version === version && performance.now() - kept.at < ttl) return kept.answer;
  const answer = assembleOverview(db, actor, input, scope, version, { ...options, lang, sources });
  const answers = held;
  answers.delete(key);
  answers.set(key, { version, at: performance.now(), answer });
  answer.catch(() => answers.get(key)?.answer === answer && answers.delete(key));
  if (answers.size > MAX_OVERVIEWS) answers.delete(answers.keys().next().value as string);
  return answer;
}

async function assembleOverview(
  db: Db,
  actor: Actor,
  input: OverviewInput,
  scope: Awaited<ReturnType<typeof getJurisdictionInScope>>,
  version: string,
  { lang = 'zh', sources = [], log = () => {} }: OverviewOptions,
): Promise<Overview> {
  const at = now();
  const asOf = today(at);
  const [{ part }, work] = await Promise.all([
    readAnalyticsPart(db, actor, input, scope.path, scope.code, lang),
    describeOverdue(db, actor, scope.code, at, asOf),
  ]);
  const { dashboard, targets, keyIndustries } = part;
  const panels = await describePanels(
    db,
    sources,
    { code: scope.code, path: scope.path },
    dashboard.year,
    asOf,
    lang,
    log,
  );
  const injuries = dashboard.headline.find((h) => h.code === 'injury_count')?.value ?? 0;
  const main = dashboard.main;
  const own = targets?.jurisdiction;
  return {
    version,
    asOf,
    jurisdiction: {
      code: scope.code,
      name: scope.name,
      level: scope.level,
      // Paths start at the national root (100000/350000/…): the province is the second code.
      provinceCode: scope.path.split('/')[1] ?? scope.code,
    },
    year: dashboard.year,
    partial: dashboard.partial,
    options: dashboard.options,
    refreshing: dashboard.refreshing,
    headline: dashboard.headline.map(({ definition: _definition, ...h }) => h),
    target:
      targets && own
        ? {
            indicator: TARGET_INDICATOR,
            planPeriod: {
              code: targets.planPeriod.code,
              name: targets.planPeriod.name,
              baselineYear: targets.planPeriod.baselineYear,
              endYear: targets.planPeriod.endYear,
              targetReductionPct: targets.planPeriod.targetReductionPct,
            },
            baseline: own.baseline,
            target: own.target,
            latestYear: own.latestYear,
            latest: own.latest,
            latestProvisional: own.latestProvisional,
            requiredLatest: own.requiredLatest,
            status: own.status,
            series: own.series,
          }
        : null,
    map: {
      indicator: {
        code: main.indicator.code,
        name: lang === 'zh' ? main.indicator.nameZh : main.indicator.nameEn,
        unit: lang === 'zh' ? main.indicator.unitZh : main.indicator.unitEn,
        decimals: main.indicator.decimals,
        direction: main.indicator.direction,
      },
      definition: main.definition,
      children: main.children
        .filter((c) => c.row !== '' && c.row !== scope.code)
        .map((c) => ({
          code: c.row,
          name: c.label,
          value: c.value,
          numerator: c.numerator,
          denominator: c.denominator,
        })),
    },
    trend: main.trend.map((c) => ({ year: Number(c.row), value: c.value, partial: c.partial })),
    keyIndustries: {
      definition: keyIndustries.definition,
      injuries,
      items: keyIndustries.rows.items.map((r) => {
        const count = keyIndustries.cells.find((c) => c.row === r.key)?.numerator ?? 0;
        return {
          id: Number(r.key),
          name: r.label,
          injuries: count,
          sharePct: injuries > 0 ? (count / injuries) * 100 : null,
        };
      }),
    },
    overdue: work.overdue,
    panels,
  };
}
