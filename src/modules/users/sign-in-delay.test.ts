import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { rowsOf } from '../../platform/db/rows.js';
import { countsForDelay, delayAfter } from './lockout.service.js';

// Issue 13: the progressive sign-in delay, per account and per address, beside the lockout.
const BASE = 40;
const MAX = 160;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginDelayBaseMs: BASE, loginDelayMaxMs: MAX });
});
afterAll(async () => {
  await t.close();
});

/** One sign-in and how long its answer took (lower bounds only are asserted: the server waits at least). */
async function login(username: string, password: string, remoteAddress: string) {
  const started = performance.now();
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
  return { status: response.statusCode, body: response.body, ms: performance.now() - started };
}

/** The delays the server recorded in the sign-in audit of a username, oldest first. */
async function auditedDelays(username: string) {
  const rows = await t.db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.actorUsername, username)))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => (r.details as { delayMs?: number }).delayMs);
}

describe('progressive sign-in delay', () => {
  it('doubles from the base with each failure and stops at the cap', () => {
    const policy = { lockoutMinutes: 15, loginDelayBaseMs: 500, loginDelayMaxMs: 4_000 };
    expect([0, 1, 2, 3, 4, 5, 40].map((n) => delayAfter(n, policy))).toEqual([
      0, 500, 1_000, 2_000, 4_000, 4_000, 4_000,
    ]);
    expect(delayAfter(3, { ...policy, loginDelayBaseMs: 0 })).toBe(0);
  });

  it('makes each further attempt of an account answer later; a right password after the delay signs in', async () => {
    const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    const address = '10.9.0.1';
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await login(user.username, 'wrong', address));
    const right = await login(user.username, TEST_PASSWORD, address);
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(right.status).toBe(200);
    // 0, then 40 × 2^(n−1) after n failures: 40, 80, 160, and 320 capped at 160.
    const expected = [0, 40, 80, 160, 160];
    expect(await auditedDelays(user.username)).toEqual(expected);
    // The second answer was not sent before the configured base delay, nor any later one before its own.
    [...answers, right].forEach((a, i) => {
      expect(a.ms).toBeGreaterThanOrEqual(expected[i] as number);
    });
    // The success cleared the failures: the next attempt answers without delay.
    expect((await login(user.username, TEST_PASSWORD, address)).status).toBe(200);
    expect((await auditedDelays(user.username)).at(-1)).toBe(0);
  });

  it('counts an address’s failures under any username, unknown ones included, not other addresses', async () => {
    const address = '10.9.1.1';
    const unknown = [];
    for (const name of ['nobody.1', 'nobody.2', 'nobody.3'])
      unknown.push(await login(name, 'wrong', address));
    expect(unknown.map((a) => a.status)).toEqual([401, 401, 401]);
    expect([
      ...(await auditedDelays('nobody.1')),
      ...(await auditedDelays('nobody.2')),
      ...(await auditedDelays('nobody.3')),
    ]).toEqual([0, 40, 80]);
    const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    const fromThere = await login(user.username, TEST_PASSWORD, address);
    expect(fromThere.status).toBe(200);
    expect(fromThere.ms).toBeGreaterThanOrEqual(160);
    const other = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    expect((await login(other.username, TEST_PASSWORD, '10.9.1.2')).status).toBe(200);
    expect(await auditedDelays(user.username)).toEqual([160]);
    expect(await auditedDelays(other.username)).toEqual([0]);
  });

  it('counts an account’s failures across addresses, except for an address the user signed in from', async () => {
    const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    expect((await login(user.username, TEST_PASSWORD, '10.9.2.1')).status).toBe(200);
    for (const n of [11, 12, 13])
      expect((await login(user.username, 'wrong', `10.9.2.${n}`)).status).toBe(401);
    const elsewhere = await login(user.username, TEST_PASSWORD, '10.9.2.20');
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.ms).toBeGreaterThanOrEqual(160);
    expect((await login(user.username, TEST_PASSWORD, '10.9.2.1')).status).toBe(200);
    // Known address first (0), three strangers (0, 40, 80), a new address (160), the known one again (0).
    expect(await auditedDelays(user.username)).toEqual([0, 0, 40, 80, 160, 0]);
  });

  it('delays a locked pair as long as an unknown username, with the same answer', async () => {
    const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    const address = '10.9.3.1';
    for (let i = 0; i < 5; i++) await login(user.username, 'wrong', address);
    const locked = await login(user.username, TEST_PASSWORD, address);
    for (let i = 0; i < 5; i++) await login('nobody.locked', 'wrong', '10.9.3.2');
    const unknown = await login('nobody.locked', TEST_PASSWORD, '10.9.3.2');
    expect([locked.status, unknown.status]).toEqual([401, 401]);
    expect(locked.body).toBe(unknown.body);
    expect(await auditedDelays(user.username)).toEqual([0, 40, 80, 160, 160, 160]);
    expect(await auditedDelays('nobody.locked')).toEqual([0, 40, 80, 160, 160, 160]);
  });
});

describe('the per-address count is served by an index (issue 13)', () => {
  it('plans the delay’s counts with the address index, not through the whole primary key', async () => {
    // 20,000 live (username, address) pairs: 5,000 usernames, each address its own.
    await t.db.execute(sql`
      insert into login_attempts (username, address, failures, window_started_at)
      select 'plan' || (i % 5000), '10.9.' || (i / 250) || '.' || (i % 250), 1, now()
      from generate_series(1, 20000) i`);
    await t.db.execute(sql`analyze login_attempts`);
    const ticket = { username: 'plan7', address: '10.9.3.7', attempt: 1, mayVerify: true };
    const [row] = rowsOf<{ 'QUERY PLAN': unknown }>(
      await t.db.execute(sql`explain (format json) ${countsForDelay({ lockoutMinutes: 15 }, ticket)}`),
    );
    const plan = JSON.stringify(row?.['QUERY PLAN']);
    expect(plan).toContain('"Index Name":"login_attempts_address_idx"');
    expect(plan).toContain('"Index Name":"login_attempts_username_address_pk"');
    expect(plan).not.toContain('Seq Scan');
    // The counts themselves: 10.9.3.7 is i = 757 (username plan757); plan7 holds i = 7, 5007, 10007, 15007.
    const [counts] = rowsOf<{ byAddress: number; byAccount: number }>(
      await t.db.execute(countsForDelay({ lockoutMinutes: 15 }, ticket)),
    );
    expect(counts).toMatchObject({ byAddress: 1, byAccount: 4 });
    // Without the index (migration 0045 added it) the address is looked for through the whole
    // primary key, whose leading column is the username: a full index scan, priced higher (over
    // 10× on PGlite; about 3× on PostgreSQL, where the app role may not ANALYZE the owner's table).
    await t.asOwner((db) => db.execute(sql`drop index login_attempts_address_idx`));
    const [unindexed] = rowsOf<{ 'QUERY PLAN': unknown }>(
      await t.db.execute(sql`explain (format json) ${countsForDelay({ lockoutMinutes: 15 }, ticket)}`),
    );
    const costOf = (p: unknown) => (p as { Plan: { 'Total Cost': number } }[])[0]?.Plan['Total Cost'] ?? 0;
    expect(JSON.stringify(unindexed?.['QUERY PLAN'])).not.toContain('login_attempts_address_idx');
    expect(costOf(unindexed?.['QUERY PLAN'])).toBeGreaterThan(2 * costOf(row?.['QUERY PLAN']));
    await t.asOwner((db) =>
      db.execute(sql`create index login_attempts_address_idx on login_attempts using btree (address)`),
    );
    await t.db.execute(sql`delete from login_attempts where username like 'plan%'`);
  });
});
