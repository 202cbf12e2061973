import { hash, verify } from '@node-rs/argon2';

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
 * Password policy (等保 2.0 level 3): at least 10 characters, with at least three of lower case,
 * upper case, digits and symbols, and not containing the username. Returns the message key of
 * the first rule broken, or null.
 */
export function checkPasswordPolicy(
  password: string,
  username: string,
): 'password.too_short' | 'password.too_simple' | 'password.contains_username' | null {
  if (password.length < 10) return 'password.too_short';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'password.too_simple';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return 'password.contains_username';
  return null;
}
