import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import type { Language } from '../../platform/i18n/messages.js';
import { currentYear } from '../../platform/time.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { indicatorsFor, toIndicatorDto } from './analytics.service.js';
import { analyticsVersion } from './analytics.tables.js';
import { latestAnalyticsYear } from './cube.js';
import type { CountingOptions } from './elements.js';
import { evaluateIndicator, prepareQuery } from './query.service.js';
import { describePendingRefreshes } from './refresh.js';

export interface DashboardInput {
  jurisdiction?: string;
  year?: number;
  indicator: string;
  yearBasis?: CountingOptions['yearBasis'];
  countUnit?: CountingOptions['countUnit'];
  groundScope?: CountingOptions['groundScope'];
  denominator?: CountingOptions['denominator'];
}

type Dashboard = Awaited<ReturnType<typeof computeDashboard>>;

/** Answers of one database (a process may open several: tests do), valid for one version. */
interface AnswerCache {
  version: number;
  answers: Map<string, Promise<Dashboard>>;
}
const caches = new WeakMap<Db, AnswerCache>();
/** Scopes × options × indicators × languages in use at once; the oldest go first. */
const MAX_ANSWERS = 500;

/** The version of what the dashboard reads (bumped by triggers in every writer's transaction). */
export async function readAnalyticsVersion(db: Db): Promise<number> {
  const [row] = await db.select({ version: analyticsVersion.version }).from(analyticsVersion);
  return row?.version ?? 0;
}

/**
 * The main dashboard: every indicator this year against last year, and the chosen one by child
 * jurisdiction and over six years. One request; indicators share the sums they have in common.
 *
 * Answers are cached (decision 0015) by scope, year, indicator, counting options, language and
 * the current year, for the version of the data read before computing them: a committed import,
 * its refresh or a changed setting moves the version, and older answers are never served again.
 * The actor's right to the scope is checked on every request, before the cache.
 */
export async function describeDashboard(
  db: Db,
  actor: Actor,
  input: DashboardInput,
  lang: Language = 'zh',
  { cache = true }: { cache?: boolean } = {},
): Promise<Dashboard> {
  const [scope, version] = await Promise.all([
    getJurisdictionInScope(db, actor, input.jurisdiction ?? actor.jurisdictionCode),
    cache ? readAnalyticsVersion(db) : Promise.resolve(null),
  ]);
  if (version === null) return computeDashboard(db, actor, input, lang);
  const key = JSON.stringify([
    scope.path,
    input.year ?? null,
    input.indicator,
    input.yearBasis ?? null,
    input.countUnit ?? null,
    input.groundScope ?? null,
    input.denominator ?? null,
    lang,
    currentYear(),
  ]);
  let held = caches.get(db);
  if (!held || held.version < version) {
    held = { version, answers: new Map() };
    caches.set(db, held);
  }
  // A request that read an older version than the cache holds (a write committed meanwhile): its
  // answer belongs to no current version, so it is computed and not kept.
  if (held.version > version) return computeDashboard(db, actor, input, lang);
  const answers = held.answers;
  let answer = answers.get(key);
  if (answer) {
    // Most recently used last: the Map's order is the eviction order.
    answers.delete(key);
    answers.set(key, answer);
    return answer;
  }
  answer = computeDashboard(db, actor, input, lang);
  answers.set(key, answer);
  answer.catch(() => answers.get(key) === answer && answers.delete(key));
  if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
  return answer;
}

async function computeDashboard(db: Db, actor: Actor, input: DashboardInput, lang: Language) {
  const [prepared, latest] = await Promise.all([
    prepareQuery(db, actor, input),
    input.year === undefined ? latestAnalyticsYear(db) : Promise.resolve(input.year),
  ]);
  const indicators = await indicatorsFor(db, prepared.scope.path);
  const year = latest ?? currentYear() - 1;
  const main = indicators.find((i) => i.code === input.indicator);
  if (!main) throw badRequest('analytics.unknown_indicator', 'indicator', { code: input.indicator });
  const range = { rows: 'year' as const, fromYear: year - 5, year };
  const [headline, children, trend, refreshing] = await Promise.all([
    Promise.all(indicators.map((i) => evaluateIndicator(prepared, i, range, lang).then((r) => ({ i, r })))),
    evaluateIndicator(prepared, main, { rows: 'jurisdiction', year }, lang),
    evaluateIndicator(prepared, main, range, lang),
    describePendingRefreshes(db, prepared.scope.path),
  ]);
  const partialYears = new Set(trend.partialYears);
  return {
    jurisdiction: { code: prepared.scope.code, name: prepared.scope.name, level: prepared.scope.level },
    year,
    partial: partialYears.has(year),
    options: prepared.options,
    refreshing,
    headline: headline.map(({ i, r }) => {
      const value = r.cells.find((c) => c.row === String(year))?.value ?? null;
      const previous = r.cells.find((c) => c.row === String(year - 1))?.value ?? null;
      return {
        code: i.code,
        name: lang === 'zh' ? i.nameZh : i.nameEn,
        unit: lang === 'zh' ? i.unitZh : i.unitEn,
        decimals: i.decimals,
        direction: i.direction,
        definition: r.definition,
        value,
        previous,
        changePct: value !== null && previous ? ((value - previous) / previous) * 100 : null,
      };
    }),
    main: {
      indicator: toIndicatorDto(main),
      definition: children.definition,
      children: children.cells.map((c) => ({
        ...c,
        label: children.rows.items.find((h) => h.key === c.row)?.label ?? c.row,
      })),
      trend: trend.cells.map((c) => ({ ...c, label: c.row, partial: partialYears.has(Number(c.row)) })),
    },
  };
}
