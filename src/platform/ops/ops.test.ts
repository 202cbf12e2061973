import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../../test/db-template.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { checkReadiness, listPendingMigrations, readMigrationJournal } from './readiness.js';

const TOKEN = 'metrics-token-for-tests-0123456789';
const ID_NUMBER = '350102198001011234';
const PHONE = '13912345678';

/** Every log line the app writes (JSON, as in production). */
const logLines: string[] = [];
let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({
    metricsToken: TOKEN,
    logger: { level: 'info', stream: { write: (line: string) => logLines.push(line) } },
  });
  officer = await t.signIn('fuzhou');
});
afterAll(async () => t.close());

/**
 * DDL the app role may not run (it owns nothing): as the owner role on PostgreSQL
 * (MIGRATION_DATABASE_URL's role, else DATABASE_URL's), on this test's own database.
 */
async function asOwner(statements: string[]) {
  if (!t.databaseUrl) {
    for (const statement of statements) await t.db.execute(sql.raw(statement));
    return;
  }
  const base = (process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL) as string;
  const client = new pg.Client({
    connectionString: withDatabase(base, new URL(t.databaseUrl).pathname.slice(1)),
  });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

describe('liveness and readiness', () => {
  it('answers /api/health and /api/ready while all is well', async () => {
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    const ready = await t.app.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.database.kind });
  });

  it('is not ready while a migration of this build is pending, and names it', async () => {
    // A build one migration ahead of this database: the journal has an entry the database lacks.
    const journal = readMigrationJournal();
    expect(await checkReadiness(t.db, journal)).toEqual({ ready: true });
    const ahead = [...journal, { tag: '9999_next_release', when: (journal.at(-1)?.when ?? 0) + 1 }];
    expect(await checkReadiness(t.db, ahead)).toEqual({
      ready: false,
      reason: 'migrations_pending',
      pending: ['9999_next_release'],
    });
    // Older entries already applied are not pending; a database never migrated has all pending.
    expect(await listPendingMigrations(t.db, journal)).toEqual([]);
  });

  it('stays alive but is not ready when the database is gone', async () => {
    const other = await createTestApp();
    await other.database.close();
    const health = await other.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const ready = await other.app.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      status: 'not_ready',
      database: other.database.kind,
      reason: 'database_unreachable',
    });
    await other.app.close();
    // The database is closed already; its test copy on PostgreSQL is dropped by close().
    await other.close().catch(() => undefined);
  });
});

describe('Prometheus metrics', () => {
  it('labels request latency by route pattern, never by the raw URL', async () => {
    expect((await officer.get('/api/experts/987654')).statusCode).toBe(404);
    expect((await officer.get('/api/experts')).statusCode).toBe(200);
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/experts\/:id",status_code="4xx"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/experts",status_code="2xx"\} 1/,
    );
    expect(text).not.toContain('987654');
    expect(text).toMatch(/^yufang_import_queue_length 0$/m);
    expect(text).toMatch(/^yufang_analytics_refresh_pending_batches 0$/m);
    expect(text).toMatch(/^yufang_analytics_refresh_lag_seconds 0$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    if (t.database.kind === 'postgres')
      expect(text).toMatch(/^yufang_db_pool_connections\{state="total"\} \d+$/m);
  });

  it('answers only loopback without a proxy in between, or the configured bearer token', async () => {
    const remote = { url: '/metrics', remoteAddress: '10.1.2.3' };
    expect((await t.app.inject(remote)).statusCode).toBe(404);
    // Behind nginx on the same host every request comes from loopback: a forwarded one is not local.
    const proxied = await t.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.statusCode).toBe(404);
    const withToken = await t.app.inject({ ...remote, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.body).toContain('http_request_duration_seconds');
    const wrong = await t.app.inject({ ...remote, headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.statusCode).toBe(404);
    // A session of a signed-in user is no key to it.
    expect((await t.app.inject({ ...remote, headers: { cookie: officer.cookie } })).statusCode).toBe(404);
  });
});

describe('logs without personal data', () => {
  it('logs a failed write without its SQL parameters, and masks identity numbers in URLs', async () => {
    // A write that sends a 身份证号 and fails inside the database: drizzle's error lists every
    // bound parameter in its message, which the error handler used to log whole.
    await asOwner([
      `create function ops_test_refuse() returns trigger language plpgsql as $$
        begin raise exception 'refused by the test'; end $$`,
      'create trigger ops_test_refuse before insert on experts for each row execute function ops_test_refuse()',
    ]);
    logLines.length = 0;
    try {
      const res = await officer.post('/api/experts', {
        jurisdictionCode: '350100',
        name: '日志专家',
        phone: PHONE,
        idNumber: ID_NUMBER,
        employerName: '福州大学',
        title: '教授',
        recommendingUnit: '福州市人社局',
        fields: ['工伤预防'],
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await asOwner(['drop trigger ops_test_refuse on experts', 'drop function ops_test_refuse()']);
    }
    await officer.get(`/api/persons/${ID_NUMBER}`);
    const log = logLines.join('');
    const failed = logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request failed');
    // The operator still learns what failed and where.
    expect(failed?.err.message).toContain('Failed query: insert into "experts"');
    expect(failed?.err.message).toContain('params: [redacted]');
    expect(JSON.stringify(failed?.err)).toContain('refused by the test');
    expect(log).toContain('/api/persons/[redacted]');
    expect(log).not.toContain(ID_NUMBER);
    expect(log).not.toContain(PHONE);
    expect(log).not.toContain('日志专家');
    expect(log).not.toContain(officer.cookie.split('=')[1]);
  });
});
