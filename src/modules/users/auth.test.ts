import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { sessions, users } from './users.tables.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('health and documents', () => {
  it('answers /api/health without signing in', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    });
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/organisations', '/api/joint-meetings/{code}/roster']),
    );
    const docs = await t.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('sign-in', () => {
  it('signs in with the demo password and sets an HttpOnly, SameSite session cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fuzhou', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'yf_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(res.json()).toMatchObject({
      username: 'fuzhou',
      role: 'hrss_officer',
      jurisdiction: { code: '350100', name: '福州市' },
    });
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.login'))
      .orderBy(sql`id desc`)
      .limit(1);
    expect(row).toMatchObject({
      actorUsername: 'fuzhou',
      outcome: 'success',
      jurisdictionPath: '100000/350000/350100',
    });
    // Only a hash of the cookie token is stored.
    const stored = await t.db.select({ id: sessions.id }).from(sessions);
    expect(stored.map((s) => s.id)).not.toContain(cookie?.value);
  });

  it('refuses a wrong password with 401 and a message in the requested language', async () => {
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'jilin', password: 'nope' },
    });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().message).toBe('用户名或密码错误（同一地址连续失败 5 次后，将暂停登录此账号 15 分钟）');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'jilin', password: 'nope' },
    });
    expect(en.json().message).toBe(
      'Wrong username or password (after 5 failures in a row from one address, it cannot sign in to the account for 15 minutes)',
    );
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.invalid_credentials');
  });

  it('locks the (account, address) after five failures, even for the right password, with the same 401, and audits it', async () => {
    const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: 'wrong' },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401]);
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'Test-Passw0rd!' },
    });
    // No 423: a locked account answers like a wrong password (decision 0020).
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('auth.invalid_credentials');
    const denied = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(user.id)));
    expect(denied.filter((r) => r.outcome === 'denied')).toHaveLength(1);
  });

  it('rejects a malformed body with 400 naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fuzhou' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([expect.objectContaining({ field: 'password' })]);
  });
});

describe('session', () => {
  it('needs a session for /api/auth/me', async () => {
    expect((await t.app.inject({ url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('tells the public pages whether a session is open without a 401', async () => {
    const anonymous = await t.app.inject({ url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ me: null });
    const agent = await t.signIn('fuzhou');
    const signedIn = await agent.get('/api/auth/session');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().me).toMatchObject({ username: 'fuzhou', role: 'hrss_officer' });
    await agent.post('/api/auth/logout');
    expect((await agent.get('/api/auth/session')).json()).toEqual({ me: null });
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const agent = await t.signIn('fuzhou');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: agent.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: agent.cookie, 'x-csrf-token': 'x'.repeat(agent.csrfToken.length) },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('ends the session on logout', async () => {
    const agent = await t.signIn('fuzhou');
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends an idle session', async () => {
    const agent = await t.signIn('jilin');
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    await t.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('change password', () => {
  it('enforces the policy and the current password, then accepts the new one', async () => {
    const user = await t.buildUser({ role: 'expert', jurisdictionCode: '220000' });
    const agent = await t.signIn(user.username, 'Test-Passw0rd!');
    const wrongCurrent = await agent.post('/api/auth/password', {
      currentPassword: 'bad',
      newPassword: 'Another-Passw0rd',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().fields[0].field).toBe('currentPassword');
    const weak = await agent.post('/api/auth/password', {
      currentPassword: 'Test-Passw0rd!',
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'password.too_short', fields: [{ field: 'newPassword' }] });
    const ok = await agent.post('/api/auth/password', {
      currentPassword: 'Test-Passw0rd!',
      newPassword: 'Another-Passw0rd',
    });
    expect(ok.statusCode).toBe(200);
    await expect(t.signIn(user.username, 'Test-Passw0rd!')).rejects.toThrow(/401/);
    const again = await t.signIn(user.username, 'Another-Passw0rd');
    expect(again.csrfToken).toBeTruthy();
    const [row] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row?.hash).toMatch(/^\$argon2id\$/);
  });
});

describe('initial password', () => {
  it('allows nothing but me, sign-out and the password change until the initial password is changed', async () => {
    const officer = await t.signIn('fuzhou');
    const created = await officer.post('/api/users', {
      username: 'first.login',
      password: 'Initial-Passw0rd',
      displayName: '首次登录',
      role: 'member_officer',
      jurisdictionCode: '350102',
    });
    expect(created.statusCode).toBe(201);
    const user = await t.signIn('first.login', 'Initial-Passw0rd');
    expect((await user.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const refused = await user.get('/api/jurisdictions');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.must_change_password');
    const changed = await user.post('/api/auth/password', {
      currentPassword: 'Initial-Passw0rd',
      newPassword: 'Chosen-Passw0rd',
    });
    expect(changed.statusCode).toBe(200);
    expect((await user.get('/api/jurisdictions')).statusCode).toBe(200);
  });
});
