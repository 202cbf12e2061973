import { GBT4754_DIVISIONS, sectionOfDivision } from '../code-tables/gbt4754.data.js';
import { GBT4754_CLASSES, GBT4754_GROUPS } from '../code-tables/gbt4754-classes.data.js';
import {
  ACCIDENT_GRADES,
  DISEASE_CATALOGUES,
  gradeOfAccident,
  isPneumoconiosis,
} from '../code-tables/injury-codes.data.js';
import { checkCreditCode } from '../organisations/credit-code.js';
import { PLAUSIBILITY_SETTING, type Plausibility } from './exchange.settings.js';
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
  /** Plausibility rules of the submitter's jurisdiction (exchange.settings.ts); the defaults when absent. */
  plausibility?: Plausibility;
}

const MAX_TEXT = 200;

/**
 * YYYY-MM-DD from the forms dates take in exported files: 2025-03-14, 2025/3/14, 2025.03.14,
 * 20250314, 2025年3月14日, and any of these followed by a midnight time (2025-03-14 00:00:00, as
 * databases export a date). A time other than midnight is not a date.
 */
function parseDate(raw: string): string | null {
  const text = raw
    .trim()
    .replace(/^(\d{4})年(\d{1,2})月(\d{1,2})日$/, '$1-$2-$3')
    .replace(/^(\S+)[ T]00:00(?::00(?:\.0+)?)?(?:Z|[+-]0[08]:?00)?$/, '$1');
  const m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(text);
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

/**
 * A GB/T 4754-2017 code of a division, group or class, checked against the full table. A leading
 * section letter (C3311, as many registries write it) is dropped when it is the division's section.
 */
function normalizeIndustryCode(
  value: string,
  fail: (code: ReasonCode, params?: Record<string, unknown>) => undefined,
): string | undefined {
  const m = /^([A-Za-z])?\s*(\d{2,4})$/.exec(value);
  if (!m) return fail('row.industry_unknown', { value });
  const code = m[2] as string;
  if (m[1] && sectionOfDivision(code.slice(0, 2)) !== m[1].toUpperCase())
    return fail('row.industry_section_mismatch', { value });
  const known =
    code.length === 2
      ? GBT4754_DIVISIONS[code]
      : code.length === 3
        ? GBT4754_GROUPS[code]
        : GBT4754_CLASSES[code];
  return known ? code : fail('row.industry_unknown', { value });
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
      return normalizeIndustryCode(value, fail);
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
    plausibilityOfInjury(row, errors, warnings, context.plausibility ?? PLAUSIBILITY_SETTING.default);
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
  const plausibility = context.plausibility ?? PLAUSIBILITY_SETTING.default;
  for (const key of EVENT_DATES[domain] ?? []) {
    if (has(key) && String(row[key]) < plausibility.earliestDate) {
      const issue = {
        column: key,
        code: 'row.before_floor' as const,
        params: { floor: plausibility.earliestDate },
      };
      (plausibility.earliestDateAction === 'reject' ? errors : warnings).push(issue);
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

/** The dates of events (not of birth or of insurance) that the earliest-date rule applies to. */
const EVENT_DATES: Partial<Record<Domain, readonly string[]>> = {
  injuries: ['occurredOn', 'determinedOn'],
  accidents: ['occurredOn'],
  diseases: ['diagnosedOn'],
};

/** Whole years from `birth` to `on` (both YYYY-MM-DD). */
function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** An injury before birth is impossible; an age at the injury outside the range is implausible. */
function plausibilityOfInjury(
  row: NormalizedRow,
  errors: RowIssue[],
  warnings: RowIssue[],
  rules: Plausibility,
) {
  const birth = row.birthDate ?? null;
  const occurred = row.occurredOn ?? null;
  if (typeof birth !== 'string' || typeof occurred !== 'string') return;
  if (occurred < birth) {
    errors.push({ column: 'occurredOn', code: 'row.before_birth' });
    return;
  }
  const age = ageOn(birth, occurred);
  if (age < rules.minAge || age > rules.maxAge) {
    const issue = {
      column: 'occurredOn',
      code: 'row.age_out_of_range' as const,
      params: { age, min: rules.minAge, max: rules.maxAge },
    };
    (rules.ageAction === 'reject' ? errors : warnings).push(issue);
  }
}

/** The natural key of a normalized row, to find duplicates within one file. */
export function naturalKeyOf(domain: Domain, row: NormalizedRow): string {
  return FORMATS[domain].naturalKey.map((k) => String(row[k])).join('|');
}

/** What a template's example row may be marked with in its first cell, instead of being the example itself. */
const EXAMPLE_MARKERS = /^\s*(示例|样例|#\s*example)/i;

/**
 * The template's example row (or a row marked 示例 / #example in its first cell): skipped by the
 * importer with a warning, so a template filled in below its example does not import 张三 as a
 * real case. A row is the example when every cell of the format's columns that the file has equals
 * the template's example.
 */
export function isTemplateExample(
  domain: Domain,
  cells: Readonly<Record<string, string>>,
  raw: readonly string[],
): boolean {
  if (EXAMPLE_MARKERS.test(raw[0] ?? '')) return true;
  const present = FORMATS[domain].columns.filter((c) => cells[c.key] !== undefined);
  return present.length > 0 && present.every((c) => (cells[c.key] ?? '').trim() === c.example);
}
