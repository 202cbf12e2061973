import { GBT4754_DIVISIONS } from '../code-tables/gbt4754.data.js';
import {
  ACCIDENT_GRADES,
  DISEASE_CATALOGUES,
  gradeOfAccident,
  isPneumoconiosis,
} from '../code-tables/injury-codes.data.js';
import { checkCreditCode } from '../organisations/credit-code.js';
import { type ColumnDef, type Domain, FORMATS } from './formats.js';
import { checkIdNumber, normalizeIdNumber } from './id-number.js';
import type { ReasonCode } from './row-messages.js';

export interface RowIssue {
  /** Column key (see formats.ts); empty for whole-row issues. */
  column: string;
  code: ReasonCode;
  params?: Record<string, unknown>;
}

export type NormalizedRow = Record<string, string | number | boolean | null>;

export type RowResult =
  | { ok: true; value: NormalizedRow; warnings: RowIssue[] }
  | { ok: false; errors: RowIssue[]; warnings: RowIssue[] };

export interface ValidationContext {
  /** Jurisdiction codes the submitter may write to. */
  jurisdictionCodes: ReadonlySet<string>;
  /** YYYY-MM-DD of today in China (platform/time.ts; fixed in tests). */
  today: string;
}

const MAX_TEXT = 200;

function parseDate(raw: string): string | null {
  const m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "1,234.5" → 123450 fen, exactly (no floating point). */
function parseYuanToFen(raw: string): number | null {
  const s = raw.replace(/[,，\s]/g, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

function parseCount(raw: string): number | null {
  const s = raw.replace(/[,，\s]/g, '');
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/** Normalizes one cell by its column type; pushes an error and returns undefined when it is bad. */
function normalizeCell(
  column: ColumnDef,
  raw: string,
  context: ValidationContext,
  errors: RowIssue[],
  warnings: RowIssue[],
): string | number | boolean | null | undefined {
  const value = raw.trim();
  if (value === '') {
    if (column.required) errors.push({ column: column.key, code: 'row.required' });
    return null;
  }
  const fail = (code: ReasonCode, params?: Record<string, unknown>) => {
    errors.push({ column: column.key, code, params });
    return undefined;
  };
  switch (column.type) {
    case 'text':
      return value.length > MAX_TEXT ? fail('row.too_long', { max: MAX_TEXT }) : value;
    case 'credit_code': {
      const code = value.toUpperCase();
      const check = checkCreditCode(code);
      if (check.status === 'malformed') return fail('row.credit_code_malformed');
      if (check.status === 'check_failed')
        warnings.push({
          column: column.key,
          code: 'row.credit_code_check',
          params: { expected: check.expected },
        });
      return code;
    }
    case 'jurisdiction':
      return context.jurisdictionCodes.has(value) ? value : fail('row.jurisdiction_outside', { value });
    case 'industry':
      return /^\d{2,4}$/.test(value) && GBT4754_DIVISIONS[value.slice(0, 2)]
        ? value
        : fail('row.industry_unknown', { value });
    case 'id_number': {
      const check = checkIdNumber(value);
      return check.ok ? normalizeIdNumber(value) : fail(check.reason, { expected: check.expected });
    }
    case 'date': {
      const date = parseDate(value);
      if (!date) return fail('row.bad_date');
      return date > context.today ? fail('row.future_date') : date;
    }
    case 'year': {
      const year = Number(value);
      return /^\d{4}$/.test(value) && year >= 1990 && year <= Number(context.today.slice(0, 4))
        ? year
        : fail('row.bad_year');
    }
    case 'count': {
      const n = parseCount(value);
      return n === null ? fail('row.bad_integer') : n;
    }
    case 'fen': {
      const n = parseCount(value);
      return n === null ? fail('row.bad_integer') : n;
    }
    case 'yuan': {
      const fen = parseYuanToFen(value);
      return fen === null ? fail('row.bad_amount') : fen;
    }
    case 'decimal': {
      const n = Number(value);
      return /^\d+(\.\d)?$/.test(value) && n <= 60 ? n : fail('row.bad_decimal', { max: 60 });
    }
    case 'enum': {
      // Own keys only: names such as constructor or __proto__ are not labels.
      const values = column.values ?? {};
      const mapped = Object.hasOwn(values, value)
        ? values[value]
        : Object.hasOwn(values, value.toLowerCase())
          ? values[value.toLowerCase()]
          : undefined;
      if (mapped !== undefined) return mapped === 'true' ? true : mapped === 'false' ? false : mapped;
      const allowed = [
        ...new Set(Object.keys(column.values ?? {}).filter((k) => /[\u4e00-\u9fa5\d-]/.test(k))),
      ]
        .slice(0, 12)
        .join('/');
      return fail('row.bad_value', { value, allowed });
    }
  }
}

/** Validates and normalizes one row of a domain's file (DX-2). */
export function validateRow(
  domain: Domain,
  raw: Readonly<Record<string, string>>,
  context: ValidationContext,
): RowResult {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const value: NormalizedRow = {};
  for (const column of FORMATS[domain].columns) {
    const cell = normalizeCell(column, raw[column.key] ?? '', context, errors, warnings);
    if (cell !== undefined) value[column.key] = cell;
  }
  crossCheck(domain, value, errors, warnings, context);
  return errors.length === 0 ? { ok: true, value, warnings } : { ok: false, errors, warnings };
}

/** Rules between columns of one row. Only checks columns that were themselves valid. */
function crossCheck(
  domain: Domain,
  row: NormalizedRow,
  errors: RowIssue[],
  warnings: RowIssue[],
  context: ValidationContext,
) {
  const has = (key: string) => row[key] !== undefined && row[key] !== null;
  if (domain === 'injuries') {
    if (has('idNumber')) {
      const id = checkIdNumber(String(row.idNumber));
      if (id.ok && id.birthDate > context.today) {
        errors.push({ column: 'idNumber', code: 'id.future_birth' });
      } else if (id.ok) {
        if (has('sex') && row.sex !== id.sex) errors.push({ column: 'sex', code: 'row.sex_mismatch' });
        if (has('birthDate') && row.birthDate !== id.birthDate)
          errors.push({ column: 'birthDate', code: 'row.birth_mismatch' });
        if (row.birthDate === null) row.birthDate = id.birthDate;
      }
    }
    if (has('occurredOn') && has('determinedOn') && String(row.determinedOn) < String(row.occurredOn)) {
      errors.push({ column: 'determinedOn', code: 'row.determined_before_occurred' });
    }
    if (has('ground') && row.accidentCategory === null && !['14-4', '15-1'].includes(String(row.ground))) {
      errors.push({ column: 'accidentCategory', code: 'row.category_required' });
    }
    if (has('isDeath') && has('severity') && (row.isDeath === true) !== (row.severity === 'death')) {
      errors.push({ column: 'isDeath', code: 'row.death_mismatch' });
    }
    if (has('disabilityGrade') && (Number(row.disabilityGrade) < 1 || Number(row.disabilityGrade) > 10)) {
      errors.push({ column: 'disabilityGrade', code: 'row.grade_range' });
    }
  }
  if (
    domain === 'accidents' &&
    has('grade') &&
    has('deaths') &&
    has('seriousInjuries') &&
    has('directLossFen')
  ) {
    const expected = gradeOfAccident(
      Number(row.deaths),
      Number(row.seriousInjuries),
      Number(row.directLossFen),
    );
    if (expected !== row.grade) {
      errors.push({
        column: 'grade',
        code: 'row.grade_mismatch',
        params: { expected: ACCIDENT_GRADES[expected] },
      });
    }
  }
  if (domain === 'diseases' && has('catalogueVersion') && has('diseaseClass')) {
    const version = String(row.catalogueVersion);
    if (!DISEASE_CATALOGUES[version]?.classes.includes(String(row.diseaseClass))) {
      errors.push({
        column: 'diseaseClass',
        code: 'row.disease_class_unknown',
        params: { version, value: row.diseaseClass },
      });
    } else if (has('diseaseName')) {
      row.isPneumoconiosis = isPneumoconiosis(String(row.diseaseClass), String(row.diseaseName));
    }
  }
  if (
    domain === 'headcounts' &&
    has('averageInsured') &&
    has('averagePaying') &&
    Number(row.averagePaying) > Number(row.averageInsured)
  ) {
    warnings.push({ column: 'averagePaying', code: 'row.paying_exceeds_insured' });
  }
}

/** The natural key of a normalized row, to find duplicates within one file. */
export function naturalKeyOf(domain: Domain, row: NormalizedRow): string {
  return FORMATS[domain].naturalKey.map((k) => String(row[k])).join('|');
}
