import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { withinScope } from '../../platform/db/scope.js';
import { badRequest } from '../../platform/http/errors.js';
import { GBT4754_DIVISIONS } from '../code-tables/gbt4754.data.js';
import { findPlanPeriod } from '../enterprises/enterprises.service.js';
import { keyEnterpriseAdoptionItems, keyEnterpriseAdoptions } from '../enterprises/enterprises.tables.js';
import { latestDataYear } from '../enterprises/ledger.service.js';
import { countInjuries, figureOf } from '../facts/facts.service.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { fitCredibilityWithFallback, shrink } from './credibility.js';
import type { CountingOptions } from './ranking.schema.js';

export const METHOD = 'poisson-gamma-eb';

/** Per person → per 1,000. */
const perMille = (rate: number | null) => (rate === null ? null : rate * 1000);

interface EmployerFigure {
  id: number;
  name: string;
  creditCode: string | null;
  industryCode: string | null;
  division: string;
  jurisdictionName: string;
  exposure: number | null;
  cases: number;
}

/** The counting rules of the facts module for a ranking's options. */
export function rulesOf(options: CountingOptions) {
  return {
    yearBasis: options.yearBasis,
    countUnit: options.counting,
    groundScope: options.grounds,
  } as const;
}

/**
 * Every employer of a jurisdiction's subtree with a denominator or a case in the year: its
 * numerator (counted by the facts module's rules) and denominator.
 */
async function employerFigures(
  db: Db,
  path: string,
  year: number,
  options: CountingOptions,
): Promise<EmployerFigure[]> {
  const denominator =
    options.denominator === 'paying' ? sql.raw('h.average_paying') : sql.raw('h.average_insured');
  const [result, counts] = await Promise.all([
    db.execute(sql`
      select o.id, o.name, o.credit_code, o.industry_code, j.name as jurisdiction_name, ${denominator} as exposure
      from organisations o join jurisdictions j on j.id = o.jurisdiction_id
      left join insured_headcounts h on h.employer_id = o.id and h.year = ${year}
      where o.kind = 'employer' and ${withinScope(sql`j.path`, path)}`),
    countInjuries(db, { path, from: year, rules: rulesOf(options), by: 'employer' }),
  ]);
  const cases = new Map(counts.map((c) => [Number(c.key), c.count]));
  return rowsOf(result)
    .filter((r) => r.exposure !== null || cases.has(Number(r.id)))
    .map((r) => {
      const industryCode = r.industry_code === null ? null : String(r.industry_code);
      return {
        id: Number(r.id),
        name: String(r.name),
        creditCode: r.credit_code === null ? null : String(r.credit_code),
        industryCode,
        division: industryCode?.slice(0, 2) ?? '',
        jurisdictionName: String(r.jurisdiction_name),
        exposure: r.exposure === null ? null : Number(r.exposure),
        cases: cases.get(Number(r.id)) ?? 0,
      };
    });
}

async function resolveScope(db: Db, actor: Actor, options: { jurisdiction?: string; year?: number }) {
  const jurisdiction = await getJurisdictionInScope(
    db,
    actor,
    options.jurisdiction ?? actor.jurisdictionCode,
  );
  const year = options.year ?? (await latestDataYear(db));
  return { jurisdiction, year };
}

/** Key industries (category key) of the year's plan period that apply to a jurisdiction. */
async function keyIndustriesOf(db: Db, path: string, year: number) {
  const period = await findPlanPeriod(db, undefined, year);
  const codes = path.split('/');
  const result = await db.execute(sql`
    select k.id, k.name, k.industry_prefixes from key_industries k
    where k.plan_period_id = ${period.id} and k.category = 'key'
      and (k.jurisdiction_id is null or k.jurisdiction_id in (select id from jurisdictions where code in (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})))
    order by k.id`);
  return {
    period,
    industries: rowsOf(result).map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      prefixes: r.industry_prefixes as string[],
    })),
  };
}

/**
 * The yearly ranking of industries (GB/T 4754 divisions, or the plan period's key industries) of a
 * jurisdiction's subtree by injury rate per 1,000 or by count (AN-3).
 */
export async function rankIndustries(
  db: Db,
  actor: Actor,
  options: CountingOptions & {
    jurisdiction?: string;
    year?: number;
    level: 'division' | 'key';
    sort: 'rate' | 'count';
  },
) {
  const { jurisdiction, year } = await resolveScope(db, actor, options);
  const figures = await employerFigures(db, jurisdiction.path, year, options);
  const { period, industries } = await keyIndustriesOf(db, jurisdiction.path, year);
  const groups: { code: string; name: string; members: EmployerFigure[] }[] =
    options.level === 'division'
      ? [...groupBy(figures, (f) => f.division)].map(([division, members]) => ({
          code: division,
          name: GBT4754_DIVISIONS[division] ?? '—',
          members,
        }))
      : industries.map((k) => ({
          code: String(k.id),
          name: k.name,
          members: figures.filter((f) => k.prefixes.some((p) => f.industryCode?.startsWith(p))),
        }));
  // A group's count is made over the group as a whole: a person injured at two of its employers
  // is one person of the group (the facts module's rule), not the sum of its employers' counts.
  const rules = rulesOf(options);
  const byDivision =
    options.level === 'division'
      ? new Map(
          (await countInjuries(db, { path: jurisdiction.path, from: year, rules, by: 'division' })).map(
            (c) => [c.key, c.count],
          ),
        )
      : null;
  const items = await Promise.all(
    groups.map(async (g) => {
      let exposure = 0;
      let ratedCases = 0;
      let memberCases = 0;
      for (const m of g.members) {
        memberCases += m.cases;
        if ((m.exposure ?? 0) > 0) {
          exposure += m.exposure ?? 0;
          ratedCases += m.cases;
        }
      }
      const cases = byDivision
        ? (byDivision.get(g.code) ?? 0)
        : figureOf(
            await countInjuries(db, {
              path: jurisdiction.path,
              from: year,
              rules,
              employerIds: g.members.map((m) => m.id),
            }),
          ).count;
      return {
        code: g.code,
        name: g.name,
        employers: g.members.length,
        exposure,
        cases,
        /** Cases at employers without a headcount that year (in the count, not in a rate's reach). */
        unratedCases: memberCases - ratedCases,
        ratePer1000: exposure > 0 ? (cases * 1000) / exposure : null,
      };
    }),
  );
  items.sort((a, b) =>
    options.sort === 'count'
      ? b.cases - a.cases || a.code.localeCompare(b.code)
      : compareNullsLast(a.ratePer1000, b.ratePer1000) || b.cases - a.cases || a.code.localeCompare(b.code),
  );
  return {
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
    year,
    options: pickOptions(options),
    level: options.level,
    planPeriod: period.code,
    items: items.map((item, i) => ({ rank: i + 1, ...item })),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Descending, nulls last. */
function compareNullsLast(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return b - a;
}

function pickOptions(o: CountingOptions): CountingOptions {
  return { yearBasis: o.yearBasis, counting: o.counting, grounds: o.grounds, denominator: o.denominator };
}

/** The credibility fit of a year with the three-year fallback (credibility.ts). */
function fitWithFallback(
  db: Db,
  path: string,
  year: number,
  options: CountingOptions,
  figures: EmployerFigure[],
) {
  const exposed = (f: EmployerFigure) => ({
    id: f.id,
    group: f.division,
    cases: f.cases,
    exposure: f.exposure,
  });
  return fitCredibilityWithFallback(year, figures.map(exposed), async (y) =>
    (await employerFigures(db, path, y, options)).map(exposed),
  );
}

/** Every ranked employer, sorted, with its credibility figures; and the fit. */
async function computeEnterpriseRanking(
  db: Db,
  path: string,
  year: number,
  options: CountingOptions & { sort: 'shrunk' | 'raw' | 'count' },
) {
  const figures = await employerFigures(db, path, year, options);
  const fit = await fitWithFallback(db, path, year, options, figures);
  const rows = figures.map((f) => {
    const s = shrink({ group: f.division, cases: f.cases, exposure: f.exposure }, fit);
    return {
      employerId: f.id,
      name: f.name,
      creditCode: f.creditCode,
      industryCode: f.industryCode,
      division: f.division,
      divisionName: GBT4754_DIVISIONS[f.division] ?? null,
      jurisdictionName: f.jurisdictionName,
      exposure: f.exposure,
      cases: f.cases,
      rawRatePer1000: perMille(s.rawRate),
      credibility: s.credibility,
      industryRatePer1000: perMille(fit.groupRates.get(f.division) ?? null),
      shrunkRatePer1000: perMille(s.shrunkRate),
    };
  });
  const key = options.sort === 'raw' ? 'rawRatePer1000' : 'shrunkRatePer1000';
  // Equal shrunk rates (all of a division's employers when every weight is 0) are ordered by the
  // employer's own rate, then its cases: a firm without injury never leads its division by accident.
  rows.sort((a, b) =>
    options.sort === 'count'
      ? b.cases - a.cases ||
        compareNullsLast(a.shrunkRatePer1000, b.shrunkRatePer1000) ||
        a.employerId - b.employerId
      : compareNullsLast(a[key], b[key]) ||
        compareNullsLast(a.rawRatePer1000, b.rawRatePer1000) ||
        b.cases - a.cases ||
        (b.exposure ?? 0) - (a.exposure ?? 0) ||
        a.employerId - b.employerId,
  );
  return { fit, rows: rows.map((r, i) => ({ rank: i + 1, ...r })) };
}

async function findCurrentAdoption(db: Db, jurisdictionId: number, year: number) {
  const [adoption] = await db
    .select()
    .from(keyEnterpriseAdoptions)
    .where(
      and(
        eq(keyEnterpriseAdoptions.jurisdictionId, jurisdictionId),
        eq(keyEnterpriseAdoptions.year, year),
        isNull(keyEnterpriseAdoptions.supersededAt),
      ),
    );
  if (!adoption) return null;
  const items = await db
    .select({ employerId: keyEnterpriseAdoptionItems.employerId })
    .from(keyEnterpriseAdoptionItems)
    .where(eq(keyEnterpriseAdoptionItems.adoptionId, adoption.id));
  return { adoption, employerIds: new Set(items.map((i) => i.employerId)) };
}

/**
 * The yearly ranking of a jurisdiction's employers by injury rate with credibility (AN-3): raw
 * rate, credibility weight and the rate shrunk toward the employer's GB/T 4754 division.
 */
export async function rankEnterprises(
  db: Db,
  actor: Actor,
  options: CountingOptions & {
    jurisdiction?: string;
    year?: number;
    sort: 'shrunk' | 'raw' | 'count';
    division?: string;
    limit: number;
  },
) {
  const { jurisdiction, year } = await resolveScope(db, actor, options);
  const { fit, rows } = await computeEnterpriseRanking(db, jurisdiction.path, year, options);
  const current = await findCurrentAdoption(db, jurisdiction.id, year);
  const shown = options.division ? rows.filter((r) => r.division === options.division) : rows;
  return {
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
    year,
    options: pickOptions(options),
    method: {
      name: METHOD as typeof METHOD,
      k: fit.k,
      overallRatePer1000: perMille(fit.overallRate),
      priorVariancePer1000Sq: fit.priorVariance === null ? null : fit.priorVariance * 1e6,
      employersRated: fit.rated,
      kFromYear: fit.kFromYear,
      kToYear: fit.kToYear,
      weightsZeroBecause: fit.weightsZeroBecause,
    },
    total: shown.length,
    items: shown
      .slice(0, options.limit)
      .map((r) => ({ ...r, isAdopted: current?.employerIds.has(r.employerId) ?? false })),
    currentAdoption: current
      ? {
          id: current.adoption.id,
          adoptedAt: current.adoption.adoptedAt.toISOString(),
          adoptedBy: current.adoption.adoptedBy,
          adoptedByName: current.adoption.adoptedByName,
          reason: current.adoption.reason,
          employers: current.employerIds.size,
        }
      : null,
  };
}

/** Rounds a figure for a numeric(…, 4) column. */
const fixed = (n: number | null) => (n === null ? null : n.toFixed(4));

/**
 * Adopts a year's ranking into the key-enterprise ledger on the joint meeting's decision (AN-3):
 * the top N by credibility-weighted rate or a chosen selection, with each employer's rank and
 * figures now, the method and parameters, who, when and why. A standing adoption of the same
 * jurisdiction and year is superseded, and both are kept.
 */
export async function adoptRanking(
  db: Db,
  actor: Actor,
  input: CountingOptions & {
    jurisdictionCode: string;
    year: number;
    top?: number;
    employerIds?: number[];
    reason: string;
  },
) {
  const jurisdiction = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  if ((input.top === undefined) === (input.employerIds === undefined))
    throw badRequest('ranking.top_or_selection', 'top');
  const { fit, rows } = await computeEnterpriseRanking(db, jurisdiction.path, input.year, {
    ...input,
    sort: 'shrunk',
  });
  let chosen: typeof rows;
  if (input.employerIds) {
    const byId = new Map(rows.map((r) => [r.employerId, r]));
    chosen = input.employerIds.map((id, i) => {
      const row = byId.get(id);
      if (!row || row.shrunkRatePer1000 === null)
        throw badRequest('ranking.not_ranked', `employerIds.${i}`, { id });
      return row;
    });
    chosen = [...new Set(chosen)].sort((a, b) => a.rank - b.rank);
  } else {
    chosen = rows.filter((r) => r.shrunkRatePer1000 !== null).slice(0, input.top);
  }
  if (chosen.length === 0) throw badRequest('ranking.nothing_to_adopt', 'year', { year: input.year });
  const parameters = {
    ...pickOptions(input),
    k: fit.k,
    overallRatePer1000: perMille(fit.overallRate),
    priorGroup: 'gbt4754-division',
    sort: 'shrunk',
    selection: input.employerIds ? 'chosen' : `top ${input.top}`,
  };
  const id = await db.transaction(async (tx) => {
    const [previous] = await tx
      .update(keyEnterpriseAdoptions)
      .set({ supersededAt: sql`now()` })
      .where(
        and(
          eq(keyEnterpriseAdoptions.jurisdictionId, jurisdiction.id),
          eq(keyEnterpriseAdoptions.year, input.year),
          isNull(keyEnterpriseAdoptions.supersededAt),
        ),
      )
      .returning({ id: keyEnterpriseAdoptions.id });
    const [adoption] = await tx
      .insert(keyEnterpriseAdoptions)
      .values({
        jurisdictionId: jurisdiction.id,
        year: input.year,
        method: METHOD,
        parameters,
        reason: input.reason,
        adoptedByUserId: actor.userId,
        adoptedBy: actor.username,
        adoptedByName: actor.displayName,
      })
      .returning({ id: keyEnterpriseAdoptions.id });
    if (!adoption) throw new Error('insert returned no row');
    if (previous)
      await tx
        .update(keyEnterpriseAdoptions)
        .set({ supersededById: adoption.id })
        .where(eq(keyEnterpriseAdoptions.id, previous.id));
    await tx.insert(keyEnterpriseAdoptionItems).values(
      chosen.map((r) => ({
        adoptionId: adoption.id,
        employerId: r.employerId,
        rank: r.rank,
        cases: r.cases,
        exposure: r.exposure ?? 0,
        rawRate: fixed(r.rawRatePer1000),
        credibility: fixed(r.credibility),
        industryRate: fixed(r.industryRatePer1000),
        shrunkRate: fixed(r.shrunkRatePer1000),
      })),
    );
    await recordAudit(tx, actor, {
      action: 'ranking.adopt',
      targetType: 'key_enterprise_adoption',
      targetId: adoption.id,
      jurisdictionPath: jurisdiction.path,
      details: {
        year: input.year,
        employers: chosen.map((r) => r.employerId),
        replaces: previous?.id ?? null,
        reason: input.reason,
        parameters,
      },
    });
    return adoption.id;
  });
  const [created] = (await listAdoptions(db, actor, { jurisdiction: jurisdiction.code, id })).items;
  if (!created) throw new Error(`adoption ${id} not found after insert`);
  return created;
}

/** The adoptions (standing and superseded) of a jurisdiction's subtree, newest first, with their employers. */
export async function listAdoptions(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; year?: number; id?: number },
) {
  const jurisdiction = await getJurisdictionInScope(
    db,
    actor,
    options.jurisdiction ?? actor.jurisdictionCode,
  );
  const conditions = [withinScope(jurisdictions.path, jurisdiction.path)];
  if (options.year) conditions.push(eq(keyEnterpriseAdoptions.year, options.year));
  if (options.id) conditions.push(eq(keyEnterpriseAdoptions.id, options.id));
  const adoptions = await db
    .select({ a: keyEnterpriseAdoptions, code: jurisdictions.code, name: jurisdictions.name })
    .from(keyEnterpriseAdoptions)
    .innerJoin(jurisdictions, eq(jurisdictions.id, keyEnterpriseAdoptions.jurisdictionId))
    .where(and(...conditions))
    .orderBy(desc(keyEnterpriseAdoptions.id))
    .limit(200);
  const ids = adoptions.map((x) => x.a.id);
  const items =
    ids.length === 0
      ? []
      : await db
          .select({
            i: keyEnterpriseAdoptionItems,
            name: organisations.name,
            creditCode: organisations.creditCode,
          })
          .from(keyEnterpriseAdoptionItems)
          .innerJoin(organisations, eq(organisations.id, keyEnterpriseAdoptionItems.employerId))
          .where(inArray(keyEnterpriseAdoptionItems.adoptionId, ids))
          .orderBy(keyEnterpriseAdoptionItems.rank);
  const num = (v: string | null) => (v === null ? null : Number(v));
  return {
    items: adoptions.map(({ a, code, name }) => ({
      id: a.id,
      jurisdictionCode: code,
      jurisdictionName: name,
      year: a.year,
      method: a.method,
      parameters: a.parameters,
      reason: a.reason,
      adoptedBy: a.adoptedBy,
      adoptedByName: a.adoptedByName,
      adoptedAt: a.adoptedAt.toISOString(),
      supersededAt: a.supersededAt?.toISOString() ?? null,
      supersededById: a.supersededById,
      items: items
        .filter((x) => x.i.adoptionId === a.id)
        .map((x) => ({
          employerId: x.i.employerId,
          name: x.name,
          creditCode: x.creditCode,
          rank: x.i.rank,
          cases: x.i.cases,
          exposure: x.i.exposure,
          rawRatePer1000: num(x.i.rawRate),
          credibility: num(x.i.credibility),
          industryRatePer1000: num(x.i.industryRate),
          shrunkRatePer1000: num(x.i.shrunkRate),
        })),
    })),
  };
}
