/**
 * SM4 at rest in tests (decisions 0024, 0042): the keys the PII tests configure, a switch of the
 * process environment between them and encryption off, and the shape of a stored ciphertext.
 */
export const SM4_ENV = {
  PII_ENCRYPTION: 'sm4',
  PII_KEYS: 'k1:0123456789abcdeffedcba9876543210',
  PII_INDEX_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
};

const PII_VARS = ['PII_ENCRYPTION', 'PII_KEYS', 'PII_KEY_FILE', 'PII_INDEX_KEY'] as const;

/** Replaces every PII variable of the process environment by `env` (empty: encryption off). */
export function setPiiEnv(env: Partial<Record<(typeof PII_VARS)[number], string>>) {
  for (const name of PII_VARS) delete process.env[name];
  Object.assign(process.env, env);
}

/** A value stored under key k1: `sm4:1:k1:` and base64. */
export const CIPHERTEXT = /^sm4:1:k1:[A-Za-z0-9+/]+=*$/;
