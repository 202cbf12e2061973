/**
 * Import with 国密 at rest on and off (`npm run bench -- pii-import`; decision 0022): validated
 * injury rows per second through the real pipeline (worker thread, staging, merge, figures) on a
 * fresh embedded database, with PII_ENCRYPTION off and sm4 alternately in the same run, each run
 * a new file of BENCH_PII_ROWS rows. Prints each run, the medians of BENCH_RUNS, their spread
 * (min–max) and the ratio sm4 ÷ off.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/platform/db/client.js';
import { configurePiiCrypto } from '../src/platform/privacy/crypto.js';
import { seedDemoData } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { INJURY_HEADER, injuryRow, makeIdNumber, toCsv } from '../test/exchange-builders.js';
import { importFile } from './import.js';

const ROWS = Number(process.env.BENCH_PII_ROWS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SM4_ENV = {
  PII_ENCRYPTION: 'sm4',
  PII_KEYS: 'k1:0123456789abcdeffedcba9876543210',
  PII_INDEX_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
};

function setMode(mode: 'off' | 'sm4') {
  for (const name of ['PII_ENCRYPTION', 'PII_KEYS', 'PII_KEY_FILE', 'PII_INDEX_KEY'])
    delete process.env[name];
  if (mode === 'sm4') Object.assign(process.env, SM4_ENV);
  // The merge reads the process's crypto; the import worker builds its own from this environment.
  configurePiiCrypto();
}

function injuryFile(dir: string, run: string, rows: number): string {
  const lines = [INJURY_HEADER];
  for (let n = 1; n <= rows; n++) {
    const birth = `19${60 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`;
    lines.push(
      injuryRow(n, {
        caseNo: `${run}-${n}`,
        idNumber: makeIdNumber('350102', birth, n % 2 ? 'male' : 'female', Math.floor(n / 360)),
        birth,
        sex: n % 2 ? '男' : '女',
      }),
    );
  }
  const file = path.join(dir, `${run}.csv`);
  fs.writeFileSync(file, toCsv(lines));
  return file;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function benchPiiImport() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-bench-pii-'));
  const database = await openDatabase({ dataDir: path.join(work, 'pglite') });
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    await seedDemoData(database.db);
    setMode('off');
    // Warm-up: creates the (pending) employer the rows name and warms the JIT; not counted.
    await importFile(database, 'injuries', injuryFile(work, 'warm', 2_000), work, undefined);
    const rates: Record<'off' | 'sm4', number[]> = { off: [], sm4: [] };
    console.log(
      `\n## import with PII_ENCRYPTION off and sm4 (PGlite, ${ROWS} injury rows a run, ${os.cpus().length} cores, Node ${process.version})\n`,
    );
    console.log('| run | mode | rows | ms | rows/s |');
    console.log('| ---: | --- | ---: | ---: | ---: |');
    for (let r = 1; r <= RUNS; r++) {
      for (const mode of r % 2 ? (['off', 'sm4'] as const) : (['sm4', 'off'] as const)) {
        setMode(mode);
        const result = await importFile(
          database,
          'injuries',
          injuryFile(work, `${mode}${r}`, ROWS),
          work,
          undefined,
        );
        const rate = result.rows / (result.ms / 1000);
        rates[mode].push(rate);
        console.log(`| ${r} | ${mode} | ${result.rows} | ${Math.round(result.ms)} | ${Math.round(rate)} |`);
      }
    }
    const off = median(rates.off);
    const on = median(rates.sm4);
    const spread = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
    console.log(
      `\nmedian rows/s: off ${Math.round(off)} (${spread(rates.off)}), sm4 ${Math.round(on)} (${spread(rates.sm4)}); ratio sm4 ÷ off ${(on / off).toFixed(2)}`,
    );
  } finally {
    setMode('off');
    await database.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
