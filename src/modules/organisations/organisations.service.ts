import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { recordAudit, recordPersonalDataView } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { containing, withinScope } from '../../platform/db/scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import type { MessageKey } from '../../platform/i18n/messages.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { maskName, maskPhone } from '../../platform/privacy/mask.js';
import { describeIndustryCode } from '../code-tables/code-tables.service.js';
import { GBT4754_DIVISIONS } from '../code-tables/gbt4754.data.js';
import { getJurisdictionInScope, resolveJurisdictionField } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { checkCreditCode } from './credit-code.js';
import type { OrganisationInput } from './organisations.schema.js';
import { type Department, type OrganisationKind, organisations } from './organisations.tables.js';

export interface Warning {
  field: string;
  code: MessageKey;
  params: Record<string, unknown>;
}

const selection = {
  id: organisations.id,
  kind: organisations.kind,
  department: organisations.department,
  name: organisations.name,
  creditCode: organisations.creditCode,
  creditCodeStatus: organisations.creditCodeStatus,
  industryCode: organisations.industryCode,
  jurisdictionCode: jurisdictions.code,
  jurisdictionName: jurisdictions.name,
  jurisdictionPath: jurisdictions.path,
  address: organisations.address,
  contactName: organisations.contactName,
  contactPhone: organisations.contactPhone,
  isPending: organisations.isPending,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
};

function selectOrganisations(db: Db) {
  return db
    .select(selection)
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .$dynamic();
}

type Row = Awaited<ReturnType<typeof selectOrganisations>>[number];

/** The contact as stored (SM4 ciphertext when PII_ENCRYPTION=sm4, decision 0042) made readable. */
function decryptContact<T extends Pick<Row, 'contactName' | 'contactPhone'>>(row: T): T {
  const crypto = piiCrypto();
  return {
    ...row,
    contactName: crypto.decrypt(row.contactName),
    contactPhone: crypto.decrypt(row.contactPhone),
  };
}

function toDto(row: Row, canSeePersonalData: boolean) {
  const { jurisdictionPath: _path, ...rest } = row;
  return {
    ...rest,
    industryName: row.industryCode ? (GBT4754_DIVISIONS[row.industryCode.slice(0, 2)] ?? null) : null,
    contactName: canSeePersonalData ? row.contactName : maskName(row.contactName),
    contactPhone: canSeePersonalData ? row.contactPhone : maskPhone(row.contactPhone),
    isPersonalDataMasked: !canSeePersonalData,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The contact as it is stored: SM4 ciphertext when PII_ENCRYPTION=sm4, else as given. */
function encryptContact(values: { contactName?: string | null; contactPhone?: string | null }) {
  const crypto = piiCrypto();
  return {
    contactName: crypto.encrypt(values.contactName ?? null),
    contactPhone: crypto.encrypt(values.contactPhone ?? null),
  };
}

/** Audits the unmasked contact data of the rows that have any. */
function auditContactView(db: Db, actor: Actor, rows: Row[]) {
  const ids = rows.filter((r) => r.contactName || r.contactPhone).map((r) => r.id);
  return recordPersonalDataView(db, actor, {
    targetType: 'organisation',
    ids,
    fields: ['contactName', 'contactPhone'],
  });
}

export interface ListOrganisationsOptions {
  kind?: OrganisationKind;
  department?: Department;
  jurisdiction?: string;
  search?: string;
  pending?: boolean;
  sort: 'name' | 'createdAt' | 'jurisdiction';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Searches organisations in a jurisdiction and those below it, within the actor's scope. */
export async function listOrganisations(db: Db, actor: Actor, options: ListOrganisationsOptions) {
  const scopePath = options.jurisdiction
    ? (await getJurisdictionInScope(db, actor, options.jurisdiction)).path
    : actor.jurisdictionPath;
  const conditions: SQL[] = [withinScope(jurisdictions.path, scopePath)];
  if (options.kind) conditions.push(eq(organisations.kind, options.kind));
  if (options.department) conditions.push(eq(organisations.department, options.department));
  if (options.pending !== undefined) conditions.push(eq(organisations.isPending, options.pending));
  if (options.search) {
    const pattern = containing(options.search);
    conditions.push(or(ilike(organisations.name, pattern), ilike(organisations.creditCode, pattern)) as SQL);
  }
  const where = and(...conditions);
  const sortColumn = {
    name: organisations.name,
    createdAt: organisations.createdAt,
    jurisdiction: jurisdictions.code,
  }[options.sort];
  const direction = options.order === 'desc' ? desc : asc;
  const [rows, [counted]] = await Promise.all([
    selectOrganisations(db)
      .where(where)
      .orderBy(direction(sortColumn), asc(organisations.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db
      .select({ total: count() })
      .from(organisations)
      .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
      .where(where),
  ]);
  const canSee = actor.permissions.has('personal-data:view');
  if (canSee) await auditContactView(db, actor, rows);
  return { items: rows.map((r) => toDto(decryptContact(r), canSee)), total: Number(counted?.total ?? 0) };
}

async function findOrganisationRow(db: Db, actor: Actor, id: number): Promise<Row> {
  const [row] = await selectOrganisations(db).where(
    and(eq(organisations.id, id), withinScope(jurisdictions.path, actor.jurisdictionPath)),
  );
  if (!row) throw notFound();
  return decryptContact(row);
}

/** One organisation in the actor's scope; 404 for unknown and out-of-scope ids alike. */
export async function getOrganisation(db: Db, actor: Actor, id: number) {
  const row = await findOrganisationRow(db, actor, id);
  const canSee = actor.permissions.has('personal-data:view');
  if (canSee) await auditContactView(db, actor, [row]);
  return toDto(row, canSee);
}

/**
 * The name, address and contact (unmasked) of the given organisations, for a caller that found
 * them by a rule of its own outside the actor's scope — an employer reading the organisers of the
 * projects it may join (本单位), which sit at its city or province. The contact is what they are
 * there for, so it is shown whole and the view is audited as any unmasked view is.
 */
export async function unsafeListOrganisationContacts(db: Db, actor: Actor, ids: number[], what: string) {
  // Guard against running an invalid query when the ids list is empty.
  if (ids.length === 0)
    return new Map<
      number,
      { name: string; address: string | null; contactName: string | null; contactPhone: string | null }
    >();
  const rows = (await selectOrganisations(db).where(inArray(organisations.id, ids))).map(decryptContact);
  await recordPersonalDataView(db, actor, {
    targetType: 'organisation',
    ids: rows.filter((r) => r.contactName || r.contactPhone).map((r) => r.id),
    fields: ['contactName', 'contactPhone'],
    what,
  });
  return new Map(
    rows.map((r) => [
      r.id,
      { name: r.name, address: r.address, contactName: r.contactName, contactPhone: r.contactPhone },
    ]),
  );
}

/** Validates what the table cannot: credit code, department, industry, jurisdiction scope. */
async function validateOrganisationInput(db: Db, actor: Actor, input: OrganisationInput, exceptId?: number) {
  const warnings: Warning[] = [];
  let creditCodeStatus: 'valid' | 'check_failed' | null = null;
  if (input.kind === 'member_department' && !input.department)
    throw badRequest('department.required', 'department');
  if (input.kind !== 'member_department' && input.department)
    throw badRequest('department.only_member', 'department');
  if (input.creditCode) {
    const check = checkCreditCode(input.creditCode);
    if (check.status === 'malformed') throw badRequest('credit_code.malformed', 'creditCode');
    creditCodeStatus = check.status;
    if (check.status === 'check_failed') {
      warnings.push({
        field: 'creditCode',
        code: 'credit_code.check_failed',
        params: { expected: check.expected },
      });
    }
    const [clash] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.creditCode, input.creditCode));
    if (clash && clash.id !== exceptId) throw new AppError(409, 'credit_code.duplicate', {}, 'creditCode');
  } else if (input.kind === 'employer') {
    throw badRequest('credit_code.required', 'creditCode');
  }
  if (input.industryCode && !(await describeIndustryCode(db, input.industryCode))) {
    throw badRequest('industry.unknown', 'industryCode', { code: input.industryCode });
  }
  const jurisdiction = await resolveJurisdictionField(db, actor, input.jurisdictionCode, 'jurisdictionCode');
  return {
    warnings,
    jurisdiction,
    values: {
      kind: input.kind,
      department: input.department ?? null,
      name: input.name,
      creditCode: input.creditCode ?? null,
      creditCodeStatus,
      industryCode: input.industryCode ?? null,
      jurisdictionId: jurisdiction.id,
      address: input.address,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
    },
  };
}

/** Registers an organisation (ORG-2). A credit code failing its check is kept, with a warning and an audit note. */
export async function createOrganisation(db: Db, actor: Actor, input: OrganisationInput) {
  const { warnings, values, jurisdiction } = await validateOrganisationInput(db, actor, input);
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(organisations)
      .values({ ...values, ...encryptContact(values) })
      .returning({ id: organisations.id });
    if (!created) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'organisation.create',
      targetType: 'organisation',
      targetId: created.id,
      jurisdictionPath: jurisdiction.path,
      details: {
        name: values.name,
        kind: values.kind,
        creditCode: values.creditCode,
        creditCodeStatus: values.creditCodeStatus,
      },
    });
    return created.id;
  });
  const row = await findOrganisationRow(db, actor, id);
  return { organisation: toDto(row, actor.permissions.has('personal-data:view')), warnings };
}

/**
 * Told, inside the edit's transaction, when an employer's industry or jurisdiction changes: figures
 * derived from its facts (analytics) are recomputed before the edit commits.
 */
export interface EmployerChangeListener {
  beforeChange(tx: Db, employerId: number): Promise<unknown>;
  afterChange(tx: Db, employerId: number, captured: unknown): Promise<void>;
}

/** Edits an organisation in the actor's scope; moving it to another jurisdiction needs that one in scope too. */
export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: number,
  input: OrganisationInput,
  listener?: EmployerChangeListener,
) {
  const before = await findOrganisationRow(db, actor, id);
  const { warnings, values, jurisdiction } = await validateOrganisationInput(db, actor, input, id);
  // Someone who only ever saw masked contact data cannot have meant to erase it: keep it.
  if (!actor.permissions.has('personal-data:view')) {
    values.contactName = input.contactName ?? before.contactName;
    values.contactPhone = input.contactPhone ?? before.contactPhone;
  }
  const moves =
    before.kind === 'employer' &&
    (before.industryCode !== (values.industryCode ?? null) || before.jurisdictionCode !== jurisdiction.code);
  await db.transaction(async (tx) => {
    const captured = moves ? await listener?.beforeChange(tx, id) : undefined;
    await tx
      .update(organisations)
      // An officer's edit is the review of an employer an exchange row created.
      .set({ ...values, ...encryptContact(values), isPending: false, updatedAt: new Date() })
      .where(eq(organisations.id, id));
    const changed = Object.fromEntries(
      Object.entries(values).filter(
        ([key, value]) => key !== 'jurisdictionId' && before[key as keyof Row] !== value,
      ),
    );
    if (before.jurisdictionCode !== jurisdiction.code) changed.jurisdictionCode = jurisdiction.code;
    await recordAudit(tx, actor, {
      action: 'organisation.update',
      targetType: 'organisation',
      targetId: id,
      jurisdictionPath: jurisdiction.path,
      // Personal data is not copied into the audit trail: only the names of changed fields.
      details: {
        changedFields: Object.keys(changed),
        ...Object.fromEntries(
          Object.entries(changed).filter(([k]) => !['contactName', 'contactPhone'].includes(k)),
        ),
      },
    });
    if (moves) await listener?.afterChange(tx, id, captured);
  });
  const row = await findOrganisationRow(db, actor, id);
  return { organisation: toDto(row, actor.permissions.has('personal-data:view')), warnings };
}
