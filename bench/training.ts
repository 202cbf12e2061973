/**
 * Training coverage benchmark (issue 14): a province's coverage (GET /api/training/coverage's
 * service call for the Fujian officer) read from the maintained cells, against the same figures by
 * GROUP BY on the raw rows (50,000 key enterprises, 400,000 key-post holders, 2,000,000
 * completions) in the same run, asserting they are equal; plus the full refresh of the cells and
 * the refresh one write causes. BENCH_SCALE=demo|province (default province), BENCH_DB=postgres|pglite
 * (default postgres), BENCH_RUNS rounds (default 3).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import {
  refreshCoverageCells,
  refreshCoverageCellsFor,
} from '../src/modules/training/coverage-cells.service.js';
import { describeTrainingCoverage } from '../src/modules/training/training.service.js';
import type { Actor } from '../src/platform/auth/actor.js';
import { permissionsOf } from '../src/platform/auth/permissions.js';
import { type Database, openDatabase } from '../src/platform/db/client.js';
import { today } from '../src/platform/time.js';
import { loadTrainingDataset, TRAINING_SCALES, writeTrainingDataset } from '../src/seed/generate-training.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { adminQuery, withDatabase } from '../test/db-template.js';
import { percentile } from './common.js';

const scaleName = (process.env.BENCH_SCALE ?? 'province') as 'demo' | 'province';
const ROUNDS = Number(process.env.BENCH_RUNS ?? 3);
const FAST_SAMPLES = 30;

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
const spread = (v: number[]) => `${Math.round(Math.min(...v))}–${Math.round(Math.max(...v))}`;

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export async function benchTraining() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-bench-training-'));
  const kind = process.env.BENCH_DB === 'pglite' ? 'pglite' : 'postgres';
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `yufang_bench_tr_${process.pid}`;
  let database: Database | undefined;
  try {
    const generated = await time(() =>
      writeTrainingDataset({ outDir: work, seed: 7, today: today(), scale: TRAINING_SCALES[scaleName] }),
    );
    if (kind === 'postgres') {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
      await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
      database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name) });
    } else database = await openDatabase({ dataDir: path.join(work, 'pglite') });
    const { db } = database;
    await database.migrate();
    await seedReferenceData(db);
    const loaded = await time(() => loadTrainingDataset(database as Database, path.join(work, 'training')));
    const [jurisdiction] = (
      (await db.execute(sql`select id, code, path from jurisdictions where code = '350000'`)) as unknown as {
        rows: { id: number; code: string; path: string }[];
      }
    ).rows;
    const actor: Actor = {
      userId: 0,
      username: 'bench',
      displayName: 'bench',
      role: 'hrss_officer',
      permissions: permissionsOf('hrss_officer'),
      jurisdictionId: Number(jurisdiction?.id),
      jurisdictionCode: '350000',
      jurisdictionPath: String(jurisdiction?.path),
      organisationId: null,
      sessionId: 'bench',
      mustChangePassword: false,
      csrfToken: '',
      ip: '127.0.0.1',
      userAgent: null,
    };
    const counts = (
      (await db.execute(sql`select (select count(*) from organisations where name like '规模测试企业%')::int as e,
        (select count(*) from key_post_holders)::int as h, (select count(*) from training_completions)::int as c`)) as unknown as {
        rows: { e: number; h: number; c: number }[];
      }
    ).rows[0];
    console.log(
      `\n## training (${kind}, ${scaleName}: ${counts?.e} enterprises, ${counts?.h} holders, ${counts?.c} completions; generated in ${Math.round(generated.ms)} ms, loaded in ${Math.round(loaded.ms)} ms; ${os.cpus().length} cores, machine shared and loaded)\n`,
    );
    const rows: Record<string, number[]> = {
      'raw GROUP BY (median of the round)': [],
      'cells p95': [],
      'cells median': [],
      'ratio raw / cells p95': [],
      'full refresh of the cells': [],
      'refresh after one write (one employer)': [],
    };
    const [oneEmployer] = (
      (await db.execute(sql`select employer_id from key_post_holders limit 1`)) as unknown as {
        rows: { employer_id: number }[];
      }
    ).rows;
    for (let round = 0; round < ROUNDS; round++) {
      // Raw: no cells for today, so the service counts the raw rows.
      await db.execute(sql`delete from training_coverage_state`);
      const raw: number[] = [];
      let rawValue: unknown;
      for (let i = 0; i < 3; i++) {
        const r = await time(() => describeTrainingCoverage(db, actor, { jurisdiction: '350000' }));
        raw.push(r.ms);
        rawValue = r.value;
      }
      const refresh = await time(() => refreshCoverageCells(db));
      const fast: number[] = [];
      let fastValue: unknown;
      for (let i = 0; i < FAST_SAMPLES; i++) {
        const r = await time(() => describeTrainingCoverage(db, actor, { jurisdiction: '350000' }));
        fast.push(r.ms);
        fastValue = r.value;
      }
      if (JSON.stringify(fastValue) !== JSON.stringify(rawValue))
        throw new Error('the cells and the raw rows disagree');
      const one = await time(() =>
        db.transaction((tx) =>
          refreshCoverageCellsFor(tx, { employerIds: [Number(oneEmployer?.employer_id)] }),
        ),
      );
      const p95 = percentile(fast, 95);
      rows['raw GROUP BY (median of the round)']?.push(median(raw));
      rows['cells p95']?.push(p95);
      rows['cells median']?.push(median(fast));
      rows['ratio raw / cells p95']?.push(median(raw) / p95);
      rows['full refresh of the cells']?.push(refresh.ms);
      rows['refresh after one write (one employer)']?.push(one.ms);
      console.error(`training round ${round + 1}/${ROUNDS} done`);
    }
    console.log(`| what (ms unless a ratio; median of ${ROUNDS} rounds) | median | spread |`);
    console.log('| --- | ---: | ---: |');
    for (const [label, values] of Object.entries(rows)) {
      const isRatio = label.startsWith('ratio');
      console.log(
        `| ${label} | ${isRatio ? `${median(values).toFixed(1)}×` : Math.round(median(values))} | ${isRatio ? values.map((v) => v.toFixed(1)).join(', ') : spread(values)} |`,
      );
    }
    console.log('\n(figures equal: the cells and the raw GROUP BY gave the same coverage in every round)');
  } finally {
    await database?.close();
    if (kind === 'postgres') await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    fs.rmSync(work, { recursive: true, force: true });
  }
}
