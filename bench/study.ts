/**
 * study: online study's progress writes under many learners (issue 14, TR-6) on PostgreSQL. The
 * real server (bench/server.ts, demo data with the online courses' segments) runs in a child
 * process on a database of its own; BENCH_LEARNERS (default 200) key-post holders are registered
 * at the demo learner's employer through the API, each gets a learner account, signs in, changes
 * its first password and starts a study session of the same course. Then, BENCH_RUNS (3) times,
 * every learner at once for BENCH_SECONDS (10):
 *   - heartbeats: `POST /api/study/sessions/{id}/heartbeat` back to back (a transaction that moves
 *     the session's clock and upserts the segment's progress, after the reads below);
 *   - the baseline: `GET /api/study/courses/{id}`, the same learner's read of the course and its
 *     progress (the reads a heartbeat makes before it writes), with the same session and cookie.
 * Reported: writes per second, p50/p99 latency and the ratio to the baseline's requests per second,
 * median of the runs with the spread (min–max). Every answer must be 200 (counted otherwise).
 *
 * BENCH_DATABASE_URL: the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
 * a database `yufang_bench_study_<pid>` is created and dropped.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { adminQuery, withDatabase } from '../test/db-template.js';
import { makeIdNumber } from '../test/exchange-builders.js';
import { percentile, stopProcessGroup, waitForHealth } from './common.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 200);
const PORT = Number(process.env.BENCH_PORT ?? 3996);
const LEARNER_PASSWORD = 'Kq7-Mountain-River!';
const NEW_PASSWORD = 'Kq7-Mountain-River!b';

interface Client {
  cookie: string;
  csrf: string;
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const spread = (xs: number[], digits = 0) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

async function call(
  base: string,
  client: Client | null,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (client) {
    headers.cookie = client.cookie;
    headers['x-csrf-token'] = client.csrf;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function signIn(base: string, username: string, password: string): Promise<Client> {
  const response = await call(base, null, 'POST', '/api/auth/login', { username, password });
  const body = await json<{ csrfToken: string }>(response, `sign-in ${username}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { cookie, csrf: body.csrfToken };
}

/** Runs `n` at a time over `items` (the set-up: registering and signing in hundreds of learners). */
async function inBatches<T, R>(items: T[], n: number, work: (item: T, i: number) => Promise<R>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += n)
    out.push(...(await Promise.all(items.slice(i, i + n).map((item, j) => work(item, i + j)))));
  return out;
}

/** Every learner sends `request` back to back for SECONDS; latencies of the 200 answers, and failures. */
async function measure(learners: Learner[], request: (l: Learner) => Promise<Response>): Promise<Measure> {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    learners.map(async (l) => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const response = await request(l);
        if (response.ok) {
          const body = (await response.json()) as { nextSegmentId?: number | null };
          if (body.nextSegmentId) l.segmentId = body.nextSegmentId;
          latencies.push(performance.now() - started);
        } else {
          failures++;
          await response.arrayBuffer();
        }
      }
    }),
  );
  return {
    rps: latencies.length / SECONDS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
  };
}

interface Learner extends Client {
  username: string;
  sessionId: number;
  courseId: number;
  segmentId: number;
}

export async function benchStudy() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `yufang_bench_study_${process.pid}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-bench-study-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: withDatabase(serverUrl, name),
      PORT: String(PORT),
      YUFANG_UPLOAD_DIR: path.join(work, 'uploads'),
      LOG_LEVEL: 'warn',
      // Hundreds of learners from one address: each real learner has an address of their own.
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOGIN_RATE_PER_ADDRESS: '100000000',
      LOGIN_DELAY_BASE_MS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const onExit = () => child.pid && child.exitCode === null && process.kill(-child.pid, 'SIGKILL');
  process.once('exit', onExit);
  const base = `http://127.0.0.1:${PORT}`;
  try {
    const t0 = performance.now();
    await waitForHealth(`${base}/api/health`, child, 900_000);
    console.error(`study: server ready in ${Math.round(performance.now() - t0)} ms`);
    const officer = await signIn(base, 'fuzhou', DEMO_PASSWORD);
    // The demo learner's employer and post: the new holders take the same, so the same course applies.
    const holders = await json<{ items: { id: number; employerId: number; roleCode: string }[] }>(
      await call(base, officer, 'GET', '/api/training/holders?jurisdiction=350100'),
      'holders',
    );
    const model = holders.items[0];
    if (!model) throw new Error('no key-post holder in the demo data');
    const t1 = performance.now();
    const learners = await inBatches(
      Array.from({ length: LEARNERS }, (_, i) => i),
      10,
      async (i): Promise<Learner> => {
        const holder = await json<{ id: number }>(
          await call(base, officer, 'POST', '/api/training/holders', {
            employerId: model.employerId,
            roleCode: model.roleCode,
            personName: `学员${i}`,
            idNumber: makeIdNumber('350102', '1990-05-01', i % 2 ? 'male' : 'female', 100 + i),
            startedOn: '2026-01-05',
          }),
          `holder ${i}`,
        );
        const username = `bxs${i}`;
        await json(
          await call(base, officer, 'POST', `/api/training/holders/${holder.id}/learner`, {
            username,
            password: LEARNER_PASSWORD,
          }),
          `learner ${i}`,
        );
        const client = await signIn(base, username, LEARNER_PASSWORD);
        await json(
          await call(base, client, 'POST', '/api/auth/password', {
            currentPassword: LEARNER_PASSWORD,
            newPassword: NEW_PASSWORD,
          }),
          `password ${i}`,
        );
        const courses = await json<{ items: { id: number; form: string }[] }>(
          await call(base, client, 'GET', '/api/study/courses'),
          `courses ${i}`,
        );
        const course = courses.items.find((c) => c.form !== 'offline');
        if (!course) throw new Error(`no online course for ${username}`);
        return { ...client, username, sessionId: 0, courseId: course.id, segmentId: 0 };
      },
    );
    console.error(
      `study: ${learners.length} learners registered and signed in in ${Math.round(performance.now() - t1)} ms`,
    );

    const heartbeats: Measure[] = [];
    const reads: Measure[] = [];
    const load = [os.loadavg()[0] as number];
    for (let run = 0; run < RUNS; run++) {
      // A new study session per run (the last one is superseded), on the first unfinished segment.
      await inBatches(learners, 20, async (l) => {
        const detail = await json<{ segments: { id: number; isCompleted: boolean; isLocked: boolean }[] }>(
          await call(base, l, 'GET', `/api/study/courses/${l.courseId}`),
          `course of ${l.username}`,
        );
        const next = detail.segments.find((s) => !s.isCompleted && !s.isLocked) ?? detail.segments.at(-1);
        if (!next) throw new Error(`course ${l.courseId} has no segment`);
        l.segmentId = next.id;
        const session = await json<{ id: number }>(
          await call(base, l, 'POST', `/api/study/courses/${l.courseId}/sessions`, {}),
          `session of ${l.username}`,
        );
        l.sessionId = session.id;
      });
      const order = run % 2 === 0 ? ['read', 'write'] : ['write', 'read'];
      for (const what of order)
        if (what === 'read')
          reads.push(
            await measure(learners, (l) => call(base, l, 'GET', `/api/study/courses/${l.courseId}`)),
          );
        else
          heartbeats.push(
            await measure(learners, (l) =>
              call(base, l, 'POST', `/api/study/sessions/${l.sessionId}/heartbeat`, {
                segmentId: l.segmentId,
              }),
            ),
          );
      load.push(os.loadavg()[0] as number);
      console.error(`study: run ${run + 1}/${RUNS} done`);
    }
    console.log(
      `\n## study (PostgreSQL, ${LEARNERS} learners at once, ${SECONDS} s each, median of ${RUNS} runs (min–max); ${os.cpus().length} cores, load average ${load.map((l) => l.toFixed(1)).join(' → ')})\n`,
    );
    console.log('| request | per second | p50 ms | p99 ms | failed |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    const row = (label: string, ms: Measure[]) =>
      console.log(
        `| ${label} | ${spread(ms.map((m) => m.rps))} | ${spread(ms.map((m) => m.p50))} | ${spread(ms.map((m) => m.p99))} | ${ms.reduce((a, m) => a + m.failures, 0)} |`,
      );
    row('POST heartbeat (progress write)', heartbeats);
    row('GET course with progress (baseline)', reads);
    const ratios = heartbeats.map((h, i) => h.rps / (reads[i] as Measure).rps);
    console.log(`\nheartbeats ÷ baseline reads per second: ${spread(ratios, 2)}`);
  } finally {
    await stopProcessGroup(child);
    process.off('exit', onExit);
    fs.rmSync(work, { recursive: true, force: true });
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
