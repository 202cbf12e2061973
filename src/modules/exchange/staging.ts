import { type Domain, FORMATS } from './formats.js';

/** Values the worker derives from a row and stages beside the file's columns. */
function derivedKeys(domain: Domain): string[] {
  const keys: string[] = [];
  if (FORMATS[domain].columns.some((c) => c.key === 'creditCode')) keys.push('creditCodeStatus');
  if (domain === 'diseases') keys.push('isPneumoconiosis');
  // The person's lookup key (PiiCrypto.index), and for the insured list the sex and birth date
  // read from the 身份证号, so the merge and the counts never need the number (encrypted or not).
  if (FORMATS[domain].columns.some((c) => c.key === 'idNumber')) keys.push('idNumberIndex');
  if (domain === 'insuredPersons') keys.push('sex', 'birthDate');
  return keys;
}

/** The order in which a domain's normalized values fill the staging columns c01, c02, … */
export function stagingKeys(domain: Domain): string[] {
  return [...FORMATS[domain].columns.map((c) => c.key), ...derivedKeys(domain)];
}

/** The text column c01…c18 (of exchange_staging) at position `index` (0-based). */
const textColumn = (index: number) => `c${String(index + 1).padStart(2, '0')}`;

/** Staging column holding `key` for `domain`, e.g. injuries.caseNo → c01. */
export function stagingColumn(domain: Domain, key: string): string {
  const index = stagingKeys(domain).indexOf(key);
  if (index < 0) throw new Error(`no staging column for ${domain}.${key}`);
  return textColumn(index);
}

/** The staging columns a domain fills, in COPY order: batch, line, then c01… (no padding, no raw cells). */
export function stagedColumnsOf(domain: Domain): string[] {
  return ['batch_id', 'line', ...stagingKeys(domain).map((_, i) => textColumn(i))];
}
