/**
 * 国密 protection of personal-data columns at rest (issue 13; decision 0022): SM4 (GB/T 32907) in
 * CBC mode with a random IV, encrypt-then-MAC with HMAC-SM3 (GB/T 32905), and a keyed SM3 index
 * (HMAC-SM3 of the normalised value) for equality lookups and linkage without decrypting.
 *
 * Switched on by PII_ENCRYPTION=sm4 with keys from PII_KEYS ("k1:<32 hex>,k2:<32 hex>", the last
 * one encrypts, every one decrypts: rotation) or PII_KEY_FILE (a JSON file of the same:
 * {"keys": {"k1": "<32 hex>"}, "current": "k1", "indexKey": "<64 hex>"}), and PII_INDEX_KEY (the
 * index key, never rotated with the data keys, since every stored index would change).
 *
 * Ciphertext: `sm4:1:<key id>:<base64 of iv(16) ‖ ciphertext ‖ tag(16)>`. A value without the
 * prefix is plaintext written before encryption was switched on and is returned as it is, so
 * columns can be encrypted in place over time.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import smCrypto from 'sm-crypto';

const { sm3, sm4 } = smCrypto;

const PREFIX = 'sm4:1:';
const HEX32 = /^[0-9a-f]{32}$/i;

export interface PiiCrypto {
  isEnabled: boolean;
  /** Encrypts a value (null stays null); returns it unchanged when encryption is off. */
  encrypt(value: string | null): string | null;
  /** Decrypts a value written by `encrypt`; a plaintext value (no prefix) is returned unchanged. */
  decrypt(value: string | null): string | null;
  /**
   * The lookup key of a value: with encryption on, the keyed SM3 index (HMAC-SM3 of the value
   * normalised: trimmed, upper case); off, the normalised value itself (nothing secret to key it
   * with, and a digest would cost import time and hide nothing). Null for null.
   */
  index(value: string | null): string | null;
  /** True when a stored value is ciphertext under the current key (nothing to do for `pii encrypt`). */
  isCurrent(value: string | null): boolean;
}

interface KeyMaterial {
  keys: Map<string, { enc: string; mac: string }>;
  current: string;
  indexKey: string;
}

const hmacSm3 = (keyHex: string, data: string | Uint8Array): string =>
  sm3(typeof data === 'string' ? data : Array.from(data), { key: keyHex }) as string;

function deriveKeys(hex: string) {
  // One configured key per id; the MAC key is derived from it, so CBC is never used without one.
  return { enc: hex.toLowerCase(), mac: hmacSm3(hex, 'yufang pii mac v1') };
}

/** Reads the key material from the environment (or a key file); throws naming what is missing. */
export function loadKeyMaterial(env: NodeJS.ProcessEnv = process.env): KeyMaterial {
  let keys: Record<string, string> = {};
  let current: string | undefined;
  let indexKey = env.PII_INDEX_KEY;
  if (env.PII_KEY_FILE) {
    const file = JSON.parse(fs.readFileSync(env.PII_KEY_FILE, 'utf8')) as {
      keys?: Record<string, string>;
      current?: string;
      indexKey?: string;
    };
    keys = file.keys ?? {};
    current = file.current;
    indexKey ??= file.indexKey;
  }
  if (env.PII_KEYS) {
    for (const pair of env.PII_KEYS.split(',')) {
      const [id, hex] = pair.trim().split(':');
      if (id && hex) {
        keys[id] = hex;
        current = id;
      }
    }
  }
  const ids = Object.keys(keys);
  if (ids.length === 0) throw new Error('PII_ENCRYPTION=sm4 needs PII_KEYS or PII_KEY_FILE');
  for (const [id, hex] of Object.entries(keys)) {
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(id))
      throw new Error(`PII key id "${id}": 1–16 letters, digits, - or _`);
    if (!HEX32.test(hex)) throw new Error(`PII key ${id}: 32 hex digits (128-bit SM4 key)`);
  }
  if (!current || !keys[current]) throw new Error('PII key file: "current" must name one of its keys');
  if (!indexKey || !/^[0-9a-f]{32,128}$/i.test(indexKey))
    throw new Error('PII_INDEX_KEY: 32 to 128 hex digits (the keyed SM3 index key)');
  return {
    keys: new Map(Object.entries(keys).map(([id, hex]) => [id, deriveKeys(hex)])),
    current,
    indexKey: indexKey.toLowerCase(),
  };
}

/** The normal form indexed: 身份证号 with a lower-case x and a padded name index the same. */
export const normalizeForIndex = (value: string) => value.trim().toUpperCase();

export function createPiiCrypto(env: NodeJS.ProcessEnv = process.env): PiiCrypto {
  const mode = env.PII_ENCRYPTION ?? 'off';
  if (mode === 'off' || mode === '') {
    return {
      isEnabled: false,
      encrypt: (v) => v,
      decrypt: (v) => v,
      index: (v) => (v === null ? null : normalizeForIndex(v)),
      isCurrent: (v) => v === null || !v.startsWith(PREFIX),
    };
  }
  if (mode !== 'sm4') throw new Error(`PII_ENCRYPTION: "sm4" or "off", not "${mode}"`);
  const material = loadKeyMaterial(env);
  const currentKey = material.keys.get(material.current);
  if (!currentKey) throw new Error('no current PII key');
  return {
    isEnabled: true,
    encrypt(value) {
      if (value === null) return null;
      const iv = randomBytes(16);
      const body = sm4.encrypt(Array.from(Buffer.from(value, 'utf8')), currentKey.enc, {
        mode: 'cbc',
        iv: iv.toString('hex'),
        output: 'array',
      }) as number[];
      const payload = Buffer.concat([iv, Buffer.from(body)]);
      const tag = Buffer.from(hmacSm3(currentKey.mac, macInput(material.current, payload)), 'hex').subarray(
        0,
        16,
      );
      return `${PREFIX}${material.current}:${Buffer.concat([payload, tag]).toString('base64')}`;
    },
    decrypt(value) {
      if (value === null || !value.startsWith(PREFIX)) return value;
      const rest = value.slice(PREFIX.length);
      const colon = rest.indexOf(':');
      const id = rest.slice(0, colon);
      const key = material.keys.get(id);
      if (colon < 0 || !key) throw new Error(`PII ciphertext under unknown key "${id}"`);
      const raw = Buffer.from(rest.slice(colon + 1), 'base64');
      if (raw.length < 48 || (raw.length - 32) % 16 !== 0) throw new Error('PII ciphertext malformed');
      const payload = raw.subarray(0, raw.length - 16);
      const tag = raw.subarray(raw.length - 16);
      const expected = Buffer.from(hmacSm3(key.mac, macInput(id, payload)), 'hex').subarray(0, 16);
      if (!timingSafeEqual(tag, expected)) throw new Error('PII ciphertext failed its integrity check');
      const plain = sm4.decrypt(Array.from(payload.subarray(16)), key.enc, {
        mode: 'cbc',
        iv: payload.subarray(0, 16).toString('hex'),
        output: 'array',
      }) as number[];
      return Buffer.from(plain).toString('utf8');
    },
    index: (v) => (v === null ? null : hmacSm3(material.indexKey, normalizeForIndex(v))),
    isCurrent: (v) => v === null || v.startsWith(`${PREFIX}${material.current}:`),
  };
}

/** The MAC covers the key id too, so a ciphertext cannot be relabelled to another key. */
function macInput(id: string, payload: Buffer): Uint8Array {
  return Buffer.concat([Buffer.from(`${PREFIX}${id}:`, 'utf8'), payload]);
}

let shared: PiiCrypto | undefined;

/** The process's PII crypto, from the environment at first use. */
export function piiCrypto(): PiiCrypto {
  shared ??= createPiiCrypto();
  return shared;
}

/**
 * Builds the process's PII crypto from the environment now (start-up: a bad or missing key stops
 * the server, naming the variable). Import workers build their own from the same environment.
 */
export function configurePiiCrypto(env: NodeJS.ProcessEnv = process.env): PiiCrypto {
  shared = createPiiCrypto(env);
  return shared;
}
