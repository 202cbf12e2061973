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

/** 350102199001011234 → 350102********123X style: region kept, birth date and serial hidden. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
