/** The query API: one indicator by one or two axes, with headers, labels, notes and rates. */
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import type { Language } from '../../platform/i18n/messages.js';
import { currentYear } from '../../platform/time.js';
import { GBT4754_DIVISIONS, GBT4754_SECTIONS } from '../code-tables/gbt4754.data.js';
import { ACCIDENT_GRADES, GB6441_CATEGORIES } from '../code-tables/injury-codes.data.js';
import { listKeyIndustries } from '../enterprises/enterprises.service.js';
import { countListedGroups, type ListedAxis, resolveCountingRules } from '../facts/facts.service.js';
import { getJurisdictionInScope, type JurisdictionRow } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { axesOf, findIndicator, type IndicatorRow, toIndicatorDto } from './analytics.service.js';
import { type Context, latestAnalyticsYear, project, SEP, type Sums, sumElement, totalOf } from './cube.js';
import { type Axis, type CountingOptions, describeElement } from './elements.js';
import { describePendingRefreshes } from './refresh.js';

// ---------------------------------------------------------------------------------------------
// Queries over analytics_cells.

export interface QueryInput {
  indicator: string;
  jurisdiction?: string;
  /** The year of the figures; with the year axis, the last year of the range. */
  year?: number;
  /** With the year axis: the first year (default: five years before `year`). */
  fromYear?: number;
  rows: Axis;
  columns?: Axis;
  /** Restrict to the key industries of the plan period (all of them, or one by id). */
  keyIndustries?: 'all' | number;
  planPeriod?: string;
  yearBasis?: CountingOptions['yearBasis'];
  countUnit?: CountingOptions['countUnit'];
  groundScope?: CountingOptions['groundScope'];
  denominator?: CountingOptions['denominator'];
}

interface Header {
  key: string;
  label: string;
}
export interface Cell {
  row: string;
  column: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
}

async function loadKeyIndustries(db: Db, actor: Actor, scope: JurisdictionRow, planPeriod?: string) {
  const list = await listKeyIndustries(db, actor, { jurisdiction: scope.code, planPeriod, category: 'key' });
  return {
    planPeriod: list.planPeriod,
    items: list.items.map((k) => ({
      id: k.id,
      name: k.name,
      divisions: k.industryPrefixes.filter((p) => p.length === 2),
      resolvable: k.industryPrefixes.every((p) => p.length === 2),
    })),
  };
}

/** What every figure of one request shares: scope, options, key industries. */
export async function prepareQuery(
  db: Db,
  actor: Actor,
  input: Pick<
    QueryInput,
    'jurisdiction' | 'planPeriod' | 'yearBasis' | 'countUnit' | 'groundScope' | 'denominator'
  >,
) {
  const scope = await getJurisdictionInScope(db, actor, input.jurisdiction ?? actor.jurisdictionCode);
  const [defaults, key] = await Promise.all([
    resolveCountingRules(db, scope.path),
    loadKeyIndustries(db, actor, scope, input.planPeriod),
  ]);
  const options: CountingOptions = {
    yearBasis: input.yearBasis ?? defaults.yearBasis,
    countUnit: input.countUnit ?? defaults.countUnit,
    groundScope: input.groundScope ?? defaults.groundScope,
    denominator: input.denominator ?? defaults.denominator,
  };
  return {
    db,
    scope,
    defaults,
    options,
    key,
    memo: new Map() as Context['memo'],
    fund: new Map() as Context['fund'],
  };
}
export type Prepared = Awaited<ReturnType<typeof prepareQuery>>;

export async function queryIndicator(db: Db, actor: Actor, input: QueryInput, lang: Language = 'zh') {
  const prepared = await prepareQuery(db, actor, input);
  const indicator = await findIndicator(db, input.indicator, prepared.scope.path);
  const lastYear = input.year ?? (await latestAnalyticsYear(db)) ?? currentYear() - 1;
  return evaluateIndicator(prepared, indicator, { ...input, year: lastYear }, lang);
}

/** The query API's answer: the figures, and whether committed batches are not in them yet. */
export async function answerQuery(db: Db, actor: Actor, input: QueryInput, lang: Language = 'zh') {
  const result = await queryIndicator(db, actor, input, lang);
  const scope = await getJurisdictionInScope(db, actor, input.jurisdiction ?? actor.jurisdictionCode);
  return { refreshing: await describePendingRefreshes(db, scope.path), ...result };
}

/** One indicator by one or two axes, from a prepared request. */
export async function evaluateIndicator(
  prepared: Prepared,
  indicator: IndicatorRow,
  input: Omit<QueryInput, 'indicator'> & { year: number },
  lang: Language,
) {
  const { db, scope, defaults, options, key } = prepared;
  const lastYear = input.year;
  const axes: Axis[] =
    input.columns && input.columns !== input.rows ? [input.rows, input.columns] : [input.rows];
  const allowed = axesOf(indicator.numerator);
  for (const [i, a] of axes.entries())
    if (!allowed.includes(a))
      throw badRequest('analytics.axis_not_available', i === 0 ? 'rows' : 'columns', {
        axis: a,
        indicator: indicator.code,
      });
  const firstYear = axes.includes('year') ? (input.fromYear ?? lastYear - 5) : lastYear;
  if (firstYear > lastYear) throw badRequest('analytics.year_range', 'fromYear');
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  let divisions: string[] | null = null;
  if (input.keyIndustries !== undefined) {
    if (!allowed.includes('industry'))
      throw badRequest('analytics.axis_not_available', 'keyIndustries', {
        axis: 'industry',
        indicator: indicator.code,
      });
    const chosen =
      input.keyIndustries === 'all' ? key.items : key.items.filter((k) => k.id === input.keyIndustries);
    if (chosen.length === 0) throw badRequest('analytics.unknown_key_industry', 'keyIndustries');
    divisions = [...new Set(chosen.flatMap((k) => k.divisions))].sort();
  }
  const ctx: Context = {
    db,
    scope,
    years,
    options,
    keyIndustries: key.items,
    divisions,
    memo: prepared.memo,
    fund: prepared.fund,
  };
  const [numerator, denominator] = await Promise.all([
    sumElement(ctx, indicator.numerator, axes),
    indicator.denominator ? sumElement(ctx, indicator.denominator, axes) : null,
  ]);
  // A division in two key industries appears in both rows: such totals are summed afresh.
  const [totalNumerator, totalDenominator] = await Promise.all([
    totalOf(ctx, indicator.numerator, numerator),
    denominator && indicator.denominator ? totalOf(ctx, indicator.denominator, denominator) : null,
  ]);
  const factor = Number(indicator.factor);

  const headers = await headersOf(ctx, axes, numerator.sums, denominator, lang);
  const cells: Cell[] = [];
  const rowHeaders = headers[0] as Header[];
  const columnHeaders = axes.length > 1 ? (headers[1] as Header[]) : [{ key: '', label: '' }];
  // A rate divides by its own group: where the denominator is not broken down by an axis (sex,
  // age band, post, accident category), a cell is the group's share of the cases (%), not a rate.
  const missing = denominator ? axes.filter((a) => !denominator.axes.includes(a)) : [];
  const measure: 'rate' | 'share' = missing.length > 0 ? 'share' : 'rate';
  const groupTotals: Sums = new Map();
  if (measure === 'share' && denominator)
    for (const [k, v] of numerator.sums) {
      const g = project(k, axes, denominator.axes);
      groupTotals.set(g, (groupTotals.get(g) ?? 0) + v);
    }
  for (const r of rowHeaders)
    for (const c of columnHeaders) {
      const k = axes.length > 1 ? `${r.key}${SEP}${c.key}` : r.key;
      const num = numerator.sums.get(k) ?? 0;
      if (measure === 'share' && denominator) {
        const of = groupTotals.get(project(k, axes, denominator.axes)) ?? 0;
        cells.push({
          row: r.key,
          column: c.key,
          numerator: num,
          denominator: of,
          value: of > 0 ? (num / of) * 100 : null,
        });
      } else cells.push(combine(num, denominator, k, axes, factor, r.key, c.key));
    }
  const total = combine(totalNumerator.sums.get('') ?? 0, totalDenominator, '', [], factor, '', '');
  const listed =
    measure === 'share' ? await listedRates(ctx, indicator, axes, missing, rowHeaders, columnHeaders) : null;
  const notes: string[] = [];
  if (listed)
    notes.push(
      lang === 'zh'
        ? `另附按参保人员名单计算的分组发生率：仅含报送了当年名单的 ${listed.employers} 家用人单位，分子为其工伤，分母为其名单上的参保人员（性别、年龄取自身份证号，年龄按年中计）。`
        : `Also shown: rates by group over the insured-person lists — only the ${listed.employers} employers that filed a list for the year; their injuries over the insured persons on their lists (sex and age from the ID number, age at mid-year).`,
    );
  if (measure === 'share') {
    notes.push(
      lang === 'zh'
        ? `参保人数不按${missing.map((m) => AXIS_LABELS[m].zh).join('、')}细分，无法计算该分组的发生率：各格为该分组占相应病例数的百分比（占比，%），不是发生率；合计为总发生率。`
        : `The insured population is not broken down by ${missing.map((m) => AXIS_LABELS[m].en).join(', ')}, so no rate can be computed for such a group: each cell is the group's share of the cases (%), not a rate; the total is the overall rate.`,
    );
  }
  for (const k of key.items)
    if (!k.resolvable && (axes.includes('keyIndustry') || divisions))
      notes.push(
        lang === 'zh'
          ? `重点行业“${k.name}”按小类或中类定义，分析表按大类汇总，只计入其中的大类代码。`
          : `Key industry "${k.name}" is defined below division level; the analytics tables count only its division codes.`,
      );
  // The current year (in China) is not over: its figures are partial.
  const partialYears = years.filter((y) => y >= currentYear());
  return {
    indicator: toIndicatorDto(indicator),
    definition: definitionOf(indicator, options, lang),
    options,
    optionDefaults: defaults,
    jurisdiction: { code: scope.code, name: scope.name, level: scope.level },
    planPeriod: key.planPeriod.code,
    years,
    partialYears,
    rows: { axis: input.rows, items: rowHeaders },
    columns: axes.length > 1 ? { axis: axes[1] as Axis, items: columnHeaders } : null,
    /** rate: numerator ÷ the group's own denominator; share: the group's share of the cases, in %. */
    measure,
    listed,
    cells,
    total,
    notes,
  };
}

/**
 * Where a breakdown by sex or age band has no denominator of its own, the rate over the insured-
 * person lists (facts module): the employers that filed a list, their injuries over their listed
 * insured, by the same cells. Null when no employer of the area filed a list for the years.
 */
async function listedRates(
  ctx: Context,
  indicator: IndicatorRow,
  axes: Axis[],
  missing: Axis[],
  rows: Header[],
  columns: Header[],
) {
  const supported = ['jurisdiction', 'year', 'sex', 'age'];
  const measure =
    indicator.numerator === 'injury.count'
      ? 'count'
      : indicator.numerator === 'injury.deaths'
        ? 'deaths'
        : null;
  if (
    measure === null ||
    indicator.denominator !== 'headcount.base' ||
    !missing.every((a) => a === 'sex' || a === 'age') ||
    !axes.every((a) => supported.includes(a))
  )
    return null;
  const figures = await countListedGroups(ctx.db, {
    path: ctx.scope.path,
    from: Math.min(...ctx.years),
    to: Math.max(...ctx.years),
    rules: ctx.options,
    measure,
    axes: axes as ListedAxis[],
  });
  if (figures.employers === 0) return null;
  const factor = Number(indicator.factor);
  const byKey = new Map(figures.rows.map((r) => [r.key.join(SEP), r]));
  const cells: Cell[] = [];
  for (const r of rows)
    for (const c of columns) {
      const f = byKey.get(axes.length > 1 ? `${r.key}${SEP}${c.key}` : r.key);
      const num = f?.numerator ?? 0;
      const den = f?.denominator ?? 0;
      cells.push({
        row: r.key,
        column: c.key,
        numerator: num,
        denominator: den,
        value: den > 0 ? (num / den) * factor : null,
      });
    }
  return { employers: figures.employers, cells };
}

function combine(
  num: number,
  den: { sums: Sums; axes: Axis[] } | null,
  key: string,
  axes: Axis[],
  factor: number,
  row: string,
  column: string,
): Cell {
  if (!den) return { row, column, numerator: num, denominator: null, value: num * factor };
  const d = den.sums.get(project(key, axes, den.axes)) ?? 0;
  return { row, column, numerator: num, denominator: d, value: d > 0 ? (num / d) * factor : null };
}

/** "工伤认定数（人次，…）÷ 年平均参保人数 × 1,000" — shown beside every figure. */
export function definitionOf(indicator: IndicatorRow, options: CountingOptions, lang: Language): string {
  const num = describeElement(indicator.numerator, options, lang);
  const factor = Number(indicator.factor).toLocaleString('en-US');
  if (!indicator.denominator) return factor === '1' ? num : `${num} × ${factor}`;
  const den = describeElement(indicator.denominator, options, lang);
  return `${num} ÷ ${den}${factor === '1' ? '' : ` × ${factor}`}`;
}

export const AXIS_LABELS: Record<Axis, { zh: string; en: string }> = {
  jurisdiction: { zh: '地区', en: 'jurisdiction' },
  year: { zh: '年度', en: 'year' },
  section: { zh: '行业门类', en: 'industry section' },
  industry: { zh: '行业大类', en: 'industry division' },
  keyIndustry: { zh: '重点行业', en: 'key industry' },
  category: { zh: '事故类别', en: 'accident category' },
  post: { zh: '岗位', en: 'post' },
  age: { zh: '年龄段', en: 'age band' },
  sex: { zh: '性别', en: 'sex' },
  grade: { zh: '事故等级', en: 'accident grade' },
};

async function headersOf(
  ctx: Context,
  axes: Axis[],
  numerator: Sums,
  denominator: { sums: Sums; axes: Axis[] } | null,
  lang: Language,
): Promise<Header[][]> {
  const seen = axes.map(() => new Set<string>());
  for (const k of numerator.keys()) for (const [i, v] of k.split(SEP).entries()) seen[i]?.add(v);
  if (denominator)
    for (const k of denominator.sums.keys())
      k.split(SEP).forEach((v, i) => {
        const axis = denominator.axes[i];
        const at = axis ? axes.indexOf(axis) : -1;
        if (at >= 0) seen[at]?.add(v);
      });
  const result: Header[][] = [];
  for (const [i, axis] of axes.entries()) {
    const values = seen[i] as Set<string>;
    if (axis === 'jurisdiction') {
      const children = await ctx.db
        .select({ code: jurisdictions.code, name: jurisdictions.name })
        .from(jurisdictions)
        .where(eq(jurisdictions.parentId, ctx.scope.id))
        .orderBy(asc(jurisdictions.code));
      const items = children.map((c) => ({ key: c.code, label: c.name }));
      if (values.has(''))
        items.push({
          key: '',
          label: lang === 'zh' ? `${ctx.scope.name}（本级）` : `${ctx.scope.name} (own level)`,
        });
      result.push(items);
    } else if (axis === 'year') {
      result.push(ctx.years.map((y) => ({ key: String(y), label: String(y) })));
    } else if (axis === 'keyIndustry') {
      result.push(ctx.keyIndustries.map((k) => ({ key: String(k.id), label: k.name })));
    } else {
      result.push(
        [...values].sort(compareValues(axis)).map((v) => ({ key: v, label: labelOf(axis, v, lang) })),
      );
    }
  }
  return result;
}

const AGE_ORDER = ['16-24', '25-34', '35-44', '45-54', '55-59', '60+'];
function compareValues(axis: Axis) {
  return (a: string, b: string) =>
    axis === 'age' ? AGE_ORDER.indexOf(a) - AGE_ORDER.indexOf(b) : a.localeCompare(b, 'zh');
}

function labelOf(axis: Axis, value: string, lang: Language): string {
  if (value === '') return lang === 'zh' ? '未填报' : 'not reported';
  switch (axis) {
    case 'industry':
      return `${value} ${GBT4754_DIVISIONS[value] ?? ''}`.trim();
    case 'section': {
      const s = GBT4754_SECTIONS.find((x) => x.code === value);
      return s ? `${s.code} ${s.name}` : value;
    }
    case 'category':
      return GB6441_CATEGORIES[value] ? `${value} ${GB6441_CATEGORIES[value]}` : value;
    case 'grade':
      return ACCIDENT_GRADES[value] ?? value;
    case 'sex':
      return value === 'male' ? (lang === 'zh' ? '男' : 'male') : lang === 'zh' ? '女' : 'female';
    default:
      return value;
  }
}
