import { createSign, type KeyObject } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { CustomFetch } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { startTestProvider, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from '../../../test/oidc-provider.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import type { OidcConfig } from '../../platform/auth/oidc.config.js';
import { users } from './users.tables.js';

/**
 * Sign-in through a unified identity service (ORG-5) against a real OpenID provider: the
 * `oidc-provider` package serves discovery, authorization, token, JWKS and userinfo over real HTTP on
 * a random port; the test plays the browser (cookies, redirects, the provider's login and consent
 * forms); the app redeems the code over HTTP like in production.
 */

const REDIRECT_URI = 'http://yufang.test/api/auth/oidc/callback';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** How the next token response is altered on its way to the app (a man in the middle). */
let tamper: ((idToken: string) => string) | null = null;

/** The app's transport: real fetch, except that a set `tamper` rewrites the ID token once. */
const tamperingFetch: CustomFetch = async (url, options) => {
  const response = await fetch(url, options as RequestInit);
  if (!tamper || !url.endsWith('/token')) return response;
  const body = await response.json();
  body.id_token = tamper(body.id_token);
  tamper = null;
  return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
};

let provider: Awaited<ReturnType<typeof startTestProvider>>;
let issuer: string;
let privateKey: KeyObject;
let oidc: OidcConfig;
let t: TestApp;
let admin: Agent;
let sibling: Agent;
/** Local users the identities sign in as. */
let officer: { id: number; username: string };
let disabled: { id: number; username: string };

beforeAll(async () => {
  provider = await startTestProvider(REDIRECT_URI);
  issuer = provider.issuer;
  privateKey = provider.privateKey;
  oidc = {
    issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    scopes: 'openid profile',
    // Not in the ID token (oidc-provider puts profile claims in userinfo): exercises userinfo.
    linkClaim: 'preferred_username',
    unknownIdentity: 'refuse',
    isHttpAllowed: true,
    fetch: tamperingFetch,
  };
  t = await createTestApp({ oidc });
  const adminUser = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350000' });
  admin = await t.signIn(adminUser.username, TEST_PASSWORD);
  const siblingUser = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
  sibling = await t.signIn(siblingUser.username, TEST_PASSWORD);
  officer = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
  disabled = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
}, 180_000);

afterAll(async () => {
  await t?.close();
  await provider?.close();
});

/** A browser's cookie jar for the identity service (one origin, so path scoping is not needed). */
class Jar {
  private readonly cookies = new Map<string, string>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Starts sign-in at the app, then acts as the browser at the identity service: follows redirects,
 * submits the login form as `login` and the consent form, until the service redirects back to the
 * app's redirect URI. Returns that callback URL and the app's state cookie.
 */
async function authorizeAt(login: string, jar = new Jar()) {
  const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start?returnTo=/users' });
  expect(start.statusCode, start.body).toBe(302);
  const stateCookie = start.cookies.find((c) => c.name === 'yf_oidc_state');
  expect(stateCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc' });
  const authorization = new URL(String(start.headers.location));
  expect(authorization.origin).toBe(issuer);
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('nonce')).toBeTruthy();
  expect(authorization.searchParams.get('state')).toBe(stateCookie?.value);

  let response = await fetch(authorization, { redirect: 'manual', headers: { cookie: jar.header() } });
  for (let step = 0; step < 12; step++) {
    jar.store(response);
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, response.url || issuer);
      if (next.href.startsWith(REDIRECT_URI)) return { callback: next, state: String(stateCookie?.value) };
      response = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header() } });
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page at the identity service: ${html.slice(0, 300)}`);
    const form = new URLSearchParams({ prompt });
    if (prompt === 'login') {
      form.set('login', login);
      form.set('password', 'any');
    }
    response = await fetch(new URL(action, issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
  }
  throw new Error('the identity service never redirected back');
}

/** The browser arriving at the app's callback with the state cookie. */
function callback(url: URL, state: string | undefined) {
  return t.app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: state === undefined ? {} : { cookie: `yf_oidc_state=${state}` },
  });
}

async function linkAs(login: string, user: { id: number }) {
  const res = await admin.post(`/api/users/${user.id}/identities`, { subject: login });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number };
}

async function lastLoginAudit() {
  const [row] = await t.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, 'auth.login'))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe('sign-in through the unified identity service', () => {
  it('tells the login page that unified sign-in is offered', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(res.json()).toEqual({ local: true, oidc: { startUrl: '/api/auth/oidc/start' } });
  });

  it('signs a linked identity in as its local user, with the local role and scope only', async () => {
    await linkAs('zhang.wei', officer);
    const { callback: url, state } = await authorizeAt('zhang.wei');
    const res = await callback(url, state);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/users');
    const session = res.cookies.find((c) => c.name === 'yf_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `yf_session=${session?.value}` },
    });
    expect(me.statusCode, me.body).toBe(200);
    // The identity service claimed system_admin; the local user is a member officer of 鼓楼区.
    expect(me.json()).toMatchObject({
      id: officer.id,
      username: officer.username,
      role: 'member_officer',
      jurisdiction: { code: '350102' },
    });
    expect(me.json().permissions).not.toContain('users:manage');
    expect(await lastLoginAudit()).toMatchObject({
      actorUserId: officer.id,
      outcome: 'success',
      details: { method: 'oidc', issuer },
    });
  });

  it('refuses a callback whose state is not the browser’s, or has no state cookie', async () => {
    const { callback: url, state } = await authorizeAt('zhang.wei');
    const forged = new URL(url);
    forged.searchParams.set('state', 'forged-state');
    for (const res of [await callback(forged, state), await callback(url, undefined)]) {
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/login?oidcError=oidc.state');
      expect(res.cookies.find((c) => c.name === 'yf_session')).toBeUndefined();
    }
    expect((await lastLoginAudit())?.details).toMatchObject({ reason: 'state_mismatch' });
  });

  it('refuses a replayed callback and a replayed code', async () => {
    const { callback: url, state } = await authorizeAt('zhang.wei');
    expect((await callback(url, state)).headers.location).toBe('/users');
    // The same callback again: its state was used up.
    const again = await callback(url, state);
    expect(again.headers.location).toBe('/login?oidcError=oidc.state');
    // The used code under a fresh, valid state: the identity service refuses to redeem it twice.
    const fresh = await authorizeAt('zhang.wei');
    const replay = new URL(fresh.callback);
    replay.searchParams.set('code', String(url.searchParams.get('code')));
    const res = await callback(replay, fresh.state);
    expect(res.headers.location).toBe('/login?oidcError=oidc.failed');
    expect(res.cookies.find((c) => c.name === 'yf_session')).toBeUndefined();
    expect((await lastLoginAudit())?.details).toMatchObject({ reason: 'token_rejected' });
  });

  it('refuses an identity linked to no local user, and records it', async () => {
    const { callback: url, state } = await authorizeAt('stranger');
    const res = await callback(url, state);
    expect(res.headers.location).toBe('/login?oidcError=oidc.unknown_identity');
    expect(await lastLoginAudit()).toMatchObject({
      outcome: 'denied',
      details: { method: 'oidc', reason: 'unknown_identity', subject: 'stranger' },
    });
    expect((await admin.get('/api/identities/pending')).json()).toEqual({ items: [], total: 0 });
  });

  it('queues an unknown identity for an administrator when so configured, who links it', async () => {
    oidc.unknownIdentity = 'queue';
    try {
      const first = await authorizeAt('li.na');
      expect((await callback(first.callback, first.state)).headers.location).toBe(
        '/login?oidcError=oidc.pending',
      );
      const pending = (await admin.get('/api/identities/pending')).json();
      expect(pending).toMatchObject({ total: 1, items: [{ subject: 'li.na', userId: null }] });
      // A city's manager does not see the province-wide queue.
      expect((await sibling.get('/api/identities/pending')).json()).toEqual({ items: [], total: 0 });
      const user = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350100' });
      const linked = await linkAs('li.na', user);
      expect(linked.id).toBe(pending.items[0].id);
      const second = await authorizeAt('li.na');
      expect((await callback(second.callback, second.state)).headers.location).toBe('/users');
      expect((await admin.get('/api/identities/pending')).json().total).toBe(0);
    } finally {
      oidc.unknownIdentity = 'refuse';
    }
  });

  it('refuses an ID token for another audience even when properly signed', async () => {
    const { callback: url, state } = await authorizeAt('zhang.wei');
    tamper = (idToken) => {
      const [header = '', payload = ''] = idToken.split('.');
      const input = `${header}.${b64({ ...decode(payload), aud: 'another-client' })}`;
      return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
    };
    const res = await callback(url, state);
    expect(res.headers.location).toBe('/login?oidcError=oidc.failed');
    expect(res.cookies.find((c) => c.name === 'yf_session')).toBeUndefined();
    expect(JSON.stringify((await lastLoginAudit())?.details)).toMatch(/aud/);
  });

  it('refuses an ID token whose claims were altered after signing', async () => {
    const { callback: url, state } = await authorizeAt('zhang.wei');
    tamper = (idToken) => {
      const [header = '', payload = '', signature = ''] = idToken.split('.');
      return `${header}.${b64({ ...decode(payload), sub: 'sub-somebody-else' })}.${signature}`;
    };
    const res = await callback(url, state);
    expect(res.headers.location).toBe('/login?oidcError=oidc.failed');
    expect(JSON.stringify((await lastLoginAudit())?.details)).toMatch(/signature/i);
  });

  it('refuses a linked identity whose local user is disabled', async () => {
    await linkAs('wang.fang', disabled);
    await t.db.update(users).set({ isActive: false }).where(eq(users.id, disabled.id));
    const { callback: url, state } = await authorizeAt('wang.fang');
    const res = await callback(url, state);
    expect(res.headers.location).toBe('/login?oidcError=auth.inactive');
    expect(await lastLoginAudit()).toMatchObject({
      actorUserId: disabled.id,
      outcome: 'denied',
      details: { reason: 'inactive' },
    });
  });
});

describe('linking identities to users', () => {
  it('lists, refuses duplicates (409), unlinks, and audits each change', async () => {
    const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
    const link = await linkAs('chen.jie', user);
    const other = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
    const taken = await admin.post(`/api/users/${other.id}/identities`, { subject: 'chen.jie' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'identity.linked_elsewhere' });
    const second = await admin.post(`/api/users/${user.id}/identities`, { subject: 'chen.jie2' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'identity.user_has_one' });
    const blank = await admin.post(`/api/users/${user.id}/identities`, { subject: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields[0].field).toBe('subject');

    const list = (await admin.get(`/api/users/${user.id}/identities`)).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: link.id, subject: 'chen.jie', issuer }] });
    const gone = await admin.request({
      method: 'DELETE',
      url: `/api/users/${user.id}/identities/${link.id}`,
    });
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await admin.get(`/api/users/${user.id}/identities`)).json().total).toBe(0);

    const trail = await t.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, String(user.id))))
      .orderBy(auditLog.id);
    expect(trail).toEqual([
      {
        action: 'user.identity.link',
        details: { identityId: link.id, issuer, subject: 'chen.jie', wasQueued: false },
      },
      { action: 'user.identity.unlink', details: { identityId: link.id, issuer, subject: 'chen.jie' } },
    ]);
  });

  it('hides users of a sibling jurisdiction and refuses users without users:manage', async () => {
    const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
    expect((await sibling.post(`/api/users/${user.id}/identities`, { subject: 'x.y' })).statusCode).toBe(404);
    expect((await sibling.get(`/api/users/${user.id}/identities`)).statusCode).toBe(404);
    const member = await t.signIn(
      (await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' })).username,
      TEST_PASSWORD,
    );
    expect((await member.post(`/api/users/${user.id}/identities`, { subject: 'x.y' })).statusCode).toBe(403);
    expect((await member.get('/api/identities/pending')).statusCode).toBe(403);
  });

  it('lets a jurisdiction turn off local passwords for linked users only', async () => {
    const linked = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
    await linkAs('zhao.lei', linked);
    const unlinked = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
    const set = await admin.put('/api/settings/350100/auth.localPasswordWhenLinked', {
      value: false,
      reason: '全省统一身份认证',
    });
    expect(set.statusCode, set.body).toBe(200);
    try {
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: linked.username, password: TEST_PASSWORD },
      });
      expect(refused.statusCode).toBe(401);
      expect(refused.json().code).toBe('auth.invalid_credentials');
      expect(await lastLoginAudit()).toMatchObject({ details: { reason: 'local_password_disabled' } });
      await t.signIn(unlinked.username, TEST_PASSWORD);
      const viaIdp = await authorizeAt('zhao.lei');
      expect((await callback(viaIdp.callback, viaIdp.state)).headers.location).toBe('/users');
    } finally {
      await admin.request({
        method: 'DELETE',
        url: '/api/settings/350100/auth.localPasswordWhenLinked',
        payload: { reason: '恢复默认' },
      });
    }
  });
});
