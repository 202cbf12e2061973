import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { createPiiCrypto } from './crypto.js';

const { sm3, sm4 } = smCrypto;

const K1 = '0123456789abcdeffedcba9876543210';
const K2 = 'fedcba98765432100123456789abcdef';
const INDEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const bytes = (hex: string) => Array.from(Buffer.from(hex, 'hex'));

describe('known answers of the standards', () => {
  it('SM4: GB/T 32907-2016 appendix A, example 1', () => {
    const out = sm4.encrypt(bytes(K1), K1, { padding: 'none', output: 'array' }) as number[];
    expect(Buffer.from(out).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    const back = sm4.decrypt(out, K1, { padding: 'none', output: 'array' }) as number[];
    expect(Buffer.from(back).toString('hex')).toBe(K1);
  });

  it('SM3: GB/T 32905-2016 appendix A, examples 1 and 2', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('HMAC-SM3 is RFC 2104 over SM3 (computed here from the digest alone)', () => {
    const key = bytes(INDEX);
    const block = [...key, ...new Array(64 - key.length).fill(0)];
    const inner = sm3([...block.map((b) => b ^ 0x36), ...Buffer.from('350102198001011234')]);
    const outer = sm3([...block.map((b) => b ^ 0x5c), ...bytes(inner)]);
    expect(sm3('350102198001011234', { key: INDEX })).toBe(outer);
  });
});

describe('PII columns under SM4 (PII_ENCRYPTION=sm4)', () => {
  const on = createPiiCrypto({ PII_ENCRYPTION: 'sm4', PII_KEYS: `k1:${K1}`, PII_INDEX_KEY: INDEX });

  it('round-trips, with a fresh IV each time, in the versioned format naming the key', () => {
    const a = on.encrypt('张三丰 350102198001011234');
    const b = on.encrypt('张三丰 350102198001011234');
    expect(a).toMatch(/^sm4:1:k1:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(on.decrypt(a)).toBe('张三丰 350102198001011234');
    expect(on.decrypt(b)).toBe('张三丰 350102198001011234');
    expect(on.encrypt(null)).toBeNull();
    expect(on.decrypt('13912345678')).toBe('13912345678');
  });

  it('rotates: a new current key encrypts, the old one still decrypts; unknown keys and tampering fail', () => {
    const old = on.encrypt('13912345678');
    const rotated = createPiiCrypto({
      PII_ENCRYPTION: 'sm4',
      PII_KEYS: `k1:${K1},k2:${K2}`,
      PII_INDEX_KEY: INDEX,
    });
    const fresh = rotated.encrypt('13912345678');
    expect(fresh).toMatch(/^sm4:1:k2:/);
    expect(rotated.decrypt(old)).toBe('13912345678');
    expect(() => on.decrypt(fresh)).toThrow(/unknown key "k2"/);
    const raw = Buffer.from(String(old).slice('sm4:1:k1:'.length), 'base64');
    raw[20] = (raw[20] ?? 0) ^ 1;
    expect(() => on.decrypt(`sm4:1:k1:${raw.toString('base64')}`)).toThrow(/integrity/);
    // Relabelling a ciphertext to another key fails too (the key id is under the MAC).
    expect(() => rotated.decrypt(String(old).replace(':k1:', ':k2:'))).toThrow(/integrity/);
  });

  it('indexes with keyed SM3: equal values, equal index; the key matters; not reversible by a plain digest', () => {
    const idx = on.index('35010219800101123x');
    expect(idx).toBe(on.index(' 35010219800101123X '));
    expect(idx).toBe(sm3('35010219800101123X', { key: INDEX }));
    expect(idx).not.toBe(sm3('35010219800101123X'));
    const other = createPiiCrypto({
      PII_ENCRYPTION: 'sm4',
      PII_KEYS: `k1:${K1}`,
      PII_INDEX_KEY: `${INDEX.slice(2)}11`,
    });
    expect(other.index('35010219800101123X')).not.toBe(idx);
  });

  it('refuses a half configuration, naming what is missing', () => {
    expect(() => createPiiCrypto({ PII_ENCRYPTION: 'sm4' })).toThrow(/PII_KEYS or PII_KEY_FILE/);
    expect(() =>
      createPiiCrypto({ PII_ENCRYPTION: 'sm4', PII_KEYS: 'k1:abc', PII_INDEX_KEY: INDEX }),
    ).toThrow(/32 hex digits/);
    expect(() => createPiiCrypto({ PII_ENCRYPTION: 'sm4', PII_KEYS: `k1:${K1}` })).toThrow(/PII_INDEX_KEY/);
    expect(() => createPiiCrypto({ PII_ENCRYPTION: 'aes' })).toThrow(/"sm4" or "off"/);
  });

  it('leaves values as they are when switched off', () => {
    const off = createPiiCrypto({});
    expect(off.isEnabled).toBe(false);
    expect(off.encrypt('13912345678')).toBe('13912345678');
    expect(off.decrypt('13912345678')).toBe('13912345678');
  });
});
