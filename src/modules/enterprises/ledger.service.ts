import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { containing, withinScope } from '../../platform/db/scope.js';
import { notFound } from '../../platform/http/errors.js';
import { recordPersonalDataAccess } from '../../platform/privacy/access-log.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { maskIdNumber, maskName } from '../../platform/privacy/mask.js';
import { currentYear } from '../../platform/time.js';
import { GB6441_CATEGORIES } from '../code-tables/injury-codes.data.js';
import {
  AGE_BANDS,
  accidentFacts,
  type CountingRules,
  describeCounting,
  diseaseFacts,
  injuryFacts,
} from '../facts/counting.js';
import {
  countInjuries,
  figureOf,
  type InjuryCount,
  type InjuryGroup,
  injuryCountsByEmployer,
  resolveCountingRules,
} from '../facts/facts.service.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { resolveSetting } from '../settings/settings.service.js';
import { findPlanPeriod } from './enterprises.service.js';
import { ENTERPRISES_SETTINGS } from './enterprises.settings.js';

/** The latest year with headcount data: the default year of ledgers and pictures. */
export async function latestDataYear(db: Db): Promise<number> {
  const [row] = rowsOf(await db.execute(sql`select max(year) as year from insured_headcounts`));
  return Number(row?.year ?? currentYear() - 1);
}

export interface LedgerOptions {
  jurisdiction?: string;
  planPeriod?: string;
  category: 'key' | 'dust';
  keyIndustryId?: number;
  year?: number;
  insuranceStatus?: 'insured' | 'uninsured' | 'suspended';
  search?: string;
  /** Only employers the joint meeting adopted for the year (AN-3). */
  adoptedOnly?: boolean;
  sort: 'injuries' | 'rate' | 'insured' | 'name' | 'insuredShare';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const SORTS: Record<LedgerOptions['sort'], string> = {
  injuries: 'injuries',
  rate: 'rate_per_1000',
  insured: 'average_insured',
  name: 'name',
  insuredShare: 'insured_share',
};

/**
 * The key-enterprise ledger (台账, KI-1) or the dust-hazard list (KI-2) of a jurisdiction: employers
 * of the plan period's key (or dust) industries with their year's insured headcount, insured share,
 * injuries, deaths, accidents and occupational-disease cases.
 */
export async function listKeyEnterprises(
  db: Db,
  actor: Actor,
  options: LedgerOptions,
  lang: 'zh' | 'en' = 'zh',
) {
  const jurisdiction = await getJurisdictionInScope(
    db,
    actor,
    options.jurisdiction ?? actor.jurisdictionCode,
  );
  const year = options.year ?? (await latestDataYear(db));
  const period = await findPlanPeriod(db, options.planPeriod, year);
  const ancestors = jurisdiction.path.split('/');
  const rules = await resolveCountingRules(db, jurisdiction.path);
  const filters: SQL[] = [];
  if (options.insuranceStatus) filters.push(sql`and o.insurance_status = ${options.insuranceStatus}`);
  if (options.search) {
    const pattern = containing(options.search);
    filters.push(sql`and (o.name ilike ${pattern} or o.credit_code ilike ${pattern})`);
  }
  const direction = options.order === 'asc' ? sql.raw('asc') : sql.raw('desc');
  const result = await db.execute(sql`
    with ki as (
      select k.id, k.name, p.prefix
      from key_industries k cross join lateral jsonb_array_elements_text(k.industry_prefixes) as p(prefix)
      where k.plan_period_id = ${period.id} and k.category = ${options.category}
        and (k.jurisdiction_id is null or k.jurisdiction_id in (select id from jurisdictions where code in ${sql`(${sql.join(
          ancestors.map((c) => sql`${c}`),
          sql`, `,
        )})`}))
        ${options.keyIndustryId ? sql`and k.id = ${options.keyIndustryId}` : sql``}
    ), adopted as (
      -- The standing adoptions of the year (AN-3): the latest one naming the employer.
      select distinct on (i.employer_id) i.employer_id, i.rank, a.adopted_by_name, a.adopted_at, aj.name as adopted_in
      from key_enterprise_adoption_items i
      join key_enterprise_adoptions a on a.id = i.adoption_id
      join jurisdictions aj on aj.id = a.jurisdiction_id
      where a.year = ${year} and a.superseded_at is null
      order by i.employer_id, a.adopted_at desc
    ), emp as (
      select o.id, o.name, o.credit_code, o.industry_code, o.size_band, o.insurance_status, o.is_pending,
             j.code as jurisdiction_code, j.name as jurisdiction_name,
             (select string_agg(distinct ki.name, '、') from ki where o.industry_code like ki.prefix || '%') as industries
      from organisations o join jurisdictions j on j.id = o.jurisdiction_id
      where o.kind = 'employer' and ${withinScope(sql`j.path`, jurisdiction.path)}
        and (exists (select 1 from ki where o.industry_code like ki.prefix || '%')
          ${
            // Adopted employers join the key ledger even outside the key industries.
            options.category === 'key' && !options.keyIndustryId
              ? sql`or o.id in (select employer_id from adopted)`
              : sql``
          })
        ${options.adoptedOnly ? sql`and o.id in (select employer_id from adopted)` : sql``}
        ${sql.join(filters, sql` `)}
    ), inj as (${injuryCountsByEmployer(year, rules, sql`select id from emp`)}
    ), acc as (
      select employer_id, count(*) as n from safety_accidents a
      where ${accidentFacts.inYears('a', year)} and employer_id in (select id from emp) group by employer_id
    ), dis as (
      select employer_id, count(*) as n, count(*) filter (where is_pneumoconiosis) as pneumoconiosis from disease_cases d
      where ${diseaseFacts.inYears('d', year)} and employer_id in (select id from emp) group by employer_id
    )
    select emp.*, h.average_insured, h.employees,
      ad.rank as adopted_rank, ad.adopted_by_name, ad.adopted_at, ad.adopted_in,
      coalesce(inj.count, 0)::int as injuries, coalesce(inj.deaths, 0)::int as deaths, coalesce(inj.fen, 0)::bigint as fund_fen,
      coalesce(acc.n, 0)::int as accidents, coalesce(dis.n, 0)::int as diseases, coalesce(dis.pneumoconiosis, 0)::int as pneumoconiosis,
      case when h.average_insured > 0 then round(coalesce(inj.count, 0) * 1000.0 / h.average_insured, 2) end as rate_per_1000,
      case when h.employees > 0 then round(coalesce(h.average_insured, 0) * 100.0 / h.employees, 1) end as insured_share,
      count(*) over () as total
    from emp
    left join insured_headcounts h on h.employer_id = emp.id and h.year = ${year}
    left join inj on inj.employer_id = emp.id
    left join acc on acc.employer_id = emp.id
    left join dis on dis.employer_id = emp.id
    left join adopted ad on ad.employer_id = emp.id
    order by ${sql.raw(SORTS[options.sort])} ${direction} nulls last, emp.id
    limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}`);
  const rows = rowsOf(result);
  return {
    year,
    counting: countingOf(rules, lang),
    planPeriod: period.code,
    category: options.category,
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      creditCode: r.credit_code === null ? null : String(r.credit_code),
      industryCode: r.industry_code === null ? null : String(r.industry_code),
      keyIndustries: String(r.industries ?? ''),
      sizeBand: (r.size_band as string | null) ?? null,
      insuranceStatus: (r.insurance_status as string | null) ?? null,
      isPending: Boolean(r.is_pending),
      jurisdictionCode: String(r.jurisdiction_code),
      jurisdictionName: String(r.jurisdiction_name),
      averageInsured: r.average_insured === null ? null : Number(r.average_insured),
      employees: r.employees === null ? null : Number(r.employees),
      insuredShare: r.insured_share === null ? null : Number(r.insured_share),
      injuries: Number(r.injuries),
      deaths: Number(r.deaths),
      fundExpenditureFen: Number(r.fund_fen),
      ratePer1000: r.rate_per_1000 === null ? null : Number(r.rate_per_1000),
      accidents: Number(r.accidents),
      diseases: Number(r.diseases),
      pneumoconiosis: Number(r.pneumoconiosis),
      adoption:
        r.adopted_at === null || r.adopted_at === undefined
          ? null
          : {
              rank: Number(r.adopted_rank),
              adoptedByName: String(r.adopted_by_name),
              adoptedIn: String(r.adopted_in),
              adoptedAt: new Date(r.adopted_at as string).toISOString(),
            },
    })),
  };
}

/**
 * 重点监控 (KI-3): employers not insured as required, and employers with at least the
 * jurisdiction's threshold of determinations in the year, each with why it is listed.
 */
export async function listMonitoredEmployers(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; year?: number; page: number; pageSize: number },
  lang: 'zh' | 'en' = 'zh',
) {
  const jurisdiction = await getJurisdictionInScope(
    db,
    actor,
    options.jurisdiction ?? actor.jurisdictionCode,
  );
  const year = options.year ?? (await latestDataYear(db));
  const [threshold, rules] = await Promise.all([
    resolveSetting(db, jurisdiction.path, ENTERPRISES_SETTINGS.injuryThreshold),
    resolveCountingRules(db, jurisdiction.path),
  ]);
  const employers = sql`select o.id from organisations o join jurisdictions j on j.id = o.jurisdiction_id
    where o.kind = 'employer' and ${withinScope(sql`j.path`, jurisdiction.path)}`;
  const result = await db.execute(sql`
    with inj as (${injuryCountsByEmployer(year, rules, employers)})
    select o.id, o.name, o.credit_code, o.insurance_status, o.industry_code, j.code as jurisdiction_code, j.name as jurisdiction_name,
      coalesce(inj.count, 0)::int as injuries, coalesce(inj.deaths, 0)::int as deaths, h.average_insured, count(*) over () as total
    from organisations o
    join jurisdictions j on j.id = o.jurisdiction_id
    left join inj on inj.employer_id = o.id
    left join insured_headcounts h on h.employer_id = o.id and h.year = ${year}
    where o.kind = 'employer' and ${withinScope(sql`j.path`, jurisdiction.path)}
      and (o.insurance_status in ('uninsured', 'suspended') or coalesce(inj.count, 0) >= ${threshold.value})
    order by coalesce(inj.count, 0) desc, o.insurance_status desc nulls last, o.id
    limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}`);
  const rows = rowsOf(result);
  return {
    year,
    counting: countingOf(rules, lang),
    threshold: threshold.value,
    thresholdDefinedAt: threshold.definedAt,
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => {
      const reasons: { code: 'not_insured' | 'suspended' | 'frequent_injuries'; injuries?: number }[] = [];
      if (r.insurance_status === 'uninsured') reasons.push({ code: 'not_insured' });
      if (r.insurance_status === 'suspended') reasons.push({ code: 'suspended' });
      if (Number(r.injuries) >= threshold.value)
        reasons.push({ code: 'frequent_injuries', injuries: Number(r.injuries) });
      return {
        id: Number(r.id),
        name: String(r.name),
        creditCode: r.credit_code === null ? null : String(r.credit_code),
        industryCode: r.industry_code === null ? null : String(r.industry_code),
        insuranceStatus: (r.insurance_status as string | null) ?? null,
        jurisdictionCode: String(r.jurisdiction_code),
        jurisdictionName: String(r.jurisdiction_name),
        injuries: Number(r.injuries),
        deaths: Number(r.deaths),
        averageInsured: r.average_insured === null ? null : Number(r.average_insured),
        reasons,
      };
    }),
  };
}

/**
 * The shared picture of a jurisdiction's year (DX-4, F 三(二)2): injury types, high-incidence posts,
 * high-incidence groups (age band × sex), fund expenditure, with accidents and occupational disease
 * beside them. Aggregates only: no personal data. Counted by the jurisdiction's counting rules
 * (facts module), the same as every other page.
 */
export async function describeSharedPicture(
  db: Db,
  actor: Actor,
  options: { jurisdiction?: string; year?: number },
  lang: 'zh' | 'en' = 'zh',
) {
  const jurisdiction = await getJurisdictionInScope(
    db,
    actor,
    options.jurisdiction ?? actor.jurisdictionCode,
  );
  const year = options.year ?? (await latestDataYear(db));
  const rules = await resolveCountingRules(db, jurisdiction.path);
  const path = jurisdiction.path;
  const inScope = withinScope(sql`j.path`, path);
  const count = (by: InjuryGroup, y = year) => countInjuries(db, { path, from: y, rules, by });
  const [totals, previous, byCategory, byGround, byPost, byAgeSex, bySeverity, byMonth, accidents, diseases] =
    await Promise.all([
      count('none'),
      count('none', year - 1),
      count('category'),
      count('ground'),
      count('post'),
      db.execute(sql`select ${injuryFacts.ageBand('i')} as band, i.sex, ${injuryFacts.count('i', rules.countUnit)} as n
        from injury_cases i join jurisdictions j on j.id = i.jurisdiction_id
        where ${inScope} and ${injuryFacts.inYears('i', rules.yearBasis, year)} and ${injuryFacts.inGroundScope('i', rules.groundScope)}
        group by 1, 2`),
      count('severity'),
      count('month'),
      db.execute(sql`select count(*)::int as n, coalesce(sum(a.deaths), 0)::int as deaths from safety_accidents a join jurisdictions j on j.id = a.jurisdiction_id
      where ${inScope} and ${accidentFacts.inYears('a', year)}`),
      db.execute(sql`select count(*)::int as n, count(*) filter (where d.is_pneumoconiosis)::int as pneumoconiosis from disease_cases d
      join jurisdictions j on j.id = d.jurisdiction_id where ${inScope} and ${diseaseFacts.inYears('d', year)}`),
    ]);
  const t = figureOf(totals);
  const counts = (list: InjuryCount[]) => list.map((c) => ({ key: c.key, count: c.count }));
  const byCount = (a: { count: number; key: string }, b: { count: number; key: string }) =>
    b.count - a.count || a.key.localeCompare(b.key);
  const ageSex = rowsOf(byAgeSex);
  return {
    jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
    year,
    counting: countingOf(rules, lang),
    injuries: {
      /** Under the jurisdiction's unit (人次 or persons). */
      count: t.count,
      cases: t.cases,
      persons: t.persons,
      deaths: t.deaths,
      serious: t.serious,
      fundExpenditureFen: t.fundFen,
      previousYearCases: figureOf(previous).count,
    },
    byCategory: counts(byCategory)
      .sort(byCount)
      .map((c) => ({ ...c, name: GB6441_CATEGORIES[c.key] ?? null })),
    byGround: counts(byGround),
    topPosts: counts(byPost).sort(byCount).slice(0, 10),
    byAgeSex: AGE_BANDS.map((band) => ({
      band,
      male: Number(ageSex.find((r) => r.band === band && r.sex === 'male')?.n ?? 0),
      female: Number(ageSex.find((r) => r.band === band && r.sex === 'female')?.n ?? 0),
    })),
    bySeverity: bySeverity.map((r) => ({ key: r.key, count: r.count, fundExpenditureFen: r.fundFen })),
    byMonth: counts(byMonth),
    accidents: {
      count: Number(rowsOf(accidents)[0]?.n ?? 0),
      deaths: Number(rowsOf(accidents)[0]?.deaths ?? 0),
    },
    diseases: {
      count: Number(rowsOf(diseases)[0]?.n ?? 0),
      pneumoconiosis: Number(rowsOf(diseases)[0]?.pneumoconiosis ?? 0),
    },
  };
}

/** The rules a page counted by, and their label, sent with its figures. */
function countingOf(rules: CountingRules, lang: 'zh' | 'en') {
  return {
    yearBasis: rules.yearBasis,
    countUnit: rules.countUnit,
    groundScope: rules.groundScope,
    label: describeCounting(rules, lang),
  };
}

/**
 * 公示参保人员名单 (KI-2): an employer's insured persons of a year, prepared for public display —
 * names and 身份证号 are always masked here, whoever looks, so the list can be posted as it is.
 */
export async function listInsuredPersonsForDisplay(db: Db, actor: Actor, employerId: number, year?: number) {
  const [employer] = rowsOf(
    await db.execute(sql`
      select o.id, o.name, o.credit_code, o.industry_code, j.name as jurisdiction_name
      from organisations o join jurisdictions j on j.id = o.jurisdiction_id
      where o.id = ${employerId} and o.kind = 'employer' and ${withinScope(sql`j.path`, actor.jurisdictionPath)}`),
  );
  if (!employer) throw notFound();
  const [latest] = rowsOf(
    await db.execute(sql`select max(year) as year from insured_persons where employer_id = ${employerId}`),
  );
  const listYear = year ?? (latest?.year === null || latest?.year === undefined ? null : Number(latest.year));
  const persons =
    listYear === null
      ? []
      : rowsOf(
          await db.execute(sql`
            select person_name, id_number, insured_from::text as insured_from from insured_persons
            where employer_id = ${employerId} and year = ${listYear} order by insured_from, id_number_index limit 20000`),
        );
  const [headcount] =
    listYear === null
      ? []
      : rowsOf(
          await db.execute(sql`
            select average_insured, employees from insured_headcounts where employer_id = ${employerId} and year = ${listYear}`),
        );
  // The list is masked for posting, but who looked at whose (masked) entries is still recorded.
  await recordPersonalDataAccess(db, actor, {
    targetType: 'insured_persons',
    ids: listYear === null || persons.length === 0 ? [] : [`${employerId}/${listYear}`],
    isMasked: true,
    route: 'GET /api/enterprises/:id/insured-persons',
    fields: ['personName', 'idNumber'],
    details: { employerId, year: listYear, persons: persons.length },
  });
  const crypto = piiCrypto();
  return {
    employer: {
      id: Number(employer.id),
      name: String(employer.name),
      creditCode: employer.credit_code === null ? null : String(employer.credit_code),
      industryCode: employer.industry_code === null ? null : String(employer.industry_code),
      jurisdictionName: String(employer.jurisdiction_name),
    },
    year: listYear,
    averageInsured: headcount ? Number(headcount.average_insured) : null,
    employees: headcount?.employees == null ? null : Number(headcount.employees),
    total: persons.length,
    items: persons.map((p, i) => ({
      no: i + 1,
      // Stored encrypted when PII_ENCRYPTION=sm4 (decision 0022): decrypted only to be masked.
      name: maskName(crypto.decrypt(String(p.person_name))) as string,
      idNumber: maskIdNumber(crypto.decrypt(String(p.id_number))) as string,
      insuredFrom: String(p.insured_from),
    })),
  };
}
