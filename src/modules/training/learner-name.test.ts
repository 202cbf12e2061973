import fs from 'node:fs';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { CIPHERTEXT, SM4_ENV, setPiiEnv } from '../../../test/pii-env.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { rowsOf } from '../../platform/db/rows.js';
import { createPiiCrypto } from '../../platform/privacy/crypto.js';
import { computeIdCheckChar } from '../exchange/id-number.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { users } from '../users/users.tables.js';

/**
 * Issue 13, decision 0047: a learner account no longer copies its key-post holder's name into
 * `users.display_name` in plaintext. With PII_ENCRYPTION=sm4 the holder's name is ciphertext and
 * the account stores the masked name (陈明华 → 陈**); the learner's own greeting (`/api/auth/me`)
 * reads the name from the holder, decrypted; the audit names the account by its username. Migration
 * 0045 masks the accounts created before.
 */
const sm4 = createPiiCrypto(SM4_ENV);
const NAME = '陈明华';
const first17 = '35012119850315123';
const ID_NUMBER = first17 + computeIdCheckChar(first17);
const FIRST_PASSWORD = 'First-Passw0rd!7';

let t: TestApp;
let officer: Agent;
let holderId: number;
let userId: number;

/** The public tables with a row whose text holds `text`. */
async function tablesHolding(text: string): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await t.db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const hit = rowsOf(
      await t.db.execute(
        sql`select 1 as x from ${sql.identifier(name)} t where t::text like ${`%${text}%`} limit 1`,
      ),
    );
    if (hit.length > 0) found.push(name);
  }
  return found;
}

beforeAll(async () => {
  setPiiEnv(SM4_ENV);
  t = await createTestApp();
  officer = await t.signIn('fuzhou');
  const [county] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, '350121'));
  const [employer] = await t.db
    .insert(organisations)
    .values({
      kind: 'employer',
      name: '闽侯学员姓名测试建筑公司',
      industryCode: '4710',
      creditCode: makeCreditCode('350121', 977),
      jurisdictionId: county?.id as number,
    })
    .returning({ id: organisations.id });
  const holder = await officer.post('/api/training/holders', {
    employerId: employer?.id,
    roleCode: 'principal',
    personName: NAME,
    idNumber: ID_NUMBER,
    startedOn: '2025-01-01',
  });
  expect(holder.statusCode, holder.body).toBe(201);
  holderId = holder.json().id;
}, 120_000);
afterAll(async () => {
  await t?.close();
  setPiiEnv({});
});

describe('a learner account’s name (issue 13, decision 0047)', () => {
  it('stores the masked name: no table holds the holder’s name in plaintext', async () => {
    const created = await officer.post(`/api/training/holders/${holderId}/learner`, {
      username: 'xueyuan.chen',
      password: FIRST_PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(201);
    userId = created.json().userId;
    const [row] = rowsOf<{ display_name: string; whole: string }>(
      await t.db.execute(sql`select display_name, u::text as whole from users u where id = ${userId}`),
    );
    // 陈明华: the first character, then one * for each of the two others.
    expect(row?.display_name).toBe('陈**');
    expect(row?.whole).not.toContain('明华');
    // The holder keeps the name, as ciphertext.
    const [holder] = rowsOf<{ person_name: string }>(
      await t.db.execute(sql`select person_name from key_post_holders where id = ${holderId}`),
    );
    expect(holder?.person_name).toMatch(CIPHERTEXT);
    expect(sm4.decrypt(holder?.person_name ?? null)).toBe(NAME);
    expect(await tablesHolding(NAME)).toEqual([]);
  });

  it('greets the learner by the name read from the holder; the audit names the account', async () => {
    const first = await t.signIn('xueyuan.chen', FIRST_PASSWORD);
    const changed = await first.post('/api/auth/password', {
      currentPassword: FIRST_PASSWORD,
      newPassword: TEST_PASSWORD,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'xueyuan.chen', password: TEST_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json()).toMatchObject({ username: 'xueyuan.chen', displayName: NAME, role: 'learner' });
    const learner = await t.signIn('xueyuan.chen', TEST_PASSWORD);
    const me = await learner.get('/api/auth/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ id: userId, displayName: NAME, role: 'learner' });
    expect((await learner.get('/api/auth/session')).json().me.displayName).toBe(NAME);
    // An officer's greeting is its own stored display name, unchanged.
    const [fuzhou] = await t.db
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.username, 'fuzhou'));
    expect((await officer.get('/api/auth/me')).json().displayName).toBe(fuzhou?.name);

    const actions = await t.db
      .select({ action: auditLog.action, username: auditLog.actorUsername, userId: auditLog.actorUserId })
      .from(auditLog)
      .where(eq(auditLog.actorUsername, 'xueyuan.chen'))
      .orderBy(auditLog.id);
    // Three sign-ins (first password, the inject, the agent) and the password change, by the account.
    expect(actions.map((a) => a.action)).toEqual([
      'auth.login',
      'user.password.change',
      'auth.login',
      'auth.login',
    ]);
    expect(new Set(actions.map((a) => a.userId))).toEqual(new Set([userId]));
    // The learner's study list is its own (the holder's post): the account still is the holder.
    const courses = await learner.get('/api/study/courses');
    expect(courses.statusCode, courses.body).toBe(200);
  });

  it('the users page shows the masked name, and an edit cannot put the name back', async () => {
    const listed = (await officer.get('/api/users?search=xueyuan.chen')).json();
    expect(listed.items.map((u: { displayName: string }) => u.displayName)).toEqual(['陈**']);
    const dto = (await officer.get(`/api/users/${userId}`)).json();
    const edit = await officer.put(`/api/users/${userId}`, {
      displayName: NAME,
      phone: null,
      role: 'learner',
      jurisdictionCode: dto.jurisdictionCode,
      organisationId: dto.organisationId,
      isActive: true,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().displayName).toBe('陈**');
    const [row] = await t.db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
    expect(row?.name).toBe('陈**');
    expect(await tablesHolding(NAME)).toEqual([]);
  });

  it('migration 0045 masks the learner accounts made before it, and only those', async () => {
    const file = fs.readFileSync('migrations/0045_mask_learner_names_index_login_address.sql', 'utf8');
    const update = file.split('--> statement-breakpoint').find((s) => s.includes('UPDATE "users"'));
    if (!update) throw new Error('no UPDATE in migration 0045');
    const made = await t.db
      .insert(users)
      .values(
        [
          ['old.learner1', '欧阳娜娜', 'learner'],
          ['old.learner2', '李', 'learner'],
          ['old.officer', '王五', 'hrss_officer'],
        ].map(([username, displayName, role]) => ({
          username: username as string,
          displayName: displayName as string,
          role: role as 'learner',
          passwordHash: 'x',
          jurisdictionId: 1,
        })),
      )
      .returning({ id: users.id });
    const names = async () =>
      (
        await t.db
          .select({ name: users.displayName })
          .from(users)
          .where(
            sql`${users.id} in (${sql.join(
              made.map((m) => sql`${m.id}`),
              sql`, `,
            )})`,
          )
          .orderBy(users.id)
      ).map((r) => r.name);
    await t.db.execute(sql.raw(update));
    // 欧阳娜娜: 4 characters → 欧***; a one-character name is *; the officer's name stays.
    expect(await names()).toEqual(['欧***', '*', '王五']);
    await t.db.execute(sql.raw(update));
    expect(await names()).toEqual(['欧***', '*', '王五']);
    // The learner made through the route is masked alike.
    const [row] = await t.db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
    expect(row?.name).toBe('陈**');
  });
});

// The audit record of the account's creation names the creating officer, not the holder's name.
describe('the creation’s audit record', () => {
  it('names the officer and the username, never the name', async () => {
    const [record] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'training.learner.create'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(record).toMatchObject({
      actorUsername: 'fuzhou',
      targetId: String(holderId),
      details: { userId, username: 'xueyuan.chen' },
    });
    expect(JSON.stringify(record?.details)).not.toContain('明');
  });
});
