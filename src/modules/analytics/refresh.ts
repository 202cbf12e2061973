import { eq, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Db } from '../../platform/db/client.js';
import { type Row, rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import type { Domain } from '../exchange/formats.js';
import { stagingColumn } from '../exchange/staging.js';
import { accidentFacts, diseaseFacts, injuryFacts, YEAR_BASES, type YearBasis } from '../facts/counting.js';
import { analyticsRefreshQueue } from './analytics.tables.js';
import { SOURCE_DIMENSIONS, type Source, type StoredDimension } from './elements.js';

/**
 * Keeps analytics_cells equal to a GROUP BY of the raw facts. A slice is (jurisdiction, year). A
 * batch's transaction queues its refresh with the slices its rows replaced; right after the commit
 * the slices of the batch's own rows are added and all are recomputed in one transaction, which
 * also removes the queue row (decision 0011). So the figures trail the facts by one refresh, no
 * nightly rebuild, and a crash between the two loses nothing: the next start refreshes what is
 * queued. An officer's edit of an employer still refreshes inside its own transaction.
 */

/** Refreshes are serialised (across processes too): two recomputing one slice would collide. */
const REFRESH_LOCK = 0x79756661;
const lockRefresh = (tx: Db) => tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);

/**
 * What the cells hold, by stored source: accidents, diseases and headcounts by (jurisdiction, year);
 * injuries once per year basis (`injury.determined`, `injury.occurred`: 人次 and fund, additive over
 * jurisdictions); and distinct persons and deaths per area (`persons.<basis>`: one row per
 * jurisdiction at every level, counting each person once within that area — not additive).
 */
export type CubeSource = 'injury.determined' | 'injury.occurred' | 'accident' | 'disease' | 'headcount';
type StoredSource = CubeSource | 'persons.determined' | 'persons.occurred';
export type Slice = readonly [jurisdictionId: number, year: number];
export type Slices = Partial<Record<CubeSource, Slice[]>>;

const INJURY_SOURCES = YEAR_BASES.map((b) => `injury.${b}` as const);
const basisOf = (source: CubeSource): YearBasis | null =>
  source.startsWith('injury.') ? (source.slice('injury.'.length) as YearBasis) : null;
/** The fact source a stored source is built from (both injury kinds from the determinations). */
const factSourceOf = (source: StoredSource): Exclude<Source, 'fund'> =>
  source.startsWith('injury.') || source.startsWith('persons.')
    ? 'injury'
    : (source as Exclude<Source, 'fund' | 'injury'>);

/** Above this many slices of one source, recomputing the whole source is cheaper. */
const FULL_REBUILD_SLICES = 400;

/** Every grain: totals, each dimension, and each pair of dimensions (two at once as a pivot). */
export function grainsOf(source: Exclude<Source, 'fund'>): StoredDimension[][] {
  const dims = SOURCE_DIMENSIONS[source];
  const grains: StoredDimension[][] = [[]];
  for (const d of dims) grains.push([d]);
  for (let i = 0; i < dims.length; i++)
    for (let j = i + 1; j < dims.length; j++)
      grains.push([dims[i] as StoredDimension, dims[j] as StoredDimension]);
  return grains;
}

function slicePredicate(jid: SQL, year: SQL, slices: Slice[] | null): SQL {
  if (slices === null) return sql`true`;
  if (slices.length === 0) return sql`false`;
  return sql`(${jid}, ${year}) in (${sliceValues(slices)})`;
}

function sliceValues(slices: Slice[]): SQL {
  return sql.join(
    slices.map(([j, y]) => sql`(${j}::int, ${y}::int)`),
    sql`, `,
  );
}

/** Each jurisdiction with itself and every ancestor (paths are codes from the root). */
const ANCESTORS = sql`select j.id as jid, a.id as aid
  from jurisdictions j cross join lateral unnest(string_to_array(j.path, '/')) p(code) join jurisdictions a on a.code = p.code`;

/** The INSERT … SELECT … GROUP BY GROUPING SETS of one source over a derived table `b`. */
function aggregate(source: StoredSource, base: SQL, measures: string): SQL {
  const dims = SOURCE_DIMENSIONS[factSourceOf(source)];
  const sets = grainsOf(factSourceOf(source))
    .map((g) => `(${g.join(', ')})`)
    .join(', ');
  const grain = `concat_ws('*', ${dims.map((d) => `case when grouping(${d}) = 0 then '${d}' end`).join(', ')})`;
  const values = `array_remove(array[${dims.map((d) => `case when grouping(${d}) = 0 then ${d} end`).join(', ')}], null)`;
  return sql`
    insert into analytics_cells (source, grain, jurisdiction_id, year, d1, d2, ${sql.raw(measures.split(';')[0] as string)})
    select ${source}, ${sql.raw(grain)}, jid, yr, coalesce((${sql.raw(values)})[1], ''), coalesce((${sql.raw(values)})[2], ''),
      ${sql.raw(measures.split(';')[1] as string)}
    from (${base}) b
    group by jid, yr, grouping sets (${sql.raw(sets)})`;
}

/** The injury determinations of the slices, placed in their year by the basis (counting.ts). */
function injuryRows(basis: YearBasis, where: (yr: SQL) => SQL, ancestors: boolean): SQL {
  const yr = injuryFacts.year('c', basis);
  const jid = ancestors ? sql`anc.aid` : sql`c.jurisdiction_id`;
  const anc = ancestors ? sql`join (${ANCESTORS}) anc on anc.jid = c.jurisdiction_id` : sql``;
  return sql`
    select ${jid} as jid, ${yr} as yr,
      coalesce(left(o.industry_code, 2), '') as industry, coalesce(c.accident_category, '') as category,
      coalesce(c.post, '') as post, ${injuryFacts.ageBand('c')} as age, c.sex as sex,
      -- A person is their lookup key (the 身份证号, or its keyed SM3 when encrypted: decision 0022).
      c.id_number_index as id_number,
      ${injuryFacts.isDetermined('c')} as det, ${injuryFacts.isProduction('c')} as prod,
      c.is_death, c.fund_expenditure_fen
    from injury_cases c join organisations o on o.id = c.employer_id ${anc}
    where ${where(yr)}`;
}

function injuryBase(basis: YearBasis, slices: Slice[] | null): SQL {
  return injuryRows(basis, (yr) => slicePredicate(sql`c.jurisdiction_id`, yr, slices), false);
}

/** Rows of every area (a jurisdiction with its subtree) whose persons the slices change. */
function personsBase(basis: YearBasis, slices: Slice[] | null): SQL {
  if (slices === null) return injuryRows(basis, () => sql`true`, true);
  return injuryRows(basis, (yr) => sql`(anc.aid, ${yr}) in (${areaSlices(slices)})`, true);
}

/** The (area, year) pairs a set of (jurisdiction, year) slices lies in: each ancestor of each. */
function areaSlices(slices: Slice[]): SQL {
  return sql`select distinct a.aid, s.yr from (values ${sliceValues(slices)}) s(jid, yr) join (${ANCESTORS}) a on a.jid = s.jid`;
}

const INJURY_MEASURES =
  'cases_all, cases_det, cases_prod, amount_fen;' +
  'count(*), count(*) filter (where det), count(*) filter (where prod), coalesce(sum(fund_expenditure_fen), 0)';

/** Distinct persons within the area: all, 认定, production; and those of them with a death determination. */
const PERSONS_MEASURES =
  'persons_all, persons_det, persons_prod, deaths_all, deaths_det, deaths_prod;' +
  'count(distinct id_number), count(distinct id_number) filter (where det), count(distinct id_number) filter (where prod), ' +
  'count(distinct id_number) filter (where is_death), count(distinct id_number) filter (where is_death and det), ' +
  'count(distinct id_number) filter (where is_death and prod)';

function accidentBase(slices: Slice[] | null): SQL {
  return sql`
    select c.jurisdiction_id as jid, ${accidentFacts.year('c')} as yr,
      coalesce(left(o.industry_code, 2), '') as industry, c.category as category, c.grade as grade,
      c.deaths, c.serious_injuries, c.direct_loss_fen
    from safety_accidents c join organisations o on o.id = c.employer_id
    where ${slicePredicate(sql`c.jurisdiction_id`, accidentFacts.year('c'), slices)}`;
}
const ACCIDENT_MEASURES =
  'events, event_deaths, event_serious, amount_fen;count(*), coalesce(sum(deaths), 0), coalesce(sum(serious_injuries), 0), coalesce(sum(direct_loss_fen), 0)';

function diseaseBase(slices: Slice[] | null): SQL {
  return sql`
    select c.jurisdiction_id as jid, ${diseaseFacts.year('c')} as yr,
      coalesce(left(o.industry_code, 2), '') as industry, c.disease_class as category, c.is_pneumoconiosis
    from disease_cases c join organisations o on o.id = c.employer_id
    where ${slicePredicate(sql`c.jurisdiction_id`, diseaseFacts.year('c'), slices)}`;
}
const DISEASE_MEASURES = 'events, pneumoconiosis;count(*), count(*) filter (where is_pneumoconiosis)';

function headcountBase(slices: Slice[] | null): SQL {
  return sql`
    select o.jurisdiction_id as jid, h.year::int as yr, coalesce(left(o.industry_code, 2), '') as industry,
      h.average_insured, h.average_paying
    from insured_headcounts h join organisations o on o.id = h.employer_id
    where ${slicePredicate(sql`o.jurisdiction_id`, sql`h.year::int`, slices)}`;
}
const HEADCOUNT_MEASURES =
  'insured, paying, employers;coalesce(sum(average_insured), 0), coalesce(sum(average_paying), 0), count(*)';

const BUILDERS: Record<CubeSource, { base: (s: Slice[] | null) => SQL; measures: string }> = {
  'injury.determined': { base: (s) => injuryBase('determined', s), measures: INJURY_MEASURES },
  'injury.occurred': { base: (s) => injuryBase('occurred', s), measures: INJURY_MEASURES },
  accident: { base: accidentBase, measures: ACCIDENT_MEASURES },
  disease: { base: diseaseBase, measures: DISEASE_MEASURES },
  headcount: { base: headcountBase, measures: HEADCOUNT_MEASURES },
};

const CUBE_SOURCES = Object.keys(BUILDERS) as CubeSource[];

/** Recomputes the given slices of one source (null: all of it); an injury source its areas' persons too. */
async function refreshSource(tx: Db, source: CubeSource, slices: Slice[] | null) {
  if (slices !== null && slices.length === 0) return;
  const whole = slices === null || slices.length > FULL_REBUILD_SLICES;
  const target = whole ? null : slices;
  await tx.execute(
    sql`delete from analytics_cells where source = ${source} and ${slicePredicate(sql`jurisdiction_id`, sql`year::int`, target)}`,
  );
  const { base, measures } = BUILDERS[source];
  await tx.execute(aggregate(source, base(target), measures));
  const basis = basisOf(source);
  if (basis === null) return;
  const persons: StoredSource = `persons.${basis}`;
  await tx.execute(
    target === null
      ? sql`delete from analytics_cells where source = ${persons}`
      : sql`delete from analytics_cells where source = ${persons} and (jurisdiction_id, year::int) in (${areaSlices(target)})`,
  );
  await tx.execute(aggregate(persons, personsBase(basis, target), PERSONS_MEASURES));
}

/** Recomputes every figure from the raw rows (start-up of a database that has none, tests, bench). */
export async function rebuildAnalytics(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await lockRefresh(tx);
    for (const source of CUBE_SOURCES) await refreshSource(tx, source, null);
  });
}

/** Recomputes the slices of each source (inside the caller's transaction). */
export async function refreshSlices(tx: Db, slices: Slices): Promise<void> {
  await lockRefresh(tx);
  for (const source of CUBE_SOURCES) {
    const list = slices[source];
    if (list?.length) await refreshSource(tx, source, dedupe(list));
  }
}

function dedupe(slices: Slice[]): Slice[] {
  const seen = new Map<string, Slice>();
  for (const s of slices) seen.set(`${s[0]}:${s[1]}`, s);
  return [...seen.values()];
}

const toSlices = (rows: Row[]): Slice[] => rows.map((r) => [Number(r.jid), Number(r.yr)] as const);

/** Where each source's facts lie and which year places them. */
const SLICE_SOURCES: Record<Exclude<Source, 'fund' | 'injury'>, { from: SQL; jid: SQL; year: SQL }> = {
  accident: { from: sql`safety_accidents c`, jid: sql`c.jurisdiction_id`, year: accidentFacts.year('c') },
  disease: { from: sql`disease_cases c`, jid: sql`c.jurisdiction_id`, year: diseaseFacts.year('c') },
  headcount: {
    from: sql`insured_headcounts c join organisations o on o.id = c.employer_id`,
    jid: sql`o.jurisdiction_id`,
    year: sql`c.year::int`,
  },
};

async function slicesOf(tx: Db, source: CubeSource, where: SQL): Promise<Slice[]> {
  const basis = basisOf(source);
  const { from, jid, year } =
    basis === null
      ? SLICE_SOURCES[source as keyof typeof SLICE_SOURCES]
      : { from: sql`injury_cases c`, jid: sql`c.jurisdiction_id`, year: injuryFacts.year('c', basis) };
  return toSlices(
    rowsOf(await tx.execute(sql`select distinct ${jid} as jid, ${year} as yr from ${from} where ${where}`)),
  );
}

/** The slices of some facts of a domain's source; injuries under both year bases. */
async function domainSlices(tx: Db, source: Source, where: SQL): Promise<Slices> {
  if (source === 'injury') {
    const out: Slices = {};
    for (const s of INJURY_SOURCES) out[s] = await slicesOf(tx, s, where);
    return out;
  }
  return { [source]: await slicesOf(tx, source as CubeSource, where) };
}

const DOMAIN_SOURCE: Partial<Record<Domain, { source: Source; key: string; column: string }>> = {
  injuries: { source: 'injury', key: 'caseNo', column: 'case_no' },
  accidents: { source: 'accident', key: 'accidentNo', column: 'accident_no' },
  diseases: { source: 'disease', key: 'caseNo', column: 'case_no' },
};

export interface BatchInfo {
  batchId: number;
  domain: Domain;
  supersedesBatchId: number | null;
}

/**
 * Slices that staged rows are about to change through the rows they replace (read just before the
 * rows are written). A headcount row replaces the same employer and year, which its own slice
 * covers after the merge, so headcounts need no look before.
 */
export async function captureSlicesBefore(tx: Db, batch: BatchInfo, rows: SQL): Promise<Slices> {
  const staged = (key: string) =>
    sql`(select ${sql.raw(`s.${stagingColumn(batch.domain, key)}`)} from ${rows} s)`;
  if (batch.domain === 'employers') {
    const employers = sql`c.employer_id in (select o.id from organisations o where o.credit_code in ${staged('creditCode')})`;
    return employerSlices(tx, employers);
  }
  const d = DOMAIN_SOURCE[batch.domain];
  if (!d) return {};
  return domainSlices(tx, d.source, sql`${sql.raw(`c.${d.column}`)} in ${staged(d.key)}`);
}

/** Slices of the rows a superseded batch still owns, read before they are removed. */
export async function captureSupersededSlices(tx: Db, batch: BatchInfo): Promise<Slices> {
  if (batch.supersedesBatchId === null) return {};
  const where = sql`c.batch_id = ${batch.supersedesBatchId}`;
  if (batch.domain === 'headcounts') return { headcount: await slicesOf(tx, 'headcount', where) };
  const d = DOMAIN_SOURCE[batch.domain];
  return d ? domainSlices(tx, d.source, where) : {};
}

async function employerSlices(tx: Db, employers: SQL): Promise<Slices> {
  return {
    ...(await domainSlices(tx, 'injury', employers)),
    accident: await slicesOf(tx, 'accident', employers),
    disease: await slicesOf(tx, 'disease', employers),
    headcount: await slicesOf(tx, 'headcount', employers),
  };
}

/** The slices of a committed batch's own rows. */
async function slicesOfBatch(tx: Db, batchId: number, domain: Domain): Promise<Slices> {
  if (domain === 'employers')
    return employerSlices(
      tx,
      sql`c.employer_id in (select o.id from organisations o where o.source_batch_id = ${batchId})`,
    );
  if (domain === 'headcounts')
    return { headcount: await slicesOf(tx, 'headcount', sql`c.batch_id = ${batchId}`) };
  const d = DOMAIN_SOURCE[domain];
  return d ? domainSlices(tx, d.source, sql`c.batch_id = ${batchId}`) : {};
}

function unite(all: Slices[]): Slices {
  // A queue row written before the year bases (key 'injury') counts for both.
  all = all.map((s) => {
    const legacy = (s as Record<string, Slice[] | undefined>).injury;
    return legacy ? { ...s, 'injury.determined': legacy, 'injury.occurred': legacy } : s;
  });
  const merged: Slices = {};
  for (const source of CUBE_SOURCES) {
    const list = dedupe(all.flatMap((s) => s[source] ?? []));
    if (list.length > 0) merged[source] = list;
  }
  return merged;
}

/** Inside the batch's transaction: its refresh is queued with the slices captured before its rows changed. */
export async function queueRefresh(tx: Db, batch: BatchInfo, captured: Slices[]): Promise<void> {
  await tx
    .insert(analyticsRefreshQueue)
    .values({ batchId: batch.batchId, domain: batch.domain, slices: unite(captured) });
}

/**
 * Brings the figures up to date for every queued batch, oldest first, each in a transaction of
 * its own that also removes its queue row and records the refresh in the audit log.
 */
export async function refreshQueued(db: Db): Promise<{ batchId: number; ms: number }[]> {
  const done: { batchId: number; ms: number }[] = [];
  for (;;) {
    const refreshed = await db.transaction(async (tx) => {
      await lockRefresh(tx);
      const q = analyticsRefreshQueue;
      const [next] = await tx
        .select({
          id: q.id,
          batchId: q.batchId,
          domain: q.domain,
          slices: q.slices,
          queuedAt: q.queuedAt,
          // The audit record lies where the batch does, for the officers of that scope to see.
          path: sql<
            string | null
          >`(select j.path from exchange_batches b join jurisdictions j on j.id = b.jurisdiction_id where b.id = ${q.batchId})`,
        })
        .from(q)
        .orderBy(q.id)
        .limit(1);
      if (!next) return undefined;
      const started = performance.now();
      const slices = unite([
        next.slices as Slices,
        await slicesOfBatch(tx, next.batchId, next.domain as Domain),
      ]);
      await refreshSlices(tx, slices);
      await tx.delete(q).where(eq(q.id, next.id));
      const ms = Math.round(performance.now() - started);
      await recordAudit(
        tx,
        { username: 'system', ip: 'analytics-refresh', jurisdictionPath: next.path ?? undefined },
        {
          action: 'analytics.refresh',
          targetType: 'exchange_batch',
          targetId: next.batchId,
          details: {
            ms,
            queuedAt: new Date(next.queuedAt).toISOString(),
            slices: Object.fromEntries(Object.entries(slices).map(([source, list]) => [source, list.length])),
          },
        },
      );
      return { batchId: next.batchId, ms };
    });
    if (!refreshed) return done;
    done.push(refreshed);
  }
}

/**
 * Queued refreshes whose batch lies in the scope, above it or below it (either changes the
 * scope's figures): the dashboard says its figures do not include them yet.
 */
export async function describePendingRefreshes(db: Db, scopePath: string) {
  const [row] = rowsOf(
    await db.execute(sql`
      select count(*)::int as n, min(q.queued_at) as since
      from analytics_refresh_queue q
      join exchange_batches b on b.id = q.batch_id
      join jurisdictions j on j.id = b.jurisdiction_id
      -- within the scope, or the scope within the batch's jurisdiction (paths hold digits and '/')
      where ${withinScope(sql`j.path`, scopePath)} or ${scopePath} like j.path || '/%'`),
  );
  const since = row?.since ? new Date(String(row.since)).toISOString() : null;
  return { batches: Number(row?.n ?? 0), since };
}

/** Handed to the exchange: every merge queues the figures it changes, refreshed right after its commit. */
export const analyticsMergeListener = {
  beforeRows: (tx: Db, batch: BatchInfo, rows: SQL) => captureSlicesBefore(tx, batch, rows),
  beforeSupersede: (tx: Db, batch: BatchInfo) => captureSupersededSlices(tx, batch),
  afterMerge: (tx: Db, batch: BatchInfo, captured: unknown[]) =>
    queueRefresh(tx, batch, captured as Slices[]),
  afterCommit: async (db: Db) => {
    await refreshQueued(db);
  },
};

/** Handed to organisations: an employer moved to another industry or jurisdiction takes its figures along. */
export const analyticsEmployerListener = {
  beforeChange: (tx: Db, employerId: number) => employerSlices(tx, sql`c.employer_id = ${employerId}`),
  afterChange: async (tx: Db, employerId: number, captured: unknown) => {
    const after = await employerSlices(tx, sql`c.employer_id = ${employerId}`);
    await refreshSlices(tx, unite([captured as Slices, after]));
  },
};

/**
 * Every queued refresh, whatever its scope (for the operator's metrics, not an officer's view): how
 * many batches' figures wait and how long the oldest has waited.
 */
export async function unsafeMeasureRefreshLag(db: Db): Promise<{ batches: number; oldestSeconds: number }> {
  const [row] = rowsOf<{ n: number; age: number | string | null }>(
    await db.execute(sql`
      select count(*)::int as n, extract(epoch from (now() - min(queued_at)))::float8 as age
      from analytics_refresh_queue`),
  );
  return { batches: Number(row?.n ?? 0), oldestSeconds: Number(row?.age ?? 0) };
}
