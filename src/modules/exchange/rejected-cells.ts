import type { PiiCrypto } from '../../platform/privacy/crypto.js';

/**
 * What a rejected row keeps of the file (issue 13): its cells, and reason parameters that quote a
 * cell. Any cell may be a 身份证号, a name or a phone, in any column (a row is rejected because it
 * is not what the format says), so with PII_ENCRYPTION=sm4 the whole row is stored as one SM4
 * ciphertext of its cells, and each quoting parameter as ciphertext too; they are opened only for
 * the rejected-rows file (the submitting unit or HRSS cleared for personal data, audited) and for
 * those same viewers' reasons. Pure functions: the import worker uses them too.
 */

/** Reason parameters that quote a cell (a value, a record key, a parser's message). */
export const CELL_PARAMS = ['value', 'key', 'reason'] as const;

/** A rejected row's cells as stored: the cells, or (encrypted) one ciphertext of their JSON. */
export type StoredCells = string[] | string;

export interface StoredIssue {
  column: string;
  code: string;
  params?: Record<string, unknown>;
}

/** The cells as they are to be stored: one SM4 ciphertext of the row when encryption is on. */
export function sealCells(cells: readonly string[], crypto: PiiCrypto): StoredCells {
  return crypto.isEnabled ? (crypto.encrypt(JSON.stringify(cells)) as string) : [...cells];
}

/** The cells of a stored row (null until the merge's rejected rows are read back from the file). */
export function openCells(stored: StoredCells | null, crypto: PiiCrypto): string[] | null {
  if (stored === null) return null;
  return typeof stored === 'string' ? (JSON.parse(crypto.decrypt(stored) as string) as string[]) : stored;
}

const mapCellParams = (
  params: Record<string, unknown> | null | undefined,
  f: (value: string) => string | null,
): Record<string, unknown> | undefined => {
  if (!params) return params ?? undefined;
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) =>
      typeof v === 'string' && (CELL_PARAMS as readonly string[]).includes(k) ? [k, f(v)] : [k, v],
    ),
  );
};

/** Reason parameters as they are to be stored: the ones that quote a cell encrypted. */
export function sealParams<P extends Record<string, unknown> | null | undefined>(
  params: P,
  crypto: PiiCrypto,
): P {
  if (!crypto.isEnabled) return params;
  return mapCellParams(params, (v) => (crypto.isCurrent(v) ? v : crypto.encrypt(crypto.decrypt(v)))) as P;
}

/** Reason parameters as stored, opened for a viewer who may see the cells. */
export function openParams(
  params: Record<string, unknown> | null | undefined,
  crypto: PiiCrypto,
): Record<string, unknown> | undefined {
  return mapCellParams(params, (v) => crypto.decrypt(v));
}

export const sealIssues = <I extends StoredIssue>(issues: readonly I[], crypto: PiiCrypto): I[] =>
  issues.map((i) => (i.params ? { ...i, params: sealParams(i.params, crypto) } : i));

export const openIssues = <I extends StoredIssue>(issues: readonly I[], crypto: PiiCrypto): I[] =>
  issues.map((i) => (i.params ? { ...i, params: openParams(i.params, crypto) } : i));
