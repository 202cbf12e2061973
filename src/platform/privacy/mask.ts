/** Masking of personal data (DX-3, ORG-4) for viewers without personal-data:view. */

/** 张三 → 张*, 欧阳娜娜 → 欧***: keep the family name's first character. */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** 13812345678 → 138****5678; shorter numbers keep only the last 2 digits. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `${'*'.repeat(Math.max(phone.length - 2, 1))}${phone.slice(-2)}`;
}

/**
 * 350102199001011234 → 350102********12*4: the region (digits 1–6), two serial digits and the check
 * digit are kept; the birth date (7–14) and the sex digit (17: odd for men, even for women, GB 11643)
 * are hidden, so a masked number says neither the date nor the sex. Pass `revealsSex` only where the
 * sex is shown beside it anyway. A 15-digit number (birth date 7–12, sex digit 15) likewise.
 * Never show the birth date or the sex beside a masked number unless the viewer may see them:
 * they are exactly what the mask hides (see `maskedPersonFields`).
 */
export function maskIdNumber(id: string | null, options: { revealsSex?: boolean } = {}): string | null {
  if (!id) return id;
  if (id.length === 18) {
    const sex = options.revealsSex ? id.charAt(16) : '*';
    return `${id.slice(0, 6)}********${id.slice(14, 16)}${sex}${id.charAt(17)}`;
  }
  if (id.length === 15) {
    const sex = options.revealsSex ? id.charAt(14) : '*';
    return `${id.slice(0, 6)}******${id.slice(12, 14)}${sex}`;
  }
  return '*'.repeat(id.length);
}

/** Age bands shown instead of a birth date beside a masked number (the same bands as the facts). */
const AGE_BAND_LIMITS: readonly [number, string][] = [
  [25, '16-24'],
  [35, '25-34'],
  [45, '35-44'],
  [55, '45-54'],
  [60, '55-59'],
];

/** Whole years from `birth` to `on` (both ISO dates). */
export function ageAt(birth: string, on: string): number {
  const [by = 0, bm = 0, bd = 0] = birth.split('-').map(Number);
  const [oy = 0, om = 0, od = 0] = on.split('-').map(Number);
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

/** The age band (16-24 … 60+) of a person born on `birth` at the date `on`. */
export function ageBandAt(birth: string, on: string): string {
  const age = ageAt(birth, on);
  return AGE_BAND_LIMITS.find(([limit]) => age < limit)?.[1] ?? '60+';
}

/**
 * The person fields of a record for a viewer who may or may not see personal data. Unmasked: all
 * of them. Masked: 身份证号 and name masked, the birth date replaced by the age band at `on` (an
 * age band spans ten years, so the hidden eight digits cannot be rebuilt from it), and the sex
 * withheld with the sex digit of the number (a role that sees personal data sees both).
 */
export function maskedPersonFields(
  person: { idNumber: string; personName: string; sex: string; birthDate: string },
  on: string,
  canSee: boolean,
): {
  idNumber: string;
  personName: string;
  sex: string | null;
  birthDate: string | null;
  ageBand: string;
  isMasked: boolean;
} {
  const ageBand = ageBandAt(person.birthDate, on);
  if (canSee) return { ...person, ageBand, isMasked: false };
  return {
    idNumber: maskIdNumber(person.idNumber) ?? '',
    personName: maskName(person.personName) ?? '',
    sex: null,
    birthDate: null,
    ageBand,
    isMasked: true,
  };
}
