import { piiCrypto } from '../../platform/privacy/crypto.js';

/**
 * The training module's personal data at rest (decision 0042, "The training module"): 身份证号 and
 * names are SM4 ciphertext when PII_ENCRYPTION=sm4 (plaintext when off), and every key, join and
 * count uses the number's lookup key (`PiiCrypto.index`), as the exchange's person tables do. The
 * numbers given here are already checked and normalised (`normalizeIdNumber`).
 */

/** The stored form of a normalised 身份证号: (cipher)text and its lookup key. */
export function storeIdNumber(idNumber: string) {
  const crypto = piiCrypto();
  return { idNumber: crypto.encrypt(idNumber) as string, idNumberIndex: crypto.index(idNumber) as string };
}

/** The stored form of a person: 身份证号 (with its lookup key) and name. */
export function storePerson(idNumber: string, personName: string) {
  return { ...storeIdNumber(idNumber), personName: piiCrypto().encrypt(personName) as string };
}

/** The lookup key of a normalised 身份证号 (what `id_number_index` holds). */
export const indexOfIdNumber = (idNumber: string) => piiCrypto().index(idNumber) as string;

/** A stored 身份证号 or name as plaintext (a plaintext value, written before encryption, as it is). */
export const readPersonField = (value: unknown) => piiCrypto().decrypt(String(value)) as string;

/** The birth date a normalised 18-character 身份证号 carries (GB 11643: digits 7–14). */
export const birthDateOf = (idNumber: string) =>
  `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
