import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, ownerUrlOf, withDatabase } from '../../../test/db-template.js';
import { INJURY_HEADER, injuryRow, toCsv } from '../../../test/exchange-builders.js';
import { openDatabase } from '../../platform/db/client.js';
import { organisations } from '../organisations/organisations.tables.js';
import { createUserFromConsole } from '../users/users.service.js';
import { users } from '../users/users.tables.js';

/**
 * DX-2: "killing the process in the middle of an import leaves no partial batch, and the batch can
 * be submitted again". The real server runs as a child process — on an embedded (PGlite) data dir,
 * or with DATABASE_URL set on a database of its own on that PostgreSQL server (where the import is
 * one open transaction) — is killed with SIGKILL while it imports, and is started again.
 */
const serverUrl = process.env.DATABASE_URL;
const crashDatabase = `yufang_crash_${process.pid}`;
const crashUrl = serverUrl ? withDatabase(serverUrl, crashDatabase) : undefined;
/** The owner role creates the database and migrates it (decision 0019); the server runs as DATABASE_URL's. */
const ownerUrl = serverUrl ? ownerUrlOf(serverUrl) : undefined;
/** Eight chunks of 5,000: the kill lands after the first, and the file imports again in full. */
const ROWS = 40_000;
const PASSWORD = 'Crash-test-2026';

interface Server {
  child: ChildProcess;
  base: string;
  output: string[];
  /** Settles with the exit code or signal of the process. */
  exited: Promise<string>;
}

interface Session {
  cookie: string;
  csrfToken: string;
}

interface Batch {
  id: number;
  status: string;
  error: string | null;
  rowsDone: number;
  totalRows: number;
  validRows: number;
  rejectedRows: number;
}

let dir: string;
let csvPath: string;
const servers = new Set<Server>();
/** Output of every server started, to explain a failure. */
const logs: string[][] = [];
/** Upload folder contents right after the restart that followed the kill. */
let uploadsAfterRestart: string[] | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `npx tsx src/cli.ts serve` in its own process group and waits until /api/health answers. */
async function startServer(): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    YUFANG_DATA_DIR: path.join(dir, 'pglite'),
    YUFANG_UPLOAD_DIR: path.join(dir, 'uploads'),
    LOG_LEVEL: 'warn',
  };
  if (crashUrl) env.DATABASE_URL = crashUrl;
  else delete env.DATABASE_URL;
  if (ownerUrl && ownerUrl !== serverUrl) env.MIGRATION_DATABASE_URL = withDatabase(ownerUrl, crashDatabase);
  else delete env.MIGRATION_DATABASE_URL;
  // No demo data (it took most of this file's time): one account, made by `createTestAccount`.
  const child = spawn('npx', ['tsx', 'src/cli.ts', 'serve', '--no-demo'], {
    cwd: process.cwd(),
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  logs.push(output);
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)),
  );
  const server: Server = { child, base: `http://127.0.0.1:${port}`, output, exited };
  servers.add(server);
  let exit: string | undefined;
  void exited.then((how) => {
    exit = how;
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exit) throw new Error(`server exited during start-up (${exit}):\n${output.join('')}`);
    try {
      const res = await fetch(`${server.base}/api/health`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`server did not answer /api/health within 90 s:\n${output.join('')}`);
}

/**
 * Sends `signal` to the whole process group of a server (npx, tsx and the node process that runs
 * the app) and waits until every process of it has ended. A graceful stop that takes longer than
 * 30 s is forced with SIGKILL.
 */
async function stopServer(server: Server, signal: NodeJS.Signals) {
  const pgid = server.child.pid;
  if (pgid) {
    const signalGroup = (s: NodeJS.Signals) => {
      try {
        process.kill(-pgid, s);
      } catch {
        // the group is gone already
      }
    };
    signalGroup(signal);
    const waitForGroup = async (ms: number) => {
      for (const end = Date.now() + ms; isGroupAlive(pgid) && Date.now() < end; ) await sleep(100);
    };
    await waitForGroup(30_000);
    if (isGroupAlive(pgid)) {
      signalGroup('SIGKILL');
      await waitForGroup(10_000);
    }
  }
  await Promise.race([server.exited, sleep(10_000)]);
  servers.delete(server);
}

function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function signIn(server: Server): Promise<Session> {
  const res = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'fuzhou', password: PASSWORD }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .find((c) => c.startsWith('yf_session='));
  if (!cookie) throw new Error('no yf_session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

async function getJson<T>(server: Server, session: Session, url: string): Promise<T> {
  const res = await fetch(`${server.base}${url}`, { headers: { cookie: session.cookie } });
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
}

async function submit(server: Server, session: Session, body: Buffer) {
  const res = await fetch(`${server.base}/api/exchange/batches?domain=injuries&fileName=big.csv`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: new Uint8Array(body),
  });
  const text = await res.text();
  expect(res.status, text).toBe(202);
  return (JSON.parse(text) as { batch: Batch; isDuplicate: boolean }).batch;
}

/** The Fuzhou officer who submits the file, written straight into the stopped server's database. */
async function createTestAccount() {
  const database = await openDatabase(
    crashUrl ? { databaseUrl: crashUrl } : { dataDir: path.join(dir, 'pglite') },
  );
  try {
    const { id } = await createUserFromConsole(database.db, {
      username: 'fuzhou',
      password: PASSWORD,
      role: 'hrss_officer',
      jurisdictionCode: '350100',
      displayName: '福州市人社局（断电测试）',
    });
    // Of the HRSS bureau (a roster unit of the reference data): the unit that submits 工伤认定.
    const [bureau] = await database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州市人力资源和社会保障局'));
    expect(bureau, 'the reference data holds the Fuzhou HRSS bureau').toBeDefined();
    await database.db.update(users).set({ organisationId: bureau?.id }).where(eq(users.id, id));
  } finally {
    await database.close();
  }
}

/** Row counts of the stopped server's database, read directly: all injuries, those of `batchIds`, staging. */
async function countRows(batchIds: number[]) {
  const database = await openDatabase(
    crashUrl ? { databaseUrl: crashUrl } : { dataDir: path.join(dir, 'pglite') },
  );
  try {
    const one = async (query: string) => {
      const result = await database.db.execute(sql.raw(query));
      return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n);
    };
    return {
      injuries: await one('select count(*)::int as n from injury_cases'),
      ofBatches: await one(
        `select count(*)::int as n from injury_cases where batch_id in (${[0, ...batchIds].join(', ')})`,
      ),
      staging: await one('select count(*)::int as n from exchange_staging'),
    };
  } finally {
    await database.close();
  }
}

describe(`an import killed mid-way (${crashUrl ? 'PostgreSQL' : 'embedded database'})`, () => {
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yufang-crash-'));
    if (ownerUrl) {
      await adminQuery(ownerUrl, `DROP DATABASE IF EXISTS ${crashDatabase} WITH (FORCE)`);
      await adminQuery(ownerUrl, `CREATE DATABASE ${crashDatabase}`);
    }
    csvPath = path.join(dir, 'big.csv');
    const lines = [toCsv([INJURY_HEADER])];
    for (let n = 1; n <= ROWS; n++) lines.push(toCsv([injuryRow(n, { caseNo: `CRASH-${n}` })]));
    await fs.writeFile(csvPath, lines.join(''));
  });

  afterAll(async () => {
    for (const server of [...servers]) await stopServer(server, 'SIGKILL');
    if (dir) await fs.rm(dir, { recursive: true, force: true });
    if (ownerUrl) await adminQuery(ownerUrl, `DROP DATABASE IF EXISTS ${crashDatabase} WITH (FORCE)`);
  });

  it('leaves no partial batch, and the same file can be submitted again', { timeout: 240_000 }, async () => {
    try {
      await killAndResubmit();
    } catch (error) {
      const output = logs.map((lines, i) => `--- server ${i + 1}\n${lines.join('')}`).join('\n');
      if (error instanceof Error) error.message += `\n${output}`;
      throw error;
    }
  });

  it('the interrupted upload does not stay on disk after the restart', () => {
    expect(uploadsAfterRestart).toEqual([]);
  });
});

/** The whole flow: seed, submit, kill, restart, check, submit again, check. */
async function killAndResubmit() {
  const file = await fs.readFile(csvPath);

  // 0. A first start migrates and loads the reference data; then the officer's account is made.
  await stopServer(await startServer(), 'SIGTERM');
  await createTestAccount();
  const baseline = await countRows([]);
  expect(baseline.staging).toBe(0);

  // 1. Submit a large file and kill the server while it imports.
  const first = await startServer();
  const session = await signIn(first);
  // What is there before the import (nothing, on this database): it must read the same after.
  const before = await getJson<{ items: Batch[]; total: number }>(
    first,
    session,
    '/api/exchange/batches?pageSize=200',
  );
  if (!crashUrl) {
    // The embedded mode refuses files this large unless the jurisdiction raises its limit (0016).
    const res = await fetch(`${first.base}/api/settings/350100/exchange.embeddedLimit`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
      },
      body: JSON.stringify({ value: { maxRows: ROWS }, reason: `crash test: a file of ${ROWS} rows` }),
    });
    expect(res.status, await res.text()).toBe(200);
  }
  const batch = await submit(first, session, file);
  let seen: Batch | undefined;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    seen = await getJson<Batch>(first, session, `/api/exchange/batches/${batch.id}`);
    if (seen.status === 'processing' && seen.rowsDone > 0) break;
    expect(seen.status, 'the import ended before it could be interrupted').toMatch(/^(queued|processing)$/);
    await sleep(20);
  }
  expect(seen).toMatchObject({ status: 'processing' });
  expect(seen?.rowsDone).toBeGreaterThan(0);
  expect(seen?.rowsDone).toBeLessThan(ROWS);
  await stopServer(first, 'SIGKILL');
  expect(first.child.signalCode ?? first.child.exitCode).toBe('SIGKILL');

  // 2. Restart on the same data dir: the batch is failed ("interrupted"), nothing is committed.
  const second = await startServer();
  const again = await signIn(second);
  const after = await getJson<Batch & { errorMessage: string }>(
    second,
    again,
    `/api/exchange/batches/${batch.id}`,
  );
  expect(after).toMatchObject({ status: 'failed', error: 'interrupted', validRows: 0, totalRows: 0 });
  // The list shows the batches of before, unchanged, and the failed one: no committed batch was added.
  const all = await getJson<{ items: Batch[]; total: number }>(
    second,
    again,
    '/api/exchange/batches?pageSize=200',
  );
  expect(all.total).toBe(before.total + 1);
  expect(all.items.map((b) => [b.id, b.status])).toEqual([
    [batch.id, 'failed'],
    ...before.items.map((b) => [b.id, b.status]),
  ]);
  const committed = await getJson<{ items: Batch[]; total: number }>(
    second,
    again,
    '/api/exchange/batches?status=committed&pageSize=200',
  );
  expect(committed.items.map((b) => b.id)).not.toContain(batch.id);
  expect(committed.total).toBe(before.items.filter((b) => b.status === 'committed').length);
  uploadsAfterRestart = await fs.readdir(path.join(dir, 'uploads')).catch(() => []);
  await stopServer(second, 'SIGTERM');
  expect(await countRows([batch.id])).toEqual({ injuries: baseline.injuries, ofBatches: 0, staging: 0 });

  // 3. The same file again: a new batch (not "identical content"), committed with every row.
  const third = await startServer();
  const session3 = await signIn(third);
  const resubmitted = await submit(third, session3, file);
  expect(resubmitted.id).not.toBe(batch.id);
  let done: Batch | undefined;
  const until = Date.now() + 150_000;
  while (Date.now() < until) {
    done = await getJson<Batch>(third, session3, `/api/exchange/batches/${resubmitted.id}`);
    if (done.status !== 'queued' && done.status !== 'processing') break;
    await sleep(250);
  }
  expect(done, JSON.stringify(done)).toMatchObject({
    status: 'committed',
    totalRows: ROWS,
    validRows: ROWS,
    rejectedRows: 0,
  });
  await stopServer(third, 'SIGTERM');
  expect(await countRows([batch.id, resubmitted.id])).toEqual({
    injuries: baseline.injuries + ROWS,
    ofBatches: ROWS,
    staging: 0,
  });
}
