/**
 * 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit serial (odd = male),
 * check character from weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2 and S mod 11 → 1,0,X,9,8,7,6,5,4,3,2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function computeIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] as number);
  return CHECK.charAt(sum % 11);
}

export type IdNumberCheck =
  | { ok: true; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; reason: 'id.malformed' | 'id.bad_date' | 'id.check_failed'; expected?: string };

/** Checks an 18-character number (a 15-digit one is converted first). */
export function checkIdNumber(raw: string): IdNumberCheck {
  let id = raw.trim().toUpperCase();
  if (/^\d{15}$/.test(id)) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = first17 + computeIdCheckChar(first17);
  }
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'id.malformed' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, reason: 'id.bad_date' };
  }
  const expected = computeIdCheckChar(id.slice(0, 17));
  if (expected !== id.charAt(17)) return { ok: false, reason: 'id.check_failed', expected };
  return {
    ok: true,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female',
  };
}

/** Normalizes a number for storage: upper-case X, 15 digits converted to 18. */
export function normalizeIdNumber(raw: string): string {
  const id = raw.trim().toUpperCase();
  if (/^\d{15}$/.test(id)) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    return first17 + computeIdCheckChar(first17);
  }
  return id;
}
