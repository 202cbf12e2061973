/**
 * PII crypto (`npm run bench -- crypto`): rows per second of SM4 encrypt and decrypt of a person
 * row's three personal fields (name, 身份证号, phone) and of the keyed SM3 index of the 身份证号,
 * against the same row passed through with encryption off (the baseline). Median of BENCH_RUNS.
 */
import { createPiiCrypto } from '../src/platform/privacy/crypto.js';

const ROWS = Number(process.env.BENCH_CRYPTO_ROWS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

export async function benchCrypto() {
  const on = createPiiCrypto({
    PII_ENCRYPTION: 'sm4',
    PII_KEYS: 'k1:0123456789abcdeffedcba9876543210',
    PII_INDEX_KEY: '00112233445566778899aabbccddeeff',
  });
  const off = createPiiCrypto({});
  const rows = Array.from({ length: ROWS }, (_, i) => [
    `职工${i}`,
    `350102198${String(i % 10)}0101${String(i % 1000).padStart(3, '0')}X`,
    `139${String(i).padStart(8, '0')}`,
  ]);
  const rate = (fn: () => void) => {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const started = performance.now();
      fn();
      times.push(performance.now() - started);
    }
    const perSecond = times.map((ms) => ROWS / (ms / 1000)).sort((a, b) => a - b);
    return {
      median: perSecond[Math.floor(RUNS / 2)] ?? 0,
      min: perSecond[0] ?? 0,
      max: perSecond.at(-1) ?? 0,
    };
  };
  const encrypted = rows.map((r) => r.map((v) => on.encrypt(v)));
  const results = {
    'off (pass-through)': rate(() => rows.map((r) => r.map((v) => off.encrypt(v)))),
    'SM4 encrypt, 3 fields': rate(() => rows.map((r) => r.map((v) => on.encrypt(v)))),
    'SM4 decrypt, 3 fields': rate(() => encrypted.map((r) => r.map((v) => on.decrypt(v)))),
    'HMAC-SM3 index, 1 field': rate(() => rows.map((r) => on.index(r[1] ?? null))),
  };
  console.log(`crypto: ${ROWS} rows × ${RUNS} runs (rows/s, median [min–max])`);
  for (const [name, r] of Object.entries(results))
    console.log(
      `  ${name.padEnd(26)} ${Math.round(r.median).toLocaleString('en')} [${Math.round(r.min)}–${Math.round(r.max)}]`,
    );
}
