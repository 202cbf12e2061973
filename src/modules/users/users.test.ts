import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { sessions, users } from './users.tables.js';

interface UserDto {
  id: number;
  username: string;
  displayName: string;
  role: string;
  jurisdictionCode: string;
  isActive: boolean;
  isLocked: boolean;
  mustChangePassword: boolean;
}

let t: TestApp;
let fuzhou: Agent;
let admin: Agent;
let memberOfficer: Agent;
let xiamenOfficer: Agent;
beforeAll(async () => {
  t = await createTestApp();
  const member = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
  const sibling = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
  [fuzhou, admin, memberOfficer, xiamenOfficer] = await Promise.all([
    t.signIn('fuzhou'),
    t.signIn('admin'),
    t.signIn(member.username, TEST_PASSWORD),
    t.signIn(sibling.username, TEST_PASSWORD),
  ]);
});
afterAll(async () => {
  await t.close();
});

let counter = 0;
/** A valid body for POST /api/users; override any field. */
function userInput(overrides: Record<string, unknown> = {}) {
  counter++;
  return {
    username: `gulou.staff${counter}`,
    password: TEST_PASSWORD,
    displayName: `鼓楼区经办${counter}`,
    phone: '13800000000',
    role: 'hrss_officer',
    jurisdictionCode: '350102',
    ...overrides,
  };
}

/** The PUT body that keeps a user as it is, with overrides. */
function updateOf(user: UserDto, overrides: Record<string, unknown> = {}) {
  return {
    displayName: user.displayName,
    role: user.role,
    jurisdictionCode: user.jurisdictionCode,
    isActive: user.isActive,
    ...overrides,
  };
}

async function getUser(agent: Agent, id: number): Promise<UserDto> {
  const res = await agent.get(`/api/users/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function lastAudit(action: string, targetId: number) {
  const [row] = await t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe('create', () => {
  it('creates a user in the subtree who must change the password, and audits it', async () => {
    const input = userInput({ username: 'Gulou.Chen' });
    const res = await fuzhou.post('/api/users', input);
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'gulou.chen',
      displayName: input.displayName,
      phone: '13800000000',
      role: 'hrss_officer',
      jurisdictionCode: '350102',
      jurisdictionName: '鼓楼区',
      isActive: true,
      isLocked: false,
      mustChangePassword: true,
      lastLoginAt: null,
    });
    const audit = await lastAudit('user.create', user.id);
    expect(audit).toMatchObject({
      actorUsername: 'fuzhou',
      outcome: 'success',
      targetType: 'user',
      jurisdictionPath: '100000/350000/350100/350102',
    });
    expect(audit?.details).toMatchObject({
      username: 'gulou.chen',
      role: 'hrss_officer',
      jurisdictionCode: '350102',
    });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    const agent = await t.signIn('gulou.chen', TEST_PASSWORD);
    expect((await agent.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: true });
  });

  it('refuses a jurisdiction outside the subtree with 400 on jurisdictionCode', async () => {
    for (const jurisdictionCode of ['350200', '350000', '220000', '100000']) {
      const res = await fuzhou.post('/api/users', userInput({ jurisdictionCode }));
      expect(res.statusCode, jurisdictionCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'jurisdiction.unknown',
        fields: [{ field: 'jurisdictionCode' }],
      });
    }
  });

  it('refuses to let an officer grant system_admin (403), but lets an administrator', async () => {
    const input = userInput({ role: 'system_admin' });
    const res = await fuzhou.post('/api/users', input);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'role.not_grantable', fields: [{ field: 'role' }] });
    const [row] = await t.db.select().from(users).where(eq(users.username, input.username));
    expect(row).toBeUndefined();
    const byAdmin = await admin.post(
      '/api/users',
      userInput({ role: 'system_admin', jurisdictionCode: '100000' }),
    );
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json().role).toBe('system_admin');
  });

  it('keeps 三员分立: a system administrator never becomes the security or audit administrator (409)', async () => {
    const created = await admin.post(
      '/api/users',
      userInput({ role: 'system_admin', jurisdictionCode: '100000' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const dto = created.json() as UserDto;
    for (const role of ['security_admin', 'audit_admin']) {
      const res = await admin.put(`/api/users/${dto.id}`, updateOf(dto, { role }));
      expect(res.statusCode, role).toBe(409);
      expect(res.json()).toMatchObject({ code: 'role.separation_of_duties', fields: [{ field: 'role' }] });
    }
    const [row] = await t.db.select().from(users).where(eq(users.id, dto.id));
    expect(row?.role).toBe('system_admin');
  });

  it('enforces the password policy with 400 on password', async () => {
    const cases: [string, string][] = [
      ['Sh0rt!', 'password.too_short'],
      ['alllowercase1', 'password.too_simple'],
      ['Gulou.weak99-X', 'password.contains_username'],
    ];
    for (const [password, code] of cases) {
      const res = await fuzhou.post('/api/users', userInput({ username: 'gulou.weak99', password }));
      expect(res.statusCode, password).toBe(400);
      expect(res.json()).toMatchObject({ code, fields: [{ field: 'password' }] });
    }
  });

  it('refuses a taken username with 409, whatever its case', async () => {
    for (const username of ['jilin', 'FUZHOU']) {
      const res = await fuzhou.post('/api/users', userInput({ username }));
      expect(res.statusCode, username).toBe(409);
      expect(res.json()).toMatchObject({ code: 'username.taken', fields: [{ field: 'username' }] });
    }
  });

  it('refuses a malformed body with 400 naming the field', async () => {
    const bad = await fuzhou.post('/api/users', userInput({ username: 'a b' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('username');
    const role = await fuzhou.post('/api/users', userInput({ role: 'king' }));
    expect(role.json().fields[0].field).toBe('role');
    const name = await fuzhou.post('/api/users', userInput({ displayName: 42 }));
    expect(name.json().fields[0].field).toBe('displayName');
  });

  it('only ties a user to an organisation in its jurisdiction or below', async () => {
    const [finance] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州市财政局'));
    const [builder] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州榕城建筑工程有限公司'));
    const outside = await fuzhou.post(
      '/api/users',
      userInput({ role: 'employer', organisationId: finance?.id }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({
      code: 'organisation.outside_jurisdiction',
      fields: [{ field: 'organisationId' }],
    });
    const inside = await fuzhou.post(
      '/api/users',
      userInput({ role: 'employer', organisationId: builder?.id }),
    );
    expect(inside.statusCode).toBe(201);
    expect(inside.json()).toMatchObject({
      organisationId: builder?.id,
      organisationName: '福州榕城建筑工程有限公司',
    });
  });
});

describe('list and read', () => {
  it('lists only users of the subtree', async () => {
    const res = await fuzhou.get('/api/users?pageSize=200');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as UserDto[];
    expect(res.json().total).toBe(items.length);
    const names = items.map((u) => u.username);
    expect(names).toContain('fuzhou');
    expect(names).not.toContain('jilin');
    expect(names).not.toContain('fujian');
    expect(names).not.toContain('admin');
    expect(items.every((u) => u.jurisdictionCode.startsWith('3501'))).toBe(true);
    const all = (await admin.get('/api/users?pageSize=200')).json().items as UserDto[];
    expect(all.map((u) => u.username)).toEqual(
      expect.arrayContaining(['admin', 'fujian', 'fuzhou', 'jilin']),
    );
  });

  it('filters by jurisdiction, role and search, and pages', async () => {
    const gulou = await fuzhou.get('/api/users?jurisdiction=350102&pageSize=200');
    expect((gulou.json().items as UserDto[]).every((u) => u.jurisdictionCode === '350102')).toBe(true);
    const members = await fuzhou.get('/api/users?role=member_officer');
    expect((members.json().items as UserDto[]).every((u) => u.role === 'member_officer')).toBe(true);
    expect(members.json().total).toBeGreaterThan(0);
    const search = await admin.get('/api/users?search=JILIN');
    expect(search.json().items.map((u: UserDto) => u.username)).toEqual(['jilin']);
    const page = await fuzhou.get('/api/users?page=1&pageSize=1');
    expect(page.json().items).toHaveLength(1);
    expect(page.json().total).toBeGreaterThan(1);
    expect((await fuzhou.get('/api/users?jurisdiction=220000')).statusCode).toBe(404);
  });

  it('audits a list that shows names and phones', async () => {
    await fuzhou.get('/api/users?search=fuzhou');
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'personal-data.view'), eq(auditLog.targetType, 'user')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row?.actorUsername).toBe('fuzhou');
    expect(row?.details).toMatchObject({ fields: ['displayName', 'phone'] });
  });

  it('answers 404 to a sibling jurisdiction for read, edit and password reset', async () => {
    const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
    const dto = await getUser(fuzhou, user.id);
    expect((await xiamenOfficer.get(`/api/users/${user.id}`)).statusCode).toBe(404);
    const put = await xiamenOfficer.put(
      `/api/users/${user.id}`,
      updateOf(dto, { jurisdictionCode: '350203' }),
    );
    expect(put.statusCode).toBe(404);
    const reset = await xiamenOfficer.post(`/api/users/${user.id}/password`, {
      newPassword: 'Fresh-Passw0rd!',
    });
    expect(reset.statusCode).toBe(404);
    const list = (await xiamenOfficer.get('/api/users?pageSize=200')).json().items as UserDto[];
    expect(list.map((u) => u.id)).not.toContain(user.id);
    expect((await getUser(fuzhou, user.id)).role).toBe('member_officer');
  });

  it('refuses list, read and create to a member officer with 403', async () => {
    expect((await memberOfficer.get('/api/users')).statusCode).toBe(403);
    expect((await memberOfficer.get('/api/users/1')).statusCode).toBe(403);
    const create = await memberOfficer.post('/api/users', userInput());
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('auth.forbidden');
  });
});

describe('update', () => {
  it('changing the role ends the user’s sessions and is audited', async () => {
    const built = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
    const agent = await t.signIn(built.username, TEST_PASSWORD);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    const dto = await getUser(fuzhou, built.id);
    const res = await fuzhou.put(`/api/users/${built.id}`, updateOf(dto, { role: 'si_agency_officer' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('si_agency_officer');
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, built.id))).toEqual([]);
    const audit = await lastAudit('user.update', built.id);
    expect(audit?.details).toMatchObject({ role: { from: 'member_officer', to: 'si_agency_officer' } });
    const again = await t.signIn(built.username, TEST_PASSWORD);
    expect((await again.get('/api/auth/me')).json().role).toBe('si_agency_officer');
  });

  it('keeps the sessions when only the name changes', async () => {
    const built = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
    const agent = await t.signIn(built.username, TEST_PASSWORD);
    const dto = await getUser(fuzhou, built.id);
    const res = await fuzhou.put(`/api/users/${built.id}`, updateOf(dto, { displayName: '新名字' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().displayName).toBe('新名字');
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('disabling a user ends its sessions and stops sign-in', async () => {
    const built = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
    const agent = await t.signIn(built.username, TEST_PASSWORD);
    const dto = await getUser(fuzhou, built.id);
    expect((await fuzhou.put(`/api/users/${built.id}`, updateOf(dto, { isActive: false }))).statusCode).toBe(
      200,
    );
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
    await expect(t.signIn(built.username, TEST_PASSWORD)).rejects.toThrow(/401/);
  });

  it('refuses to move a user out of the subtree or to promote it to system_admin', async () => {
    const built = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
    const dto = await getUser(fuzhou, built.id);
    const away = await fuzhou.put(`/api/users/${built.id}`, updateOf(dto, { jurisdictionCode: '350200' }));
    expect(away.statusCode).toBe(400);
    expect(away.json().fields[0].field).toBe('jurisdictionCode');
    const promote = await fuzhou.put(`/api/users/${built.id}`, updateOf(dto, { role: 'system_admin' }));
    expect(promote.statusCode).toBe(403);
    expect((await getUser(fuzhou, built.id)).role).toBe('member_officer');
  });

  it('does not let a user disable itself', async () => {
    const me = (await fuzhou.get('/api/auth/me')).json();
    const dto = await getUser(fuzhou, me.id);
    const res = await fuzhou.put(`/api/users/${me.id}`, updateOf(dto, { isActive: false }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'user.self_deactivate', fields: [{ field: 'isActive' }] });
    expect((await fuzhou.get('/api/auth/me')).statusCode).toBe(200);
    expect((await getUser(fuzhou, me.id)).isActive).toBe(true);
  });
});

describe('password reset', () => {
  it('unlocks a locked user, ends its sessions and forces a change at next sign-in', async () => {
    const built = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350102' });
    const oldSession = await t.signIn(built.username, TEST_PASSWORD);
    for (let i = 0; i < 5; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: built.username, password: 'wrong' },
      });
    expect((await getUser(fuzhou, built.id)).isLocked).toBe(true);
    // A locked (user, address) pair gets the same 401 as a wrong password (decision 0020).
    await expect(t.signIn(built.username, TEST_PASSWORD)).rejects.toThrow(/invalid_credentials/);

    const weak = await fuzhou.post(`/api/users/${built.id}/password`, { newPassword: 'weak' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0].field).toBe('newPassword');

    const res = await fuzhou.post(`/api/users/${built.id}/password`, { newPassword: 'Temp-Passw0rd!' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const after = await getUser(fuzhou, built.id);
    expect(after).toMatchObject({ isLocked: false, mustChangePassword: true });
    expect((await oldSession.get('/api/auth/me')).statusCode).toBe(401);
    await expect(t.signIn(built.username, TEST_PASSWORD)).rejects.toThrow(/401/);
    const agent = await t.signIn(built.username, 'Temp-Passw0rd!');
    expect((await agent.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    expect(await lastAudit('user.password.reset', built.id)).toMatchObject({ actorUsername: 'fuzhou' });
    const changed = await agent.post('/api/auth/password', {
      currentPassword: 'Temp-Passw0rd!',
      newPassword: 'Own-Passw0rd!!',
    });
    expect(changed.statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).json().mustChangePassword).toBe(false);
  });

  it('refuses a reset to a member officer (403)', async () => {
    const built = await t.buildUser({ role: 'expert', jurisdictionCode: '350100' });
    const res = await memberOfficer.post(`/api/users/${built.id}/password`, {
      newPassword: 'Temp-Passw0rd!',
    });
    expect(res.statusCode).toBe(403);
  });
});
