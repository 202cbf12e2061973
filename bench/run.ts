/**
 * Benchmarks (`npm run bench`), never part of `npm test`. Each prints its figures as ratios
 * against a baseline measured in the same run, so the numbers compare across machines.
 *
 * import: see bench/import.ts (BENCH_SCALE=demo|city|province, BENCH_DB=postgres|pglite).
 * analytics: see bench/analytics.ts (dashboard p95 vs raw GROUP BY, refresh after a month's import).
 * concurrency: see bench/concurrency.ts (autocannon, 20 connections, routes vs the same SQL on bare Fastify;
 * not part of `all`).
 * rates: see bench/rates.ts (re-rating a province's employers: the service against one SQL statement; not part of `all`).
 * overview: see bench/overview.ts (GET /api/overview p95 against the dashboard route, warm and cold; not part of `all`).
 * training: see bench/training.ts (province coverage from the maintained cells vs raw GROUP BY; not part of `all`).
 * crosschecks: see bench/crosschecks.ts (the rules' incremental run after a prefecture's month vs a full run; not part of `all`).
 * study: see bench/study.ts (200 learners' study-progress writes on PostgreSQL against the same learners' reads; not part of `all`).
 * risk: see bench/risk.ts (recomputing the risk index of the employers a prefecture's month touched vs every employer; not part of `all`).
 * crypto: see bench/crypto.ts (SM4 encrypt/decrypt and HMAC-SM3 index rows/s, against encryption off).
 * pii-import: see bench/pii-import.ts (injury import rows/s with PII_ENCRYPTION=sm4 against off, same run).
 *
 * startup: time from `npm start` (web build, fresh embedded database: create, migrate, seed) to a
 * ready /api/health, a warm restart on the existing database, and the server-only start, each
 * against a bare Node.js HTTP server started the same way (the floor of any Node service).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitForHealth } from './common.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = 3990;

function rssMiB(pid: number): number | null {
  // npm start → sh → node: take the largest resident set among the process tree's node processes.
  const pids = [pid, ...descendants(pid)];
  let best = 0;
  for (const p of pids) {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      best = Math.max(best, kb);
    } catch {
      // gone
    }
  }
  return best ? Math.round(best / 1024) : null;
}

function descendants(pid: number): number[] {
  try {
    const children = fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return children.flatMap((c) => [c, ...descendants(c)]);
  } catch {
    return [];
  }
}

async function timeStart(command: string, args: string[], env: Record<string, string>, healthPath: string) {
  const started = performance.now();
  const child = spawn(command, args, {
    env: { ...process.env, ...env, PORT: String(PORT) },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitForHealth(`http://127.0.0.1:${PORT}${healthPath}`, child);
    const ms = performance.now() - started;
    return { ms, rss: child.pid ? rssMiB(child.pid) : null };
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function benchStartup() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-bench-'));
  const baselineScript = path.join(tmp, 'baseline.mjs');
  fs.writeFileSync(
    baselineScript,
    `import http from 'node:http'; http.createServer((q, s) => s.end('ok')).listen(${PORT});`,
  );
  const rows: Record<string, { ms: number[]; rss: (number | null)[] }> = {
    'baseline: bare Node.js HTTP server': { ms: [], rss: [] },
    'npm start, fresh database (build + create + migrate + seed)': { ms: [], rss: [] },
    'npm start, existing database': { ms: [], rss: [] },
    'server only (tsx src/cli.ts serve), fresh database': { ms: [], rss: [] },
  };
  const labels = Object.keys(rows);
  for (let run = 0; run < RUNS; run++) {
    const dataDir = path.join(tmp, `data-${run}`);
    const env = { YUFANG_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    const measures = [
      await timeStart('node', [baselineScript], {}, '/'),
      await timeStart('npm', ['start'], env, '/api/health'),
      await timeStart('npm', ['start'], env, '/api/health'),
      await timeStart(
        'npx',
        ['tsx', 'src/cli.ts', 'serve'],
        { ...env, YUFANG_DATA_DIR: `${dataDir}-serve` },
        '/api/health',
      ),
    ];
    measures.forEach((m, i) => {
      const row = rows[labels[i] as string];
      row?.ms.push(m.ms);
      row?.rss.push(m.rss);
    });
    console.error(`startup run ${run + 1}/${RUNS} done`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const baseline = median(rows[labels[0] as string]?.ms ?? []);
  console.log(`\n## startup (median of ${RUNS} runs, ${os.cpus().length} cores, Node ${process.version})\n`);
  console.log('| what | median ms | × baseline | RSS MiB at ready |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [label, row] of Object.entries(rows)) {
    const ms = median(row.ms);
    const rss = row.rss.filter((r): r is number => r !== null);
    console.log(
      `| ${label} | ${Math.round(ms)} | ${(ms / baseline).toFixed(1)} | ${rss.length ? median(rss) : '—'} |`,
    );
  }
}

const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'startup') await benchStartup();
if (which === 'all' || which === 'import') await (await import('./import.js')).benchImport();
if (which === 'all' || which === 'analytics') await (await import('./analytics.js')).benchAnalytics();
if (which === 'concurrency') await (await import('./concurrency.js')).benchConcurrency();
if (which === 'national') await (await import('./national.js')).benchNational();
if (which === 'rates') await (await import('./rates.js')).benchRates();
if (which === 'overview') await (await import('./overview.js')).benchOverview();
if (which === 'training') await (await import('./training.js')).benchTraining();
if (which === 'crosschecks') await (await import('./crosschecks.js')).benchCrosschecks();
if (which === 'risk') await (await import('./risk.js')).benchRisk();
if (which === 'study') await (await import('./study.js')).benchStudy();
if (which === 'all' || which === 'crypto') await (await import('./crypto.js')).benchCrypto();
if (which === 'all' || which === 'pii-import') await (await import('./pii-import.js')).benchPiiImport();
