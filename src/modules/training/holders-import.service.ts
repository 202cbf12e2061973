import { open } from 'node:fs/promises';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, hasPermission, isInScope } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { type Language, type MessageKey, translate } from '../../platform/i18n/messages.js';
import { today } from '../../platform/time.js';
import { findPlanPeriod } from '../enterprises/enterprises.service.js';
import { checkIdNumber, normalizeIdNumber } from '../exchange/id-number.js';
import {
  detectEncoding,
  detectFormat,
  FileReadError,
  type HeaderInfo,
  readRows,
} from '../exchange/read-file.js';
import { getJurisdictionInScope } from '../jurisdictions/jurisdictions.service.js';
import { refreshCoverageCellsFor } from './coverage-cells.service.js';
import { keyIndustryPrefixes } from './coverage-sql.js';
import { birthDateOf, indexOfIdNumber, storePerson } from './person-data.js';
import { keyPostHolders, trainingRoles } from './training.tables.js';

/**
 * Key-post holders by file (TR-1): CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX, one row per person
 * and post. A training-owned import (decision 0026) that reads files with the exchange's reader
 * and answers rejected rows in the exchange's shape: line and issues.
 */
export const HOLDER_COLUMNS = [
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code' },
  { key: 'role', zh: '岗位', en: 'Role' },
  { key: 'personName', zh: '姓名', en: 'Name' },
  { key: 'idNumber', zh: '身份证号', en: 'ID number' },
  { key: 'startedOn', zh: '任职日期', en: 'Started on' },
  { key: 'endedOn', zh: '离任日期', en: 'Ended on' },
] as const;
type HolderColumn = (typeof HOLDER_COLUMNS)[number]['key'];

export interface HolderRowIssue {
  column: string;
  columnName: string;
  code: string;
  message: string;
}
export interface HolderImportResult {
  /** Data rows read (the header not counted). */
  rows: number;
  /** New posts registered (a person with two roles: two posts). */
  added: number;
  /** Posts ended by a row with an end date. */
  ended: number;
  /** Rows that matched what is already registered. */
  unchanged: number;
  rejected: { line: number; issues: HolderRowIssue[] }[];
}

const normalize = (s: string) =>
  s.trim().toLowerCase().replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');

function mapHolderHeaders(headers: string[]): HeaderInfo {
  const byName = new Map<string, string>();
  for (const c of HOLDER_COLUMNS) for (const n of [c.zh, c.en, c.key]) byName.set(normalize(n), c.key);
  const keys = headers.map((h) => byName.get(normalize(h)) ?? null);
  const present = new Set(keys.filter(Boolean));
  const missing = HOLDER_COLUMNS.filter((c) => c.key !== 'creditCode' && c.key !== 'endedOn')
    .filter((c) => !present.has(c.key))
    .map((c) => c.zh);
  return { headers, keys, missing };
}

/** A date cell: YYYY-MM-DD, YYYY/M/D, YYYY.M.D or an Excel day serial. */
export function parseCellDate(raw: string): string | null {
  const text = raw.trim();
  if (/^\d{5}$/.test(text)) {
    const d = new Date(Date.UTC(1899, 11, 30) + Number(text) * 86_400_000);
    return d.toISOString().slice(0, 10);
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

interface EmployerInfo {
  id: number;
  path: string;
  isKey: boolean;
}

/**
 * Imports key-post holders from a file for an employer (its own account: the credit-code column
 * may be left out) or a jurisdiction (an officer: every row names its employer). Valid rows are
 * kept in one transaction; every other row is answered with its line and reasons.
 */
export async function importKeyPostHolders(
  db: Db,
  actor: Actor,
  options: { path: string; fileName: string; language: Language; jurisdiction?: string },
): Promise<HolderImportResult> {
  const { language } = options;
  // The file is for a jurisdiction (default: the actor's own): its employers must lie within it.
  const area = await getJurisdictionInScope(db, actor, options.jurisdiction ?? actor.jurisdictionCode);
  const asOf = today();
  const isOfficer = hasPermission(actor, 'training:manage');
  const period = await findPlanPeriod(db, undefined, Number(asOf.slice(0, 4)));
  const roles = await db.select().from(trainingRoles).where(eq(trainingRoles.planPeriodId, period.id));
  const roleByName = new Map<string, (typeof roles)[number]>();
  for (const r of roles) for (const n of [r.code, r.nameZh, r.nameEn]) roleByName.set(normalize(n), r);
  const employers = new Map<string, EmployerInfo | null>();
  const findEmployer = async (creditCode: string): Promise<EmployerInfo | null> => {
    if (employers.has(creditCode)) return employers.get(creditCode) ?? null;
    const [row] = rowsOf<{ id: number; path: string; is_key: boolean }>(
      await db.execute(sql`
        select o.id, j.path,
          exists (select 1 from (${keyIndustryPrefixes(period.id, actor.jurisdictionPath)}) ki
                  where o.industry_code like ki.prefix || '%') as is_key
        from organisations o join jurisdictions j on j.id = o.jurisdiction_id
        where o.credit_code = ${creditCode} and o.kind = 'employer'`),
    );
    const found =
      row && isInScope({ jurisdictionPath: area.path }, row.path)
        ? { id: Number(row.id), path: row.path, isKey: Boolean(row.is_key) }
        : null;
    employers.set(creditCode, found);
    return found;
  };
  const ownEmployer = async (): Promise<EmployerInfo | null> => {
    if (actor.organisationId === null) return null;
    const [row] = rowsOf<{ credit_code: string | null }>(
      await db.execute(sql`select credit_code from organisations where id = ${actor.organisationId}`),
    );
    return row?.credit_code ? findEmployer(row.credit_code) : null;
  };

  const columnName = (key: string) => {
    const c = HOLDER_COLUMNS.find((h) => h.key === key);
    return c ? (language === 'zh' ? c.zh : c.en) : '';
  };
  const issue = (column: HolderColumn | '', code: MessageKey, params: Record<string, unknown> = {}) => ({
    column,
    columnName: columnName(column),
    code,
    message: translate(code, language, params),
  });

  const handle = await open(options.path, 'r');
  const head = Buffer.alloc(4);
  await handle.read(head, 0, 4, 0);
  await handle.close();
  const format = detectFormat(options.fileName, head);
  const encoding = format === 'csv' ? await detectEncoding(options.path) : 'utf-8';
  const result: HolderImportResult = { rows: 0, added: 0, ended: 0, unchanged: 0, rejected: [] };
  const accepted: {
    employerId: number;
    roleId: number;
    personName: string;
    idNumber: string;
    /** Its lookup key: what a registered post is matched by (the stored number may be ciphertext). */
    idNumberIndex: string;
    startedOn: string;
    endedOn: string | null;
  }[] = [];
  const seen = new Set<string>();
  let header: HeaderInfo | null = null;
  try {
    for await (const row of readRows(options.path, format, encoding, (h) => {
      header = mapHolderHeaders(h);
      return header;
    })) {
      if (header && (header as HeaderInfo).missing.length > 0) break;
      result.rows++;
      const issues: HolderRowIssue[] = [];
      for (const r of row.readIssues ?? [])
        issues.push(issue((r.column as HolderColumn) || '', 'holders.row_unreadable'));
      const cell = (k: HolderColumn) => (row.cells[k] ?? '').trim();
      let employer: EmployerInfo | null = null;
      if (cell('creditCode') === '') {
        if (isOfficer) issues.push(issue('creditCode', 'holders.employer_required'));
        else {
          employer = await ownEmployer();
          if (!employer) issues.push(issue('creditCode', 'holders.employer_unknown', { value: '' }));
        }
      } else {
        employer = await findEmployer(cell('creditCode').toUpperCase());
        if (!employer)
          issues.push(issue('creditCode', 'holders.employer_unknown', { value: cell('creditCode') }));
        else if (!isOfficer && employer.id !== actor.organisationId) {
          issues.push(issue('creditCode', 'training.own_employer_only'));
          employer = null;
        }
      }
      if (employer && !employer.isKey) issues.push(issue('creditCode', 'training.not_key_enterprise'));
      const role = roleByName.get(normalize(cell('role')));
      if (!role)
        issues.push(issue('role', 'training.role_unknown', { period: period.code, role: cell('role') }));
      if (cell('personName') === '') issues.push(issue('personName', 'holders.required'));
      const id = checkIdNumber(cell('idNumber'));
      if (!id.ok)
        issues.push(
          issue('idNumber', 'training.id_number_invalid', {
            reason: translate(`holders.${id.reason.replace('id.', 'id_')}` as MessageKey, language),
          }),
        );
      const startedOn = parseCellDate(cell('startedOn'));
      if (!startedOn) issues.push(issue('startedOn', 'holders.date_invalid', { value: cell('startedOn') }));
      else if (startedOn > asOf) issues.push(issue('startedOn', 'training.date_in_future'));
      let endedOn: string | null = null;
      if (cell('endedOn') !== '') {
        endedOn = parseCellDate(cell('endedOn'));
        if (!endedOn) issues.push(issue('endedOn', 'holders.date_invalid', { value: cell('endedOn') }));
        else if (endedOn > asOf) issues.push(issue('endedOn', 'training.date_in_future'));
        else if (startedOn && endedOn < startedOn) issues.push(issue('endedOn', 'training.end_before_start'));
      }
      if (issues.length === 0 && employer && role && startedOn) {
        const idNumber = normalizeIdNumber(cell('idNumber'));
        const key = `${employer.id}|${role.id}|${idNumber}`;
        if (seen.has(key)) issues.push(issue('idNumber', 'holders.duplicate_in_file'));
        else {
          seen.add(key);
          accepted.push({
            employerId: employer.id,
            roleId: role.id,
            personName: cell('personName'),
            idNumber,
            idNumberIndex: indexOfIdNumber(idNumber),
            startedOn,
            endedOn,
          });
        }
      }
      if (issues.length > 0) result.rejected.push({ line: row.line, issues });
    }
  } catch (error) {
    if (error instanceof FileReadError)
      result.rejected.push({ line: 0, issues: [issue('', 'holders.file_unreadable', { code: error.code })] });
    else throw error;
  }
  const missing = (header as HeaderInfo | null)?.missing ?? [];
  if (header === null || missing.length > 0) {
    result.rejected = [
      { line: 1, issues: [issue('', 'holders.columns_missing', { columns: missing.join('、') || '—' })] },
    ];
    return result;
  }

  await db.transaction(async (tx) => {
    for (const row of accepted) {
      const [live] = await tx
        .select({ id: keyPostHolders.id, startedOn: keyPostHolders.startedOn })
        .from(keyPostHolders)
        .where(
          and(
            eq(keyPostHolders.employerId, row.employerId),
            eq(keyPostHolders.roleId, row.roleId),
            eq(keyPostHolders.idNumberIndex, row.idNumberIndex),
            isNull(keyPostHolders.endedOn),
          ),
        );
      if (live) {
        if (row.endedOn && row.endedOn >= live.startedOn) {
          await tx.update(keyPostHolders).set({ endedOn: row.endedOn }).where(eq(keyPostHolders.id, live.id));
          result.ended++;
        } else result.unchanged++;
        continue;
      }
      const [past] = await tx
        .select({ id: keyPostHolders.id })
        .from(keyPostHolders)
        .where(
          and(
            eq(keyPostHolders.employerId, row.employerId),
            eq(keyPostHolders.roleId, row.roleId),
            eq(keyPostHolders.idNumberIndex, row.idNumberIndex),
            eq(keyPostHolders.startedOn, row.startedOn),
          ),
        );
      if (past) {
        result.unchanged++;
        continue;
      }
      await tx.insert(keyPostHolders).values({
        employerId: row.employerId,
        roleId: row.roleId,
        ...storePerson(row.idNumber, row.personName),
        birthDate: birthDateOf(row.idNumber),
        startedOn: row.startedOn,
        endedOn: row.endedOn,
        source: 'import',
        createdBy: actor.username,
      });
      result.added++;
    }
    await recordAudit(tx, actor, {
      action: 'training.holders.import',
      targetType: 'key_post_holder',
      details: {
        fileName: options.fileName,
        rows: result.rows,
        added: result.added,
        ended: result.ended,
        unchanged: result.unchanged,
        rejected: result.rejected.length,
      },
    });
    await refreshCoverageCellsFor(tx, { employerIds: [...new Set(accepted.map((a) => a.employerId))] });
  });
  return result;
}
