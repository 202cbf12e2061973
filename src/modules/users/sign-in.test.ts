import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../test/exchange-builders.js';
import { createTestApp, DEMO_PASSWORD, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { isLoopbackHost, loadConfig } from '../../platform/config.js';
import { selectRows } from '../../platform/db/rows.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { reserveAttempt, settleSuccessfulAttempt } from './lockout.service.js';
import { createUserFromConsole, requireDemoPasswordChange } from './users.service.js';
import { loginAttempts } from './users.tables.js';

// Decision 0020: lockout, rate limits, passwords, sessions, API-token scope, request hardening.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
  await limited?.close();
});

const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

async function auditReasons(username: string) {
  const rows = await t.db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.actorUsername, username)));
  return rows.map((r) => (r.details as { reason?: string } | null)?.reason ?? 'success');
}

describe('lockout (atomic, per username and address)', () => {
  it('checks exactly 5 of 30 parallel wrong passwords, then refuses the right one, all with one answer', async () => {
    const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    const answers = await Promise.all(Array.from({ length: 30 }, () => login(user.username, 'wrong')));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(30).fill(401));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    const reasons = await auditReasons(user.username);
    expect(reasons.filter((r) => r === 'wrong_password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(25);
    const right = await login(user.username, TEST_PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(right.body).toBe(answers[0]?.body);
    // Another address is not locked out of the account (no cheap lockout of the owner).
    expect((await login(user.username, TEST_PASSWORD, '10.0.0.7')).statusCode).toBe(200);
  });

  it('answers an unknown user, a wrong password and a locked pair identically (no 423 oracle)', async () => {
    const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    const wrong = await login(user.username, 'wrong', '10.0.1.1');
    const unknown = await login('no.such.user', 'wrong', '10.0.1.1');
    for (let i = 0; i < 5; i++) await login(user.username, 'wrong', '10.0.1.2');
    const locked = await login(user.username, TEST_PASSWORD, '10.0.1.2');
    expect([wrong.statusCode, unknown.statusCode, locked.statusCode]).toEqual([401, 401, 401]);
    expect(unknown.body).toBe(wrong.body);
    expect(locked.body).toBe(wrong.body);
    expect(wrong.json()).toMatchObject({ code: 'auth.invalid_credentials' });
    expect(wrong.json().message).toContain('5');
  });

  it('does not let a right password reset failures counted while it was checked', async () => {
    const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    const policy = { lockoutThreshold: 5, lockoutMinutes: 15 };
    const address = '10.0.2.1';
    // The right password draws its number first; two wrong ones are counted while it is checked.
    const right = await reserveAttempt(t.db, policy, user.username, address);
    await reserveAttempt(t.db, policy, user.username, address);
    await reserveAttempt(t.db, policy, user.username, address);
    await settleSuccessfulAttempt(t.db, right);
    const failuresOf = async () =>
      (
        await t.db
          .select({ failures: loginAttempts.failures })
          .from(loginAttempts)
          .where(and(eq(loginAttempts.username, user.username), eq(loginAttempts.address, address)))
      )[0]?.failures;
    expect(await failuresOf()).toBe(2);
    // A right password that saw every failure clears them: 4 wrong + right, twice, never locks.
    const sequential = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await login(sequential.username, 'wrong', address);
      expect((await login(sequential.username, TEST_PASSWORD, address)).statusCode).toBe(200);
    }
  });
});

let limited: TestApp;
describe('rate limits (@fastify/rate-limit)', () => {
  beforeAll(async () => {
    limited = await createTestApp({
      maxSessionsPerUser: 1,
      isDemo: true,
      host: '0.0.0.0',
      rateLimitPerMinute: 20,
      loginRatePerAddress: 3,
      loginRatePerAccount: 4,
      tokenRatePerMinute: 2,
      trustProxy: true,
    });
  });
  const attempt = (username: string, forwardedFor: string) =>
    limited.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'wrong' },
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('limits sign-in per address (behind a trusted proxy: the forwarded address)', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt(`someone${i}`, '203.0.113.1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limitedAnswer = await attempt('someone9', '203.0.113.1');
    expect(limitedAnswer.json()).toMatchObject({ statusCode: 429, code: 'rate_limited' });
    expect((await attempt('someone0', '203.0.113.2')).statusCode).toBe(401);
  });

  it('limits sign-in per account across addresses, except from an address the user signed in from', async () => {
    const known = await limited.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fuzhou', password: DEMO_PASSWORD },
      headers: { 'x-forwarded-for': '198.51.100.50' },
    });
    expect(known.statusCode).toBe(200);
    // That first sign-in counted too (the address was not known yet): 1 + 3 wrong reach the limit of 4.
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt('fuzhou', `198.51.100.${i + 1}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const owner = await limited.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fuzhou', password: DEMO_PASSWORD },
      headers: { 'x-forwarded-for': '198.51.100.50' },
    });
    expect(owner.statusCode).toBe(200);
  });

  it('limits API-token requests per address before the token is looked up', async () => {
    const bearer = (n: number) =>
      limited.app.inject({
        url: '/api/exchange/batches',
        headers: { authorization: `Bearer yf_guess${n}`, 'x-forwarded-for': '192.0.2.9' },
      });
    expect([
      (await bearer(1)).statusCode,
      (await bearer(2)).statusCode,
      (await bearer(3)).statusCode,
    ]).toEqual([401, 401, 429]);
  });

  it('keeps a global ceiling per address on every other route', async () => {
    const codes = [];
    for (let i = 0; i < 21; i++)
      codes.push(
        (await limited.app.inject({ url: '/api/health', headers: { 'x-forwarded-for': '192.0.2.77' } }))
          .statusCode,
      );
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(codes[20]).toBe(429);
  });

  it('marks the cookie Secure and sends HSTS only when the trusted proxy says https', async () => {
    const https = await limited.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'jilin', password: DEMO_PASSWORD },
      headers: { 'x-forwarded-for': '192.0.2.100', 'x-forwarded-proto': 'https' },
    });
    expect(https.statusCode).toBe(200);
    expect(https.cookies.find((c) => c.name === 'yf_session')?.secure).toBe(true);
    expect(https.headers['strict-transport-security']).toContain('max-age=31536000');
    const plain = await limited.app.inject({
      url: '/api/health',
      headers: { 'x-forwarded-for': '192.0.2.101' },
    });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('passwords', () => {
  it('refuses Password123-style and common passwords, and the last five passwords', async () => {
    const user = await t.buildUser({ role: 'expert', jurisdictionCode: '220000' });
    const agent = await t.signIn(user.username, TEST_PASSWORD);
    const change = (currentPassword: string, newPassword: string) =>
      agent.post('/api/auth/password', { currentPassword, newPassword });
    expect((await change(TEST_PASSWORD, 'Password123')).json().code).toBe('password.too_short');
    for (const common of ['Password123!', 'Password2024!', 'Qwerty123456!']) {
      const res = await change(TEST_PASSWORD, common);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'password.common', fields: [{ field: 'newPassword' }] });
    }
    const chain = ['Hutong-Lane-41a', 'Minjiang-Bridge-7b', 'Gulou-Tower-88c'];
    let current = TEST_PASSWORD;
    for (const next of chain) {
      expect((await change(current, next)).statusCode).toBe(200);
      current = next;
    }
    const back = await change(current, TEST_PASSWORD);
    expect(back.statusCode).toBe(400);
    expect(back.json()).toMatchObject({ code: 'password.in_history', fields: [{ field: 'newPassword' }] });
    expect((await change(current, 'Hutong-Lane-41a')).json().code).toBe('password.in_history');
  });
});

describe('sessions', () => {
  it('ends the earlier session on re-login (one session per user by default) and the presented one', async () => {
    // Three sign-ins from one address: within the limited app's 3 a minute.
    const single = limited;
    {
      const first = await single.signIn('jilin');
      const second = await single.signIn('jilin');
      expect((await first.get('/api/auth/me')).statusCode).toBe(401);
      expect((await second.get('/api/auth/me')).statusCode).toBe(200);
      // Signing in again from a browser that holds a session gives a new id; the old cookie is dead.
      const again = await single.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'fujian', password: DEMO_PASSWORD },
        headers: { cookie: second.cookie },
      });
      expect(again.statusCode).toBe(200);
      expect(again.cookies.find((c) => c.name === 'yf_session')?.value).not.toBe(second.cookie.split('=')[1]);
      expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    }
  });

  it('ends the other sessions of the user on a password change', async () => {
    const user = await t.buildUser({ role: 'expert', jurisdictionCode: '220000' });
    const a = await t.signIn(user.username, TEST_PASSWORD);
    const b = await t.signIn(user.username, TEST_PASSWORD);
    expect(
      (
        await a.post('/api/auth/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'Wuyi-Mountain-36x',
        })
      ).statusCode,
    ).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('API tokens: submit and read own batches only', () => {
  it('refuses injuries, persons, employer profiles and other units’ batches; expires by default', async () => {
    const fuzhou = await t.signIn('fuzhou');
    const [city] = await t.db
      .select({ id: jurisdictions.id })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, '350100'));
    const [health] = await t.db
      .insert(organisations)
      .values({
        kind: 'member_department',
        department: 'health',
        name: '福州市卫生健康委员会',
        jurisdictionId: city?.id as number,
      })
      .returning({ id: organisations.id });
    const [emergency] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州市应急管理局'));
    const issue = async (organisationId: number, name: string) => {
      const res = await fuzhou.post('/api/api-tokens', { organisationId, name });
      expect(res.statusCode).toBe(201);
      return res.json() as { token: string; expiresAt: string | null };
    };
    const own = await issue(emergency?.id as number, '应急局接口');
    const other = await issue(health?.id as number, '卫健委接口');
    // Expires after the default 90 days.
    const days = (Date.parse(own.expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    const tooLong = await fuzhou.post('/api/api-tokens', {
      organisationId: emergency?.id,
      name: '长期',
      expiresInDays: 400,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fields[0].field).toBe('expiresInDays');

    const as = (token: string, url: string) =>
      t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/exchange/batches?domain=accidents&fileName=a.csv',
      headers: { authorization: `Bearer ${own.token}`, 'content-type': 'application/octet-stream' },
      payload: [
        '事故编号,统一社会信用代码,行政区划代码,发生日期,事故类别,事故等级,死亡人数,重伤人数,直接经济损失（元）',
        `FZ-2025-0009,${makeCreditCode('350102', 1009)},350102,2025-06-02,10,一般,0,1,1000.00`,
      ].join('\n'),
    });
    expect(submitted.statusCode).toBe(202);
    await t.app.jobs.idle();
    const batchId = submitted.json().batch.id as number;
    expect((await as(own.token, `/api/exchange/batches/${batchId}/issues`)).statusCode).toBe(200);
    expect((await as(own.token, '/api/exchange/batches')).json().total).toBe(1);

    for (const url of [
      '/api/injuries',
      '/api/persons/350102199001011234',
      `/api/employers/${makeCreditCode('350102', 1009)}/profile`,
      '/api/organisations',
    ]) {
      const res = await as(own.token, url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('auth.token_not_allowed');
    }
    expect((await as(other.token, `/api/exchange/batches/${batchId}`)).statusCode).toBe(404);
    expect((await as(other.token, `/api/exchange/batches/${batchId}/issues`)).statusCode).toBe(404);
    expect((await as(other.token, `/api/exchange/batches/${batchId}/rejected`)).statusCode).toBe(404);
    expect((await as(other.token, '/api/exchange/batches')).json().total).toBe(0);
    const [used] = await selectRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from api_tokens where last_used_at is not null`,
    );
    expect(used?.n).toBe(2);
  });
});

describe('request hardening', () => {
  it('answers a NUL byte in the query string with 400 naming the parameter on every GET route', async () => {
    const fuzhou = await t.signIn('fuzhou');
    const routes = t.app.registeredRoutes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(14);
    const failures: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:([a-zA-Z]+)/g, '1');
      const res = await fuzhou.get(`${url}?q=%00`);
      if (res.statusCode !== 400 || res.json().fields?.[0]?.field !== 'q')
        failures.push(`${url} ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers a duplicate expert-account link with 409 naming username', async () => {
    const fuzhou = await t.signIn('fuzhou');
    const expertUser = await t.buildUser({ role: 'expert', jurisdictionCode: '350100' });
    const body = {
      name: '林专家',
      jurisdictionCode: '350100',
      employerName: '福州大学',
      title: '教授',
      recommendingUnit: '福州市人力资源和社会保障局',
      fields: ['安全生产'],
      username: expertUser.username,
    };
    const first = await fuzhou.post('/api/experts', body);
    expect(first.statusCode).toBe(201);
    const second = await fuzhou.post('/api/experts', { ...body, name: '林二' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'conflict.duplicate', fields: [{ field: 'username' }] });
  });

  it('shows the demo accounts on the sign-in page only in demo mode on a loopback address', async () => {
    // The embedded database is demo mode; the limited app is demo mode bound to 0.0.0.0.
    expect((await t.app.inject({ url: '/api/auth/login-options' })).json().showDemoAccounts).toBe(
      !process.env.DATABASE_URL,
    );
    const exposed = await limited.app.inject({
      url: '/api/auth/login-options',
      headers: { 'x-forwarded-for': '192.0.2.200' },
    });
    expect(exposed.json().showDemoAccounts).toBe(false);
  });
});

describe('safe defaults', () => {
  it('binds to 127.0.0.1 unless HOST is set', () => {
    const saved = process.env.HOST;
    delete process.env.HOST;
    try {
      expect(loadConfig().host).toBe('127.0.0.1');
      process.env.HOST = '0.0.0.0';
      expect(loadConfig().host).toBe('0.0.0.0');
    } finally {
      if (saved === undefined) delete process.env.HOST;
      else process.env.HOST = saved;
    }
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
  });

  it('creates the first administrator from the console under the password policy', async () => {
    await expect(
      createUserFromConsole(t.db, {
        username: 'root.admin',
        password: 'Password123!',
        role: 'system_admin',
        jurisdictionCode: '350000',
        displayName: '省级管理员',
      }),
    ).rejects.toThrow(/password.common/);
    const created = await createUserFromConsole(t.db, {
      username: 'Root.Admin',
      password: 'Fuzhou-Gulou-2049x',
      role: 'system_admin',
      jurisdictionCode: '350000',
      displayName: '省级管理员',
    });
    expect(created.username).toBe('root.admin');
    const agent = await t.signIn('root.admin', 'Fuzhou-Gulou-2049x');
    expect((await agent.get('/api/auth/me')).json()).toMatchObject({
      role: 'system_admin',
      mustChangePassword: false,
      jurisdiction: { code: '350000' },
    });
  });

  it('makes demo accounts that still hold the demo password change it (server reachable from other hosts)', async () => {
    const user = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350100' });
    const flagged = await requireDemoPasswordChange(t.db, ['admin', user.username], DEMO_PASSWORD);
    expect(flagged).toEqual(['admin']);
    const admin = await t.signIn('admin');
    expect((await admin.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    expect((await admin.get('/api/jurisdictions')).json().code).toBe('auth.must_change_password');
  });
});
