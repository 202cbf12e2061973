/** Sums of the data elements over analytics_cells (and the fund rows), by the query's axes. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { type Row, rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { badRequest } from '../../platform/http/errors.js';
import { sectionOfDivision } from '../code-tables/gbt4754.data.js';
import type { JurisdictionRow } from '../jurisdictions/jurisdictions.service.js';
import {
  type Axis,
  type CountingOptions,
  ELEMENTS,
  SOURCE_DIMENSIONS,
  type Source,
  STORED_DIMENSIONS,
  type StoredDimension,
  storedDimensionOf,
  storedSourceOf,
} from './elements.js';

export interface KeyIndustry {
  id: number;
  name: string;
  divisions: string[];
  /** False when a prefix is finer than a division: the cube cannot resolve it. */
  resolvable: boolean;
}

export interface Context {
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

export type Sums = Map<string, number>;
export const SEP = '\u0001';

/** The latest year with any injury, accident, disease or headcount figure. */
export async function latestAnalyticsYear(db: Db): Promise<number | null> {
  const [row] = rowsOf(await db.execute(sql`select max(year) as year from analytics_cells`));
  return row?.year === null || row?.year === undefined ? null : Number(row.year);
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

export type Summed = { sums: Sums; axes: Axis[] };

/** An element's sums by the axes it can be broken down by (the others it is not split by). */
export async function sumElement(ctx: Context, element: string, axes: Axis[]): Promise<Summed> {
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
export async function totalOf(ctx: Context, element: string, summed: Summed): Promise<Summed> {
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

export function project(key: string, from: Axis[], to: Axis[]): string {
  const parts = key.split(SEP);
  return to.map((a) => parts[from.indexOf(a)] ?? '').join(SEP);
}
