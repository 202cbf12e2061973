import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username is unknown, so timing does not reveal which names exist. */
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('yufang-no-such-user');
  return dummyHash;
}

/**
 * The 10,000 most common passwords, in frequency order, from the list zxcvbn-ts ships
 * (`@zxcvbn-ts/language-common`, MIT; compiled from leaked-password corpora), lower-cased.
 */
let commonPasswords: Set<string> | undefined;
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].slice(0, 10_000).map((p) => p.toLowerCase()));
  const lower = password.toLowerCase();
  // `Password123!` is `password` with the usual decorations: strip trailing digits and symbols too.
  const stem = lower.replace(/[^a-z]+$/, '');
  const unleet = lower
    .replace(/[@4]/g, 'a')
    .replace(/3/g, 'e')
    .replace(/[1!]/g, 'i')
    .replace(/0/g, 'o')
    .replace(/\$/g, 's');
  return [lower, stem, unleet, unleet.replace(/[^a-z]+$/, '')].some(
    (c) => c.length >= 4 && commonPasswords?.has(c),
  );
}

export type PasswordRuleBroken =
  | 'password.too_short'
  | 'password.too_simple'
  | 'password.contains_username'
  | 'password.common';

/**
 * Password policy (GB/T 22239-2019 level 3, 8.1.4.1 a: 口令具有复杂度要求): at least 12 characters,
 * at least three of lower case, upper case, digits and symbols, not containing the username, and
 * not a common password or one decorated with digits and symbols (`Password123!`). Returns the
 * message key of the first rule broken, or null.
 */
export function checkPasswordPolicy(password: string, username: string): PasswordRuleBroken | null {
  if (password.length < 12) return 'password.too_short';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'password.too_simple';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return 'password.contains_username';
  if (isCommonPassword(password)) return 'password.common';
  return null;
}
