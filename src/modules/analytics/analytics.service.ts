import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { type Row, rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import type { Language } from '../../platform/i18n/messages.js';
import { currentYear } from '../../platform/time.js';
import { GBT4754_DIVISIONS, GBT4754_SECTIONS, sectionOfDivision } from '../code-tables/gbt4754.data.js';
import { ACCIDENT_GRADES, GB6441_CATEGORIES } from '../code-tables/injury-codes.data.js';
import { listKeyIndustries } from '../enterprises/enterprises.service.js';
import { countListedGroups, type ListedAxis, resolveCountingRules } from '../facts/facts.service.js';
import { COUNTING_SETTINGS } from '../facts/facts.settings.js';
import {
  getJurisdictionInScope,
  type JurisdictionRow,
  resolveJurisdictionField,
} from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { updateSettings } from '../settings/settings.service.js';
import { indicatorDefinitions } from './analytics.tables.js';
import {
  type Axis,
  type CountingOptions,
  describeElement,
  ELEMENTS,
  SOURCE_DIMENSIONS,
  type Source,
  STORED_DIMENSIONS,
  type StoredDimension,
  storedDimensionOf,
  storedSourceOf,
} from './elements.js';
import { BUILT_IN_INDICATORS } from './indicators.data.js';
import { describePendingRefreshes } from './refresh.js';

export type IndicatorRow = typeof indicatorDefinitions.$inferSelect;

/** Loads the built-in indicator definitions (reference data, once; later edits are kept). */
export async function loadIndicators(db: Db): Promise<void> {
  await db
    .insert(indicatorDefinitions)
    .values(
      BUILT_IN_INDICATORS.map((i) => ({
        ...i,
        factor: String(i.factor),
        isBuiltIn: true,
        createdBy: 'reference-data',
      })),
    )
    .onConflictDoNothing();
}

/** Definitions that apply to a jurisdiction: the national ones and those of it and its ancestors. */
function applicable(path: string) {
  return sql`(${indicatorDefinitions.jurisdictionId} is null or ${indicatorDefinitions.jurisdictionId} in (
    select id from jurisdictions where code in (${sql.join(
      path.split('/').map((c) => sql`${c}`),
      sql`, `,
    )})))`;
}

async function indicatorsFor(db: Db, path: string) {
  return db
    .select()
    .from(indicatorDefinitions)
    .where(applicable(path))
    .orderBy(asc(indicatorDefinitions.sortOrder), asc(indicatorDefinitions.id));
}

export async function listIndicators(db: Db, actor: Actor, jurisdictionCode?: string) {
  const scope = await getJurisdictionInScope(db, actor, jurisdictionCode ?? actor.jurisdictionCode);
  return (await indicatorsFor(db, scope.path)).map(toIndicatorDto);
}

export function toIndicatorDto(r: IndicatorRow) {
  return {
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    numerator: r.numerator,
    denominator: r.denominator,
    factor: Number(r.factor),
    unitZh: r.unitZh,
    unitEn: r.unitEn,
    decimals: r.decimals,
    direction: r.direction,
    isBuiltIn: r.isBuiltIn,
    /** Axes every element of the indicator can be broken down by. */
    axes: axesOf(r.numerator),
  };
}

function axesOf(element: string): Axis[] {
  const e = ELEMENTS[element];
  if (!e) return [];
  const stored = SOURCE_DIMENSIONS[e.source];
  const axes: Axis[] = ['jurisdiction', 'year'];
  if (stored.includes('industry')) axes.push('section', 'industry', 'keyIndustry');
  for (const d of stored) if (d !== 'industry') axes.push(d);
  return axes;
}

export interface IndicatorInput {
  code: string;
  /** The jurisdiction that defines it, for itself and those below it. */
  jurisdictionCode: string;
  nameZh: string;
  nameEn: string;
  numerator: string;
  denominator: string | null;
  factor: number;
  unitZh: string;
  unitEn: string;
  decimals: number;
  direction: 'lower' | 'higher';
}

/** Adds or changes an indicator definition (built-in ones keep their elements). */
export async function saveIndicator(db: Db, actor: Actor, input: IndicatorInput) {
  if (!ELEMENTS[input.numerator])
    throw badRequest('analytics.unknown_element', 'numerator', { element: input.numerator });
  if (input.denominator !== null && !ELEMENTS[input.denominator])
    throw badRequest('analytics.unknown_element', 'denominator', { element: input.denominator });
  const owner = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(indicatorDefinitions)
      .where(eq(indicatorDefinitions.code, input.code));
    if (existing) {
      // A national definition, or another jurisdiction's, is not this officer's to change.
      if (existing.jurisdictionId === null || existing.jurisdictionId !== owner.id)
        throw new AppError(409, 'analytics.indicator_taken', { code: input.code });
    }
    const { jurisdictionCode: _owner, ...fields } = input;
    const values = {
      ...fields,
      factor: String(input.factor),
      jurisdictionId: owner.id,
      createdBy: actor.username,
      updatedAt: new Date(),
    };
    const [row] = existing
      ? await tx
          .update(indicatorDefinitions)
          .set(values)
          .where(eq(indicatorDefinitions.id, existing.id))
          .returning()
      : await tx.insert(indicatorDefinitions).values(values).returning();
    if (!row) throw notFound();
    await recordAudit(tx, actor, {
      action: existing ? 'indicator.update' : 'indicator.create',
      targetType: 'indicator',
      targetId: input.code,
      jurisdictionPath: owner.path,
      details: { before: existing ? toIndicatorDto(existing) : null, after: input },
    });
    return toIndicatorDto(row);
  });
}

async function findIndicator(db: Db, code: string, path: string): Promise<IndicatorRow> {
  const [row] = await db
    .select()
    .from(indicatorDefinitions)
    .where(and(eq(indicatorDefinitions.code, code), applicable(path)));
  if (!row) throw badRequest('analytics.unknown_indicator', 'indicator', { code });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Counting options: per jurisdiction, inherited down the tree like every setting.

export async function getCounting(db: Db, actor: Actor, jurisdictionCode?: string) {
  const j = await getJurisdictionInScope(db, actor, jurisdictionCode ?? actor.jurisdictionCode);
  return { jurisdiction: j.code, ...(await resolveCountingRules(db, j.path)) };
}

/** Sets a jurisdiction's own counting options; they apply below it unless a jurisdiction sets its own. */
export async function updateCounting(
  db: Db,
  actor: Actor,
  jurisdictionCode: string,
  options: Omit<CountingOptions, 'yearBasis'> & Partial<Pick<CountingOptions, 'yearBasis'>>,
) {
  const j = await getJurisdictionInScope(db, actor, jurisdictionCode);
  await updateSettings(db, actor, {
    jurisdiction: j,
    changes: (Object.keys(COUNTING_SETTINGS) as (keyof CountingOptions)[])
      .filter((option) => options[option] !== undefined)
      .map((option) => ({ setting: COUNTING_SETTINGS[option], value: options[option], field: option })),
    reason: null,
  });
  return getCounting(db, actor, j.code);
}

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

interface KeyIndustry {
  id: number;
  name: string;
  divisions: string[];
  /** False when a prefix is finer than a division: the cube cannot resolve it. */
  resolvable: boolean;
}

interface Context {
  db: Db;
  scope: JurisdictionRow;
  years: number[];
  options: CountingOptions;
  keyIndustries: KeyIndustry[];
  /** Only these divisions count (a key-industry filter), or null. */
  divisions: string[] | null;
  /** Sources already fetched in this request (indicators share them). */
  memo: Map<string, Promise<Map<string, Sums>>>;
  /** The fund rows of the scope by year range, fetched once per request. */
  fund: Map<string, Promise<Row[]>>;
}

type Sums = Map<string, number>;
const SEP = '\u0001';

/** The latest year with any injury, accident, disease or headcount figure. */
export async function latestAnalyticsYear(db: Db): Promise<number | null> {
  const [row] = rowsOf(await db.execute(sql`select max(year) as year from analytics_cells`));
  return row?.year === null || row?.year === undefined ? null : Number(row.year);
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

/** Sums of one element by the query's axes (keys: axis values joined). */
const SOURCE_COLUMNS: Record<Exclude<Source, 'fund'>, readonly string[]> = {
  injury: [
    'cases_all',
    'cases_det',
    'cases_prod',
    'persons_all',
    'persons_det',
    'persons_prod',
    'deaths_all',
    'deaths_det',
    'deaths_prod',
    'amount_fen',
  ],
  accident: ['events', 'event_deaths', 'event_serious', 'amount_fen'],
  disease: ['events', 'pneumoconiosis'],
  headcount: ['insured', 'paying', 'employers'],
};

type Summed = { sums: Sums; axes: Axis[] };

/** An element's sums by the axes it can be broken down by (the others it is not split by). */
async function sumElement(ctx: Context, element: string, axes: Axis[]): Promise<Summed> {
  const e = ELEMENTS[element];
  if (!e) throw badRequest('analytics.unknown_element', 'indicator', { element });
  if (e.source === 'fund') return sumFund(ctx, e.column(ctx.options), axes);
  const available = SOURCE_DIMENSIONS[e.source];
  const own = axes.filter((a) => {
    const d = storedDimensionOf(a);
    return d === null || available.includes(d);
  });
  const stored = storedSourceOf(e, ctx.options);
  const perArea = e.perArea?.(ctx.options) ?? false;
  const key = `${stored}|${own.join(',')}|${ctx.years.join(',')}|${ctx.divisions?.join(',') ?? ''}`;
  let found = ctx.memo.get(key);
  if (!found) {
    found = fetchSource(ctx, e.source, stored, own, perArea);
    ctx.memo.set(key, found);
  }
  const columns = await found;
  return { sums: columns.get(e.column(ctx.options)) ?? new Map(), axes: own };
}

/** Every measure of one source by the axes, in one query (indicators share their sources). */
async function fetchSource(
  ctx: Context,
  source: Exclude<Source, 'fund'>,
  stored: string,
  own: Axis[],
  perArea: boolean,
): Promise<Map<string, Sums>> {
  const available = SOURCE_DIMENSIONS[source];
  const dims = new Set<StoredDimension>();
  for (const a of own) {
    const d = storedDimensionOf(a);
    if (d) dims.add(d);
  }
  if (ctx.divisions && available.includes('industry')) dims.add('industry');
  const ordered = STORED_DIMENSIONS.filter((d) => dims.has(d));
  if (ordered.length > 2) throw badRequest('analytics.too_many_dimensions', 'columns');
  const grain = ordered.join('*');
  const depth = ctx.scope.path.split('/').length;
  const jurisdictionKey = own.includes('jurisdiction')
    ? sql`case when j.path = ${ctx.scope.path} then '' else split_part(j.path, '/', ${depth + 1}) end`
    : sql`''`;
  const columns = SOURCE_COLUMNS[source];
  const measures = sql.raw(columns.map((c) => `sum(c.${c}) as ${c}`).join(', '));
  // Persons are counted once within an area: read the area's own cells (the scope's, or each
  // child's by the jurisdiction axis), never a sum over the jurisdictions below it.
  const where = !perArea
    ? withinScope(sql`j.path`, ctx.scope.path)
    : own.includes('jurisdiction')
      ? sql`j.parent_id = ${ctx.scope.id}`
      : sql`j.id = ${ctx.scope.id}`;
  const result = rowsOf(
    await ctx.db.execute(sql`
      select ${jurisdictionKey} as jk, c.year as yr, c.d1, c.d2, ${measures}
      from analytics_cells c join jurisdictions j on j.id = c.jurisdiction_id
      where c.source = ${stored} and c.grain = ${grain}
        and c.year >= ${Math.min(...ctx.years)} and c.year <= ${Math.max(...ctx.years)}
        and ${where}
      group by 1, 2, 3, 4`),
  );
  const industryAt = ordered.indexOf('industry');
  const out = new Map<string, Sums>(columns.map((c) => [c, new Map()]));
  for (const r of result) {
    const values = [String(r.d1), String(r.d2)];
    const industry = industryAt >= 0 ? (values[industryAt] as string) : '';
    if (ctx.divisions && industryAt >= 0 && !ctx.divisions.includes(industry)) continue;
    const keys = keysOf(ctx, own, ordered, String(r.jk), Number(r.yr), values);
    for (const c of columns) {
      const sums = out.get(c) as Sums;
      const v = Number(r[c]);
      for (const k of keys) sums.set(k, (sums.get(k) ?? 0) + v);
    }
  }
  return out;
}

/** The total over the axes: the sum of the cells, unless a row can repeat (key industries, fund groups). */
async function totalOf(ctx: Context, element: string, summed: Summed): Promise<Summed> {
  const e = ELEMENTS[element];
  // Persons of an area are not the sum of its parts: their total is the area's own cell.
  if (e && e.source !== 'fund' && !summed.axes.includes('keyIndustry') && !e.perArea?.(ctx.options))
    return { sums: new Map([['', [...summed.sums.values()].reduce((a, b) => a + b, 0)]]), axes: [] };
  return sumElement(ctx, element, []);
}

/** The axis values of a cube row (a division may fall in several key industries: one key each). */
function keysOf(
  ctx: Context,
  axes: Axis[],
  ordered: StoredDimension[],
  jk: string,
  yr: number,
  values: string[],
) {
  let keys: string[][] = [[]];
  for (const axis of axes) {
    let options: string[];
    if (axis === 'jurisdiction') options = [jk];
    else if (axis === 'year') options = [String(yr)];
    else {
      const d = storedDimensionOf(axis) as StoredDimension;
      const value = values[ordered.indexOf(d)] ?? '';
      if (axis === 'section') options = [sectionOfDivision(value) ?? ''];
      else if (axis === 'keyIndustry')
        options = ctx.keyIndustries.filter((k) => k.divisions.includes(value)).map((k) => String(k.id));
      else options = [value];
    }
    keys = keys.flatMap((k) => options.map((o) => [...k, o]));
  }
  return keys.map((k) => k.join(SEP));
}

/**
 * Fund figures of a pooling jurisdiction: a group counts the rows of its highest jurisdictions
 * only (a province row already holds its prefectures; nothing is counted twice).
 */
async function sumFund(ctx: Context, column: string, axes: Axis[]): Promise<{ sums: Sums; axes: Axis[] }> {
  const own = axes.filter((a) => a === 'jurisdiction' || a === 'year');
  const previous = column === 'contribution_prev';
  const range = `${Math.min(...ctx.years)}-${Math.max(...ctx.years)}`;
  let fetched = ctx.fund.get(range);
  if (!fetched) {
    fetched = ctx.db
      .execute(sql`
        select j.path, f.year::int as yr, f.contribution_income_fen as contribution, f.benefit_expenditure_fen as benefit,
          f.prevention_fee_spent_fen as prevention
        from fund_accounts f join jurisdictions j on j.id = f.jurisdiction_id
        where ${withinScope(sql`j.path`, ctx.scope.path)}
          and f.year >= ${Math.min(...ctx.years) - 1} and f.year <= ${Math.max(...ctx.years)}`)
      .then(rowsOf);
    ctx.fund.set(range, fetched);
  }
  const rows = await fetched;
  const depth = ctx.scope.path.split('/').length;
  const groupOf = (path: string) =>
    own.includes('jurisdiction') && path !== ctx.scope.path ? (path.split('/')[depth] as string) : '';
  const sums: Sums = new Map();
  for (const r of rows) {
    const path = String(r.path);
    const year = Number(r.yr) + (previous ? 1 : 0);
    if (!ctx.years.includes(year)) continue;
    const group = groupOf(path);
    const groupPath = group === '' ? ctx.scope.path : `${ctx.scope.path}/${group}`;
    // Skip a row when a jurisdiction above it, inside the same group, has a row for the same year.
    const nested = rows.some(
      (o) =>
        Number(o.yr) === Number(r.yr) &&
        String(o.path) !== path &&
        path.startsWith(`${String(o.path)}/`) &&
        (String(o.path) === groupPath || String(o.path).startsWith(`${groupPath}/`)),
    );
    if (nested) continue;
    const key = own.map((a) => (a === 'jurisdiction' ? group : String(year))).join(SEP);
    const v = Number(r[previous ? 'contribution' : column]);
    sums.set(key, (sums.get(key) ?? 0) + v);
  }
  return { sums, axes: own };
}

function project(key: string, from: Axis[], to: Axis[]): string {
  const parts = key.split(SEP);
  return to.map((a) => parts[from.indexOf(a)] ?? '').join(SEP);
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

export interface DashboardInput {
  jurisdiction?: string;
  year?: number;
  indicator: string;
  yearBasis?: CountingOptions['yearBasis'];
  countUnit?: CountingOptions['countUnit'];
  groundScope?: CountingOptions['groundScope'];
  denominator?: CountingOptions['denominator'];
}

/**
 * The main dashboard: every indicator this year against last year, and the chosen one by child
 * jurisdiction and over six years. One request; indicators share the sums they have in common.
 */
export async function describeDashboard(db: Db, actor: Actor, input: DashboardInput, lang: Language = 'zh') {
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
