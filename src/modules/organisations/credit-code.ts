/**
 * 统一社会信用代码 (GB 32100-2015) check: 31-character alphabet without I, O, S, V, Z; weights
 * 3^(i-1) mod 31; check character = 31 − (Σ value × weight mod 31), 31 → 0.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeCheck =
  | { status: 'valid' }
  /** Well formed, but the check character differs: legal early codes (Fujian pilots) do this. */
  | { status: 'check_failed'; expected: string }
  | { status: 'malformed' };

export function computeCreditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] as number);
  const c = 31 - (sum % 31);
  return CHARSET.charAt(c === 31 ? 0 : c);
}

export function checkCreditCode(code: string): CreditCodeCheck {
  if (!SHAPE.test(code)) return { status: 'malformed' };
  const expected = computeCreditCodeCheckChar(code.slice(0, 17));
  return expected === code.charAt(17) ? { status: 'valid' } : { status: 'check_failed', expected };
}
