import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from './audit.tables.js';

interface AuditDto {
  id: number;
  at: string;
  actorUsername: string | null;
  action: string;
  outcome: string;
  jurisdictionPath: string | null;
}

let t: TestApp;
let admin: Agent;
/** The national audit administrator (demo account `auditor`): alone reads the audit log (三员分立). */
let auditor: Agent;
/** Fuzhou's audit administrator. */
let fuzhou: Agent;
let memberOfficer: Agent;
beforeAll(async () => {
  t = await createTestApp();
  // Records in Jilin and Xiamen exist before fuzhou looks.
  await t.signIn('jilin');
  const xiamen = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
  await t.signIn(xiamen.username, TEST_PASSWORD);
  const member = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
  const fuzhouAuditor = await t.buildUser({ role: 'audit_admin', jurisdictionCode: '350100' });
  [admin, auditor, fuzhou, memberOfficer] = await Promise.all([
    t.signIn('admin'),
    t.signIn('auditor'),
    t.signIn(fuzhouAuditor.username, TEST_PASSWORD),
    t.signIn(member.username, TEST_PASSWORD),
  ]);
  await t.signIn('fuzhou');
});
afterAll(async () => {
  await t.close();
});

async function auditPage(agent: Agent, query: string): Promise<{ items: AuditDto[]; total: number }> {
  const res = await agent.get(`/api/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function countAudit(): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(auditLog);
  return Number(row?.n);
}

describe('append-only at the database', () => {
  it('rejects UPDATE, DELETE and TRUNCATE even in raw SQL', async () => {
    const before = await countAudit();
    expect(before).toBeGreaterThan(0);
    const [first] = await t.db.select().from(auditLog).orderBy(auditLog.id).limit(1);
    await expect(
      t.db.execute(sql`update audit_log set action = 'tampered' where id = ${first?.id}`),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`update audit_log set outcome = 'success'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log where id = ${first?.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await countAudit()).toBe(before);
    const [again] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.id, first?.id ?? 0));
    expect(again).toEqual(first);
  });

  it('names the refusal in the error', async () => {
    const error = await t.db.execute(sql`delete from audit_log`).catch((e: unknown) => e);
    const text = `${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`;
    // The trigger names it; on PostgreSQL as the app role, the missing privilege refuses first.
    expect(text).toMatch(/append-only|permission denied/);
  });

  it('still accepts new records', async () => {
    const before = await countAudit();
    await t.db.insert(auditLog).values({ action: 'test.append', outcome: 'success' });
    expect(await countAudit()).toBe(before + 1);
  });
});

describe('no route alters the audit log', () => {
  it('registers GET /api/audit and GET /api/audit/verify only', () => {
    const routes = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/audit'));
    expect(routes).toEqual([
      { method: 'GET', url: '/api/audit' },
      { method: 'GET', url: '/api/audit/verify' },
    ]);
  });

  it('answers 404 to PUT, PATCH and DELETE even for an administrator', async () => {
    const [row] = await t.db.select().from(auditLog).limit(1);
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/audit', `/api/audit/${row?.id}`]) {
        const res = await admin.request({ method, url, payload: { action: 'tampered' } });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.id, row?.id ?? 0)),
    ).toEqual([row]);
  });
});

describe('browse', () => {
  it('filters by action prefix, case-insensitively', async () => {
    const page = await auditPage(auditor, '?action=AUTH.&pageSize=200');
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((r) => r.action.startsWith('auth.'))).toBe(true);
    const exact = await auditPage(auditor, '?action=auth.login&pageSize=200');
    expect(exact.items.every((r) => r.action === 'auth.login')).toBe(true);
    // `_` and `%` are literal, not wildcards.
    expect((await auditPage(auditor, '?action=auth_')).total).toBe(0);
    expect((await auditPage(auditor, '?action=%25login')).total).toBe(0);
  });

  it('filters by actor and outcome', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fuzhou', password: 'wrong-password' },
    });
    const mine = await auditPage(auditor, '?actor=fuzhou&pageSize=200');
    expect(mine.total).toBeGreaterThan(1);
    expect(mine.items.every((r) => r.actorUsername === 'fuzhou')).toBe(true);
    const failed = await auditPage(auditor, '?actor=fuzhou&outcome=failure');
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({ action: 'auth.login', outcome: 'failure' });
    const bad = await auditor.get('/api/audit?outcome=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('outcome');
  });

  it('filters by time with from (inclusive) and to (exclusive)', async () => {
    const user = await t.buildUser({ role: 'expert', jurisdictionCode: '350100' });
    const start = new Date(Date.now() - 5_000).toISOString();
    await t.signIn(user.username, TEST_PASSWORD);
    const end = new Date(Date.now() + 5_000).toISOString();
    const within = await auditPage(auditor, `?actor=${user.username}&from=${start}&to=${end}`);
    expect(within.items.map((r) => r.action)).toEqual(['auth.login']);
    const at = within.items[0]?.at as string;
    expect(at >= start && at < end).toBe(true);
    expect((await auditPage(auditor, `?actor=${user.username}&to=${start}`)).total).toBe(0);
    expect((await auditPage(auditor, `?actor=${user.username}&from=${end}`)).total).toBe(0);
    expect((await auditPage(auditor, `?actor=${user.username}&from=${encodeURIComponent(at)}`)).total).toBe(
      1,
    );
    expect((await auditPage(auditor, `?actor=${user.username}&to=${encodeURIComponent(at)}`)).total).toBe(0);
    const bad = await auditor.get('/api/audit?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('from');
  });

  it('pages newest first with page, pageSize and total', async () => {
    const all = await auditPage(auditor, '?pageSize=200');
    expect(all.total).toBeGreaterThan(4);
    const ids = all.items.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const first = await auditPage(auditor, '?page=1&pageSize=2');
    const second = await auditPage(auditor, '?page=2&pageSize=2');
    expect(first.total).toBe(all.total);
    expect(first.items.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(second.items.map((r) => r.id)).toEqual(ids.slice(2, 4));
    expect((await auditor.get('/api/audit?pageSize=500')).statusCode).toBe(400);
  });
});

describe('scope', () => {
  it('shows fuzhou only records within 100000/350000/350100', async () => {
    const page = await auditPage(fuzhou, '?pageSize=200');
    expect(page.total).toBeGreaterThan(0);
    expect(page.total).toBe(page.items.length);
    for (const r of page.items) {
      expect(
        r.jurisdictionPath === '100000/350000/350100' ||
          (r.jurisdictionPath ?? '').startsWith('100000/350000/350100/'),
        `${r.action} ${r.jurisdictionPath}`,
      ).toBe(true);
    }
    expect(page.items.some((r) => r.actorUsername === 'jilin')).toBe(false);
    expect(page.items.some((r) => r.actorUsername === 'admin')).toBe(false);
    expect((await auditPage(fuzhou, '?actor=jilin')).total).toBe(0);
    // The records exist: the administrator sees them.
    const jilin = await auditPage(auditor, '?actor=jilin');
    expect(jilin.total).toBeGreaterThan(0);
    expect(jilin.items[0]?.jurisdictionPath).toBe('100000/220000');
  });

  it('shows the administrator failed sign-ins of unknown names, which have no jurisdiction', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'no-such-person', password: 'whatever' },
    });
    expect(res.statusCode).toBe(401);
    const page = await auditPage(auditor, '?actor=no-such-person');
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      action: 'auth.login',
      outcome: 'failure',
      jurisdictionPath: null,
      actorUserId: null,
    });
    expect((await auditPage(fuzhou, '?actor=no-such-person')).total).toBe(0);
    const fujianAuditor = await t.buildUser({ role: 'audit_admin', jurisdictionCode: '350000' });
    const fujian = await t.signIn(fujianAuditor.username, TEST_PASSWORD);
    expect((await auditPage(fujian, '?actor=no-such-person')).total).toBe(0);
  });

  it('refuses the system and security administrators and an HRSS officer (403): the audit administrator alone reads it', async () => {
    const others = await Promise.all([t.signIn('admin'), t.signIn('secadmin'), t.signIn('fuzhou')]);
    for (const agent of others)
      for (const url of ['/api/audit', '/api/audit/verify']) {
        const res = await agent.get(url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().code).toBe('auth.forbidden');
      }
  });

  it('refuses a member officer (403) and an anonymous caller (401)', async () => {
    const res = await memberOfficer.get('/api/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.forbidden');
    expect((await t.app.inject({ url: '/api/audit' })).statusCode).toBe(401);
  });
});
