import { and, asc, count, desc, eq, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { containing, withinScope } from '../../platform/db/scope.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { recordPersonalDataAccess } from '../../platform/privacy/access-log.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { maskedPersonFields, maskIdNumber } from '../../platform/privacy/mask.js';
import { accidentFacts, diseaseFacts } from '../facts/counting.js';
import { countInjuries, resolveCountingRules } from '../facts/facts.service.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { diseaseCases, injuryCases, insuredHeadcounts, safetyAccidents } from './exchange.tables.js';
import { normalizeIdNumber } from './id-number.js';

const injurySelection = {
  id: injuryCases.id,
  caseNo: injuryCases.caseNo,
  idNumber: injuryCases.idNumber,
  personName: injuryCases.personName,
  sex: injuryCases.sex,
  birthDate: injuryCases.birthDate,
  post: injuryCases.post,
  occurredOn: injuryCases.occurredOn,
  determinedOn: injuryCases.determinedOn,
  ground: injuryCases.ground,
  accidentCategory: injuryCases.accidentCategory,
  severity: injuryCases.severity,
  disabilityGrade: injuryCases.disabilityGrade,
  isDeath: injuryCases.isDeath,
  fundExpenditureFen: injuryCases.fundExpenditureFen,
  employerName: organisations.name,
  employerCreditCode: organisations.creditCode,
  jurisdictionCode: jurisdictions.code,
  jurisdictionName: jurisdictions.name,
  batchId: injuryCases.batchId,
};

/**
 * The row of a list or export: person fields masked unless the actor may see them. Stored
 * encrypted when PII_ENCRYPTION=sm4 (decision 0022): decrypted here, then masked or shown.
 */
function protect<
  T extends { idNumber: string; personName: string; sex: string; birthDate: string; occurredOn: string },
>(row: T, canSee: boolean) {
  const crypto = piiCrypto();
  const person = {
    ...row,
    idNumber: crypto.decrypt(row.idNumber) as string,
    personName: crypto.decrypt(row.personName) as string,
  };
  return { ...person, ...maskedPersonFields(person, row.occurredOn, canSee) };
}

export interface InjuryFilter {
  jurisdiction?: string;
  year?: number;
  creditCode?: string;
  search?: string;
}

async function injuryConditions(db: Db, actor: Actor, options: InjuryFilter) {
  const jurisdiction = await getJurisdictionInScope(
    db,
    actor,
    options.jurisdiction ?? actor.jurisdictionCode,
  );
  const conditions: SQL[] = [withinScope(jurisdictions.path, jurisdiction.path)];
  if (options.year) {
    conditions.push(
      gte(injuryCases.occurredOn, `${options.year}-01-01`),
      lt(injuryCases.occurredOn, `${options.year + 1}-01-01`),
    );
  }
  if (options.creditCode) conditions.push(eq(organisations.creditCode, options.creditCode.toUpperCase()));
  if (options.search) {
    const pattern = containing(options.search);
    conditions.push(or(ilike(injuryCases.caseNo, pattern), ilike(organisations.name, pattern)) as SQL);
  }
  return and(...conditions);
}

function selectInjuries(db: Db) {
  return db
    .select(injurySelection)
    .from(injuryCases)
    .innerJoin(organisations, eq(organisations.id, injuryCases.employerId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, injuryCases.jurisdictionId))
    .$dynamic();
}

const INJURY_PERSON_FIELDS = ['idNumber', 'personName', 'sex', 'birthDate'];

/**
 * Injury determinations of a jurisdiction and those below it (DX-3): 身份证号 and names masked
 * (350102********12*X, 张*), the birth date given as an age band and the sex withheld, unless the
 * viewer holds personal-data:view. Every view, masked or not, is recorded (one entry per page).
 */
export async function listInjuryCases(
  db: Db,
  actor: Actor,
  options: InjuryFilter & { page: number; pageSize: number },
) {
  const where = await injuryConditions(db, actor, options);
  const [rows, [total]] = await Promise.all([
    selectInjuries(db)
      .where(where)
      .orderBy(desc(injuryCases.occurredOn), desc(injuryCases.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db
      .select({ n: count() })
      .from(injuryCases)
      .innerJoin(organisations, eq(organisations.id, injuryCases.employerId))
      .innerJoin(jurisdictions, eq(jurisdictions.id, injuryCases.jurisdictionId))
      .where(where),
  ]);
  const canSee = actor.permissions.has('personal-data:view');
  await recordPersonalDataAccess(db, actor, {
    targetType: 'injury_case',
    ids: rows.map((r) => r.id),
    isMasked: !canSee,
    route: 'GET /api/injuries',
    fields: INJURY_PERSON_FIELDS,
  });
  return { items: rows.map((r) => protect(r, canSee)), total: Number(total?.n ?? 0) };
}

/**
 * An employer's own injury determinations (本单位, issue 17 item 7), newest first: always masked
 * whoever looks — name and 身份证号 masked, the birth date given only as an age band, the sex
 * withheld — and the view recorded (masked) like any list of injured persons.
 */
export async function listEmployerInjuryCases(
  db: Db,
  actor: Actor,
  options: { employerId: number; limit: number; route: string },
) {
  const where = and(
    eq(injuryCases.employerId, options.employerId),
    withinScope(jurisdictions.path, actor.jurisdictionPath),
  );
  const [rows, [total]] = await Promise.all([
    selectInjuries(db)
      .where(where)
      .orderBy(desc(injuryCases.occurredOn), desc(injuryCases.id))
      .limit(options.limit),
    db
      .select({ n: count() })
      .from(injuryCases)
      .innerJoin(jurisdictions, eq(jurisdictions.id, injuryCases.jurisdictionId))
      .where(where),
  ]);
  await recordPersonalDataAccess(db, actor, {
    targetType: 'injury_case',
    ids: rows.map((r) => r.id),
    isMasked: true,
    route: options.route,
    fields: INJURY_PERSON_FIELDS,
    details: { employerId: options.employerId },
  });
  return { items: rows.map((r) => protect(r, false)), total: Number(total?.n ?? 0) };
}

/** The most rows one export holds: a larger one asks the user to narrow the filter. */
export const INJURY_EXPORT_LIMIT = 20_000;

/**
 * All injury determinations matching a filter, for a CSV or XLSX export: masked exactly as the
 * list is (a file is no way around the mask) and recorded the same way, one entry for the file.
 */
export async function exportInjuryCases(db: Db, actor: Actor, options: InjuryFilter & { format: string }) {
  const where = await injuryConditions(db, actor, options);
  const rows = await selectInjuries(db)
    .where(where)
    .orderBy(desc(injuryCases.occurredOn), desc(injuryCases.id))
    .limit(INJURY_EXPORT_LIMIT + 1);
  if (rows.length > INJURY_EXPORT_LIMIT)
    throw new AppError(422, 'exchange.export_too_large', { limit: INJURY_EXPORT_LIMIT });
  const canSee = actor.permissions.has('personal-data:view');
  await recordPersonalDataAccess(db, actor, {
    targetType: 'injury_case',
    ids: rows.map((r) => r.id),
    isMasked: !canSee,
    route: `GET /api/injuries/export (${options.format})`,
    fields: INJURY_PERSON_FIELDS,
  });
  return rows.map((r) => protect(r, canSee));
}

/**
 * One person's records across domains, linked by 身份证号 (DX-3): injury determinations and
 * occupational-disease diagnoses in the actor's scope. Needs personal-data:view; always audited.
 */
export async function describePerson(db: Db, actor: Actor, rawIdNumber: string) {
  if (!actor.permissions.has('personal-data:view')) throw new AppError(403, 'auth.forbidden');
  const idNumber = normalizeIdNumber(rawIdNumber);
  // Linked by the lookup key: the number itself, or its keyed SM3 when encrypted (decision 0022).
  const crypto = piiCrypto();
  const key = crypto.index(idNumber) as string;
  const [injuries, diseases] = await Promise.all([
    db
      .select(injurySelection)
      .from(injuryCases)
      .innerJoin(organisations, eq(organisations.id, injuryCases.employerId))
      .innerJoin(jurisdictions, eq(jurisdictions.id, injuryCases.jurisdictionId))
      .where(and(eq(injuryCases.idNumberIndex, key), withinScope(jurisdictions.path, actor.jurisdictionPath)))
      .orderBy(asc(injuryCases.occurredOn)),
    db
      .select({
        id: diseaseCases.id,
        caseNo: diseaseCases.caseNo,
        personName: diseaseCases.personName,
        diseaseClass: diseaseCases.diseaseClass,
        diseaseName: diseaseCases.diseaseName,
        isPneumoconiosis: diseaseCases.isPneumoconiosis,
        diagnosedOn: diseaseCases.diagnosedOn,
        exposureYears: diseaseCases.exposureYears,
        employerName: organisations.name,
        employerCreditCode: organisations.creditCode,
        jurisdictionName: jurisdictions.name,
      })
      .from(diseaseCases)
      .innerJoin(organisations, eq(organisations.id, diseaseCases.employerId))
      .innerJoin(jurisdictions, eq(jurisdictions.id, diseaseCases.jurisdictionId))
      .where(
        and(eq(diseaseCases.idNumberIndex, key), withinScope(jurisdictions.path, actor.jurisdictionPath)),
      )
      .orderBy(asc(diseaseCases.diagnosedOn)),
  ]);
  if (injuries.length === 0 && diseases.length === 0) throw notFound();
  await recordAudit(db, actor, {
    action: 'personal-data.view',
    targetType: 'person',
    targetId: maskIdNumber(idNumber) ?? undefined,
    details: {
      what: 'person records',
      injuries: injuries.map((i) => i.id),
      diseases: diseases.map((d) => d.id),
    },
  });
  return {
    idNumber,
    personName: crypto.decrypt(injuries[0]?.personName ?? diseases[0]?.personName ?? '') ?? '',
    injuries: injuries.map((i) => protect(i, true)),
    diseases: diseases.map((d) => ({
      ...d,
      personName: crypto.decrypt(d.personName) as string,
      exposureYears: Number(d.exposureYears),
    })),
  };
}

/**
 * An employer's record across domains, linked by 统一社会信用代码 (DX-3): registry data, insured
 * headcount and the counts of injuries, accidents and diagnoses by year. Aggregates: no personal data.
 */
export async function describeEmployer(db: Db, actor: Actor, creditCode: string) {
  const [employer] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      creditCode: organisations.creditCode,
      creditCodeStatus: organisations.creditCodeStatus,
      industryCode: organisations.industryCode,
      sizeBand: organisations.sizeBand,
      insuranceStatus: organisations.insuranceStatus,
      isPending: organisations.isPending,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.name,
      jurisdictionPath: jurisdictions.path,
    })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(
      and(
        eq(organisations.creditCode, creditCode.toUpperCase()),
        eq(organisations.kind, 'employer'),
        withinScope(jurisdictions.path, actor.jurisdictionPath),
      ),
    );
  if (!employer) throw notFound();
  // Counted by the employer's jurisdiction's counting rules (facts module), as on every page.
  const rules = await resolveCountingRules(db, employer.jurisdictionPath);
  const [headcounts, injuries, accidents, diseases] = await Promise.all([
    db
      .select({
        year: insuredHeadcounts.year,
        averageInsured: insuredHeadcounts.averageInsured,
        averagePaying: insuredHeadcounts.averagePaying,
        employees: insuredHeadcounts.employees,
      })
      .from(insuredHeadcounts)
      .where(eq(insuredHeadcounts.employerId, employer.id))
      .orderBy(asc(insuredHeadcounts.year)),
    countInjuries(db, {
      path: employer.jurisdictionPath,
      from: 1900,
      to: 2999,
      rules,
      employerIds: [employer.id],
    }),
    db
      .select({
        year: accidentFacts.year('safety_accidents'),
        cases: count(),
        deaths: sql<number>`coalesce(sum(${safetyAccidents.deaths}), 0)::int`,
      })
      .from(safetyAccidents)
      .where(eq(safetyAccidents.employerId, employer.id))
      .groupBy(accidentFacts.year('safety_accidents'))
      .orderBy(accidentFacts.year('safety_accidents')),
    db
      .select({
        year: diseaseFacts.year('disease_cases'),
        cases: count(),
        deaths: sql<number>`count(*) filter (where ${diseaseCases.isPneumoconiosis})::int`,
      })
      .from(diseaseCases)
      .where(eq(diseaseCases.employerId, employer.id))
      .groupBy(diseaseFacts.year('disease_cases'))
      .orderBy(diseaseFacts.year('disease_cases')),
  ]);
  const byYear = new Map<
    number,
    {
      year: number;
      averageInsured: number | null;
      employees: number | null;
      injuries: number;
      deaths: number;
      accidents: number;
      diseases: number;
      pneumoconiosis: number;
    }
  >();
  const entry = (y: number) => {
    const existing = byYear.get(y);
    if (existing) return existing;
    const created = {
      year: y,
      averageInsured: null,
      employees: null,
      injuries: 0,
      deaths: 0,
      accidents: 0,
      diseases: 0,
      pneumoconiosis: 0,
    };
    byYear.set(y, created);
    return created;
  };
  for (const h of headcounts)
    Object.assign(entry(h.year), { averageInsured: h.averageInsured, employees: h.employees });
  for (const i of injuries) Object.assign(entry(i.year), { injuries: i.count, deaths: i.deaths });
  for (const a of accidents) entry(Number(a.year)).accidents = Number(a.cases);
  for (const d of diseases)
    Object.assign(entry(Number(d.year)), { diseases: Number(d.cases), pneumoconiosis: Number(d.deaths) });
  return { employer, years: [...byYear.values()].sort((a, b) => a.year - b.year) };
}
