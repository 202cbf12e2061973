/**
 * Speed under many users (issue 20): autocannon at 20 concurrent connections against the server
 * started in its own child process (bench/server.ts) on demo data — PGlite by default, PostgreSQL
 * when DATABASE_URL is set — signed in once as the Fujian officer, the session cookie reused. Each
 * route is measured beside its baseline in the same run and the same process: the same service
 * call (the same SQL) behind a bare Fastify route (no session lookup, hooks or schemas). RUNS runs
 * (default 3); the table gives the median with the spread (min–max) and the ratio to the baseline.
 *
 * BENCH_SECONDS (default 10) per measurement, BENCH_CONNECTIONS (default 20).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { stopProcessGroup, waitForHealth } from './common.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3994);

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

interface Route {
  name: string;
  /** Paths on the app; a connection cycles through them (several users, several scopes). */
  paths: string[];
  /** The same paths on the bare instance. */
  barePaths: string[];
}

/** Bench servers left over from an interrupted run would skew every figure: refuse to start. */
function checkStrays() {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  const strays = out.split('\n').filter((l) => l.includes('bench/server.ts') && !l.includes(' ps '));
  if (strays.length > 0)
    throw new Error(`bench server(s) still running, stop them first:\n${strays.join('\n')}`);
}

/** Waits until the server has worked off the requests the last measurement left queued. */
async function drain(app: string) {
  for (let i = 0; i < 600; i++) {
    const started = performance.now();
    await fetch(`${app}/api/health`).catch(() => undefined);
    if (performance.now() - started < 100) return;
  }
}

async function measure(base: string, paths: string[], cookie: string): Promise<Measure> {
  await drain(`http://127.0.0.1:${PORT}`);
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie },
    requests: paths.map((p) => ({ method: 'GET', path: p })),
  });
  return {
    rps: result.requests.total / SECONDS,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const spread = (values: number[], digits = 0) => {
  const f = (v: number) => v.toFixed(digits);
  return `${f(median(values))} (${f(Math.min(...values))}–${f(Math.max(...values))})`;
};

export async function benchConcurrency() {
  if (process.env.BENCH_EXTERNAL !== '1') checkStrays();
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-bench-concurrency-'));
  const started = performance.now();
  // BENCH_EXTERNAL=1: a bench server already running on BENCH_PORT (started by hand, e.g. on a
  // prepared data folder: the demo seed takes minutes on a busy machine).
  const external = process.env.BENCH_EXTERNAL === '1';
  const child = spawn(external ? 'true' : process.execPath, ['--import', 'tsx', 'bench/server.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      YUFANG_DATA_DIR: path.join(work, 'pglite'),
      YUFANG_UPLOAD_DIR: path.join(work, 'uploads'),
      LOG_LEVEL: 'warn',
      // Twenty users from one address: the per-address limit (600 a minute) would answer 429 to
      // nearly every request and the bench would time refusals. Each real user has an address of
      // their own; the limit itself is tested in the suite.
      RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? '100000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const onExit = () => child.pid && child.exitCode === null && process.kill(-child.pid, 'SIGKILL');
  process.once('exit', onExit);
  try {
    const app = `http://127.0.0.1:${PORT}`;
    const bare = `http://127.0.0.1:${PORT + 1}`;
    if (!external) await waitForHealth(`${app}/api/health`, child, 600_000);
    await waitForHealth(`${bare}/bench/bare/missing`, child, 60_000).catch(() => undefined);
    console.error(`server ready in ${Math.round(performance.now() - started)} ms (${kind})`);

    const login = await fetch(`${app}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'fujian', password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const get = async (url: string) => {
      const res = await fetch(url, { headers: { cookie } });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<unknown>;
    };
    // The province and its prefectures: twenty users looking at the dashboards of their areas.
    const { items } = (await get(`${app}/api/jurisdictions?within=350000`)) as {
      items: { code: string; level: string }[];
    };
    const scopes = items.filter((j) => j.code === '350000' || j.level === 'prefecture').map((j) => j.code);
    const dashboard = scopes.map((code) => `dashboard?jurisdiction=${code}`);
    const routes: Route[] = [
      {
        name: `GET /api/analytics/dashboard (${scopes.length} scopes in turn)`,
        paths: dashboard.map((p) => `/api/analytics/${p}`),
        barePaths: dashboard.map((p) => `/bench/bare/${p}`),
      },
      {
        name: 'GET /api/key-industries (list)',
        paths: ['/api/key-industries?category=key'],
        barePaths: ['/bench/bare/key-industries'],
      },
      {
        name: 'GET /api/enterprises/ledger (list, page of 20)',
        paths: ['/api/enterprises/ledger'],
        barePaths: ['/bench/bare/ledger'],
      },
      {
        name: 'GET /api/jurisdictions (list)',
        paths: ['/api/jurisdictions'],
        barePaths: ['/bench/bare/jurisdictions'],
      },
    ];
    // Same answers from the route and its baseline (the dashboard: every scope).
    for (const r of routes)
      for (const [i, p] of r.paths.entries()) {
        const [a, b] = [await get(app + p), await get(bare + (r.barePaths[i] as string))];
        if (JSON.stringify(a) !== JSON.stringify(b))
          console.error(`warning: ${p} and its baseline answer differently`);
      }

    const load = [os.loadavg()[0] as number];
    const results = new Map<string, { app: Measure[]; bare: Measure[] }>(
      routes.map((r) => [r.name, { app: [], bare: [] }]),
    );
    for (let run = 0; run < RUNS; run++) {
      for (const r of routes) {
        const slot = results.get(r.name) as { app: Measure[]; bare: Measure[] };
        // Alternate which goes first, so neither always meets a warmer machine.
        if (run % 2 === 0) {
          slot.bare.push(await measure(bare, r.barePaths, cookie));
          slot.app.push(await measure(app, r.paths, cookie));
        } else {
          slot.app.push(await measure(app, r.paths, cookie));
          slot.bare.push(await measure(bare, r.barePaths, cookie));
        }
      }
      load.push(os.loadavg()[0] as number);
      console.error(`run ${run + 1}/${RUNS} done`);
    }

    console.log(
      `\n## concurrency (${kind}, ${CONNECTIONS} connections, ${SECONDS} s each, median of ${RUNS} runs (min–max); ${os.cpus().length} cores, load average ${load.map((l) => l.toFixed(1)).join(' → ')})\n`,
    );
    console.log('| route | req/s | p50 ms | p99 ms | max ms | × bare req/s | non-2xx/errors |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of routes) {
      const { app: a, bare: b } = results.get(r.name) as { app: Measure[]; bare: Measure[] };
      const row = (label: string, m: Measure[], ratio: string) =>
        console.log(
          `| ${label} | ${spread(m.map((x) => x.rps))} | ${spread(m.map((x) => x.p50))} | ${spread(m.map((x) => x.p99))} | ${spread(m.map((x) => x.max))} | ${ratio} | ${m.reduce((s, x) => s + x.non2xx, 0)}/${m.reduce((s, x) => s + x.errors, 0)} |`,
        );
      row(
        r.name,
        a,
        spread(
          a.map((x, i) => x.rps / (b[i]?.rps ?? Number.NaN)),
          2,
        ),
      );
      row('  baseline: same SQL, bare Fastify', b, '1');
    }
    const refused = [...results.values()].flatMap((r) => [...r.app, ...r.bare]).some((m) => m.non2xx > 0);
    if (refused)
      console.log('\n**Not valid**: some answers were not 2xx (a refusal is timed as if it were an answer).');
  } finally {
    process.removeListener('exit', onExit);
    await stopProcessGroup(child);
    fs.rmSync(work, { recursive: true, force: true });
  }
}
