import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { CIPHERTEXT, SM4_ENV, setPiiEnv } from '../../../test/pii-env.js';
import { organisations } from '../../modules/organisations/organisations.tables.js';
import { makeCreditCode } from '../../seed/demo.js';
import { auditLog } from '../audit/audit.tables.js';
import { rowsOf } from '../db/rows.js';
import { addDays, today } from '../time.js';
import { createPiiCrypto } from './crypto.js';
import { checkPersonDataEncryption, ENCRYPTED_TABLES, encryptPersonData } from './encrypted-columns.js';

/**
 * The contacts and the expert pool under SM4 at rest (decision 0042): experts' 身份证号 and phone,
 * organisations' contact name and phone, users' phone, written through the API with
 * PII_ENCRYPTION=sm4, are ciphertext in the database, read back decrypted (masked where the role
 * needs it), and `pii encrypt` converts rows written before encryption was switched on.
 */
const sm4 = createPiiCrypto(SM4_ENV);

const ID_NUMBER = '35010219800101123X';
const expertInput = {
  jurisdictionCode: '350100',
  name: '加密专家',
  phone: '13912345678',
  idNumber: ID_NUMBER,
  employerName: '福州大学',
  title: '教授',
  recommendingUnit: '福州市人社局',
  fields: ['工伤预防'],
};
let serial = 0;
const employerInput = (creditCode: string) => ({
  kind: 'employer',
  name: `福州加密测试企业${serial++}有限公司`,
  creditCode,
  industryCode: '4710',
  jurisdictionCode: '350102',
  contactName: '陈明',
  contactPhone: '13900010001',
});
const userInput = (username: string) => ({
  username,
  password: TEST_PASSWORD,
  displayName: '鼓楼区经办',
  phone: '13800000123',
  role: 'hrss_officer',
  jurisdictionCode: '350102',
});

/** A change on Fuzhou's roster (李继全, 福州市应急管理局's member), proposed by that unit. */
const ROSTER_PHONE = '13905910066';
const rosterProposal = {
  personName: '王建华',
  title: '工业安全监管处副处长',
  phone: ROSTER_PHONE,
  reason: '李继全同志工作调动',
  effectiveDate: addDays(today(), -7),
};

/** A member officer of 福州市应急管理局, signed in, and the id of its member on Fuzhou's roster. */
async function emergencyUnit(app: TestApp, username: string) {
  const [org] = await app.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '福州市应急管理局'));
  const user = await app.buildUser({
    username,
    role: 'member_officer',
    jurisdictionCode: '350100',
    organisationId: org?.id ?? 0,
  });
  const agent = await app.signIn(user.username, TEST_PASSWORD);
  const roster = (await agent.get('/api/joint-meetings/350100/roster')).json();
  const member = roster.current.find((m: { personName: string }) => m.personName === '李继全');
  if (!member) throw new Error('李继全 not on Fuzhou’s roster');
  return { agent, memberId: member.id as number };
}

/** Every value of the row as one text, to show the plaintext is nowhere in it. */
async function rawRow(t: TestApp, table: string, id: number) {
  const [row] = rowsOf<Record<string, string | null> & { whole: string }>(
    await t.db.execute(sql`select f.*, f::text as whole from ${sql.raw(table)} f where id = ${id}`),
  );
  if (!row) throw new Error(`no ${table} ${id}`);
  return row;
}

let plain: TestApp;
let t: TestApp;
let officer: Agent;
let member: Agent;
/** Written before encryption was switched on (plain app). */
const before = { expert: 0, organisation: 0, user: 0, rosterRequest: 0, rosterMember: 0 };

beforeAll(async () => {
  setPiiEnv({});
  plain = await createTestApp();
  const plainOfficer = await plain.signIn('fuzhou');
  const created = async (res: { statusCode: number; body: string; json(): unknown }) => {
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id?: number; organisation?: { id: number } };
  };
  before.expert = (await created(await plainOfficer.post('/api/experts', expertInput))).id ?? 0;
  before.organisation =
    (
      await created(
        await plainOfficer.post('/api/organisations', employerInput(makeCreditCode('350102', 9001))),
      )
    ).organisation?.id ?? 0;
  before.user = (await created(await plainOfficer.post('/api/users', userInput('gulou.plain')))).id ?? 0;
  // A roster change proposed and confirmed: its request, its two history steps and the new roster row.
  const plainUnit = await emergencyUnit(plain, 'emergency.plain');
  before.rosterRequest =
    (
      await created(
        await plainUnit.agent.post(
          `/api/roster-members/${plainUnit.memberId}/change-requests`,
          rosterProposal,
        ),
      )
    ).id ?? 0;
  const confirmed = await plainOfficer.post(`/api/roster-change-requests/${before.rosterRequest}/confirm`);
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  before.rosterMember = confirmed.json().resultMemberId;

  setPiiEnv(SM4_ENV);
  t = await createTestApp();
  // The template was seeded with encryption off: its 7 demo employers' contacts are switched on
  // as a deployment would, and nothing else of the template holds a phone or 身份证号.
  expect(await encryptPersonData(t.db, {}, sm4)).toEqual({
    injury_cases: 0,
    disease_cases: 0,
    insured_persons: 0,
    experts: 0,
    organisations: 7,
    users: 0,
    roster_members: 0,
    roster_change_requests: 0,
    roster_change_events: 0,
    key_post_holders: 0,
    training_completions: 0,
    school_students: 0,
    project_trainees: 0,
    training_exam_attempts: 0,
  });
  officer = await t.signIn('fuzhou');
  const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
  member = await t.signIn(user.username, TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await plain?.close();
  setPiiEnv({});
});

describe('experts, organisations and users with PII_ENCRYPTION=sm4 (decision 0042)', () => {
  it('stores an expert’s 身份证号 and phone as ciphertext beside a keyed SM3 index, and shows them decrypted or masked', async () => {
    const res = await officer.post('/api/experts', expertInput);
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    expect(res.json()).toMatchObject({ idNumber: ID_NUMBER, phone: '13912345678' });
    const row = await rawRow(t, 'experts', id);
    expect(row.id_number).toMatch(CIPHERTEXT);
    expect(row.phone).toMatch(CIPHERTEXT);
    expect(row.id_number_index).toMatch(/^[0-9a-f]{64}$/);
    expect(row.whole).not.toContain(ID_NUMBER);
    expect(row.whole).not.toContain('13912345678');
    expect(sm4.decrypt(row.id_number ?? null)).toBe(ID_NUMBER);

    // The lookup key finds the expert by number, written with a lower-case x as well.
    const found = rowsOf<{ id: number }>(
      await t.db.execute(
        sql`select id from experts where id_number_index = ${sm4.index(ID_NUMBER.toLowerCase())}`,
      ),
    );
    expect(found.map((r) => r.id)).toEqual([id]);

    expect((await officer.get(`/api/experts/${id}`)).json()).toMatchObject({
      idNumber: ID_NUMBER,
      phone: '13912345678',
    });
    // 350102 19800101 123X: the mask keeps the region and the check character's neighbours.
    expect((await member.get(`/api/experts/${id}`)).json()).toMatchObject({
      idNumber: '350102********12*X',
      phone: '139****5678',
    });
    const listed = (await officer.get('/api/experts?jurisdiction=350100')).json();
    expect(listed.items.find((e: { id: number }) => e.id === id)).toMatchObject({ idNumber: ID_NUMBER });
  });

  it('stores an organisation’s contact as ciphertext; an edit compares the decrypted values', async () => {
    const res = await officer.post('/api/organisations', employerInput(makeCreditCode('350102', 9002)));
    expect(res.statusCode, res.body).toBe(201);
    const org = res.json().organisation;
    expect(org).toMatchObject({ contactName: '陈明', contactPhone: '13900010001' });
    const row = await rawRow(t, 'organisations', org.id);
    expect(row.contact_name).toMatch(CIPHERTEXT);
    expect(row.contact_phone).toMatch(CIPHERTEXT);
    expect(row.whole).not.toContain('陈明');
    expect(row.whole).not.toContain('13900010001');
    expect((await member.get(`/api/organisations/${org.id}`)).json()).toMatchObject({
      contactName: '陈*',
      contactPhone: '139****0001',
    });

    // Only the phone changed: the name, stored under a new IV, is not reported as changed.
    const input = { ...employerInput(org.creditCode), name: org.name, contactPhone: '13900010002' };
    const edit = await officer.put(`/api/organisations/${org.id}`, input);
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().organisation).toMatchObject({ contactName: '陈明', contactPhone: '13900010002' });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'organisation.update'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit?.details).toEqual({ changedFields: ['contactPhone'] });
    const after = await rawRow(t, 'organisations', org.id);
    expect(sm4.decrypt(after.contact_phone ?? null)).toBe('13900010002');
    expect(after.contact_name).toMatch(CIPHERTEXT);
  });

  it('stores a user’s phone as ciphertext, on create and on edit', async () => {
    const res = await officer.post('/api/users', userInput('gulou.sm4'));
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    expect(res.json().phone).toBe('13800000123');
    expect((await rawRow(t, 'users', id)).phone).toMatch(CIPHERTEXT);
    const { username: _u, password: _p, ...fields } = userInput('gulou.sm4');
    const edit = await officer.put(`/api/users/${id}`, { ...fields, phone: '13800000456' });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().phone).toBe('13800000456');
    const row = await rawRow(t, 'users', id);
    expect(row.phone).toMatch(CIPHERTEXT);
    expect(sm4.decrypt(row.phone ?? null)).toBe('13800000456');
    expect((await officer.get(`/api/users/${id}`)).json().phone).toBe('13800000456');
  });

  it('stores the roster’s phones, its change requests’ and their history’s as ciphertext, shown as before', async () => {
    const unit = await emergencyUnit(t, 'emergency.sm4');
    const proposed = await unit.agent.post(
      `/api/roster-members/${unit.memberId}/change-requests`,
      rosterProposal,
    );
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = proposed.json().id as number;
    // The proposing unit reads its own phone unmasked.
    expect(proposed.json().phone).toBe(ROSTER_PHONE);
    const returned = await officer.post(`/api/roster-change-requests/${id}/return`, { reason: '请写明职务' });
    expect(returned.statusCode, returned.body).toBe(200);
    const revised = await unit.agent.put(`/api/roster-change-requests/${id}`, {
      ...rosterProposal,
      phone: '13905910077',
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const confirmed = await officer.post(`/api/roster-change-requests/${id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const dto = confirmed.json();
    // The history reads as it did: each step's phone, decrypted, beside the rest of its proposal.
    expect(
      dto.events.map((e: { action: string; proposal: { phone: string; personName: string } }) => [
        e.action,
        e.proposal.personName,
        e.proposal.phone,
      ]),
    ).toEqual([
      ['proposed', '王建华', ROSTER_PHONE],
      ['returned', '王建华', ROSTER_PHONE],
      ['revised', '王建华', '13905910077'],
      ['confirmed', '王建华', '13905910077'],
    ]);

    const request = await rawRow(t, 'roster_change_requests', id);
    expect(request.phone).toMatch(CIPHERTEXT);
    expect(request.whole).not.toContain('13905910077');
    expect(sm4.decrypt(request.phone ?? null)).toBe('13905910077');
    const events = rowsOf<{ phone: string; proposal: Record<string, string>; whole: string }>(
      await t.db.execute(
        sql`select phone, proposal, f::text as whole from roster_change_events f where request_id = ${id} order by id`,
      ),
    );
    expect(events).toHaveLength(4);
    for (const e of events) {
      expect(e.phone).toMatch(CIPHERTEXT);
      expect(Object.keys(e.proposal).sort()).toEqual(['effectiveDate', 'personName', 'reason', 'title']);
      expect(e.whole).not.toContain(ROSTER_PHONE);
      expect(e.whole).not.toContain('13905910077');
    }
    const rosterMember = await rawRow(t, 'roster_members', dto.resultMemberId);
    expect(rosterMember.phone).toMatch(CIPHERTEXT);
    expect(rosterMember.whole).not.toContain('13905910077');

    // The roster: unmasked for the office (personal-data:view), masked for the member unit.
    const byOffice = (await officer.get('/api/joint-meetings/350100/roster')).json();
    const byUnit = (await unit.agent.get('/api/joint-meetings/350100/roster')).json();
    const phoneIn = (roster: { current: { id: number; phone: string | null }[] }) =>
      roster.current.find((m) => m.id === dto.resultMemberId)?.phone;
    expect(phoneIn(byOffice)).toBe('13905910077');
    expect(phoneIn(byUnit)).toBe('139****0077');

    // The revision's audit says the phone changed, without either phone.
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'roster_change.revise'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit?.details).toMatchObject({ phoneChanged: true });
    expect(JSON.stringify(audit?.details)).not.toContain('1390591');
  });

  it('the start-up check passes over the encrypted tables, and refuses encryption off over them', async () => {
    await expect(checkPersonDataEncryption(t.db, sm4)).resolves.toBeUndefined();
    // injury_cases and its siblings are empty here: experts is the first table holding ciphertext.
    await expect(checkPersonDataEncryption(t.db, createPiiCrypto({}))).rejects.toThrow(
      /^experts holds SM4-encrypted personal data but PII_ENCRYPTION is off/,
    );
    const wrongData = createPiiCrypto({ ...SM4_ENV, PII_KEYS: 'k1:ffffffffffffffffffffffffffffffff' });
    await expect(
      checkPersonDataEncryption(
        t.db,
        wrongData,
        ENCRYPTED_TABLES.filter((e) => e.table === 'users'),
      ),
    ).rejects.toThrow(/do not decrypt the personal data stored in users/);
    const wrongIndex = createPiiCrypto({ ...SM4_ENV, PII_INDEX_KEY: 'ab'.repeat(32) });
    await expect(checkPersonDataEncryption(t.db, wrongIndex)).rejects.toThrow(
      /PII_INDEX_KEY is not the index key the personal data in experts/,
    );
  });
});

describe('switching encryption on over plaintext contacts', () => {
  it('the start refuses, `pii encrypt` converts the rows once, and the index still finds the expert', async () => {
    const plainExpert = await rawRow(plain, 'experts', before.expert);
    // Written with encryption off: the number itself, and as its own lookup key.
    expect(plainExpert.id_number).toBe(ID_NUMBER);
    expect(plainExpert.id_number_index).toBe(ID_NUMBER);
    await expect(checkPersonDataEncryption(plain.db, sm4)).rejects.toThrow(
      /^experts still holds plaintext personal data while PII_ENCRYPTION=sm4: run `tsx src\/cli.ts pii encrypt` first/,
    );
    // 1 expert, the 7 demo employers and the one registered here, 1 user with a phone.
    expect(await encryptPersonData(plain.db, { batchSize: 3 }, sm4)).toEqual({
      injury_cases: 0,
      disease_cases: 0,
      insured_persons: 0,
      experts: 1,
      organisations: 8,
      users: 1,
      roster_members: 1,
      roster_change_requests: 1,
      roster_change_events: 2,
      key_post_holders: 0,
      training_completions: 0,
      school_students: 0,
      project_trainees: 0,
      training_exam_attempts: 0,
    });
    expect(await encryptPersonData(plain.db, { batchSize: 3 }, sm4)).toEqual({
      injury_cases: 0,
      disease_cases: 0,
      insured_persons: 0,
      experts: 0,
      organisations: 0,
      users: 0,
      roster_members: 0,
      roster_change_requests: 0,
      roster_change_events: 0,
      key_post_holders: 0,
      training_completions: 0,
      school_students: 0,
      project_trainees: 0,
      training_exam_attempts: 0,
    });
    await expect(checkPersonDataEncryption(plain.db, sm4)).resolves.toBeUndefined();

    const expert = await rawRow(plain, 'experts', before.expert);
    expect(expert.id_number).toMatch(CIPHERTEXT);
    expect(sm4.decrypt(expert.id_number ?? null)).toBe(ID_NUMBER);
    expect(sm4.decrypt(expert.phone ?? null)).toBe('13912345678');
    expect(expert.id_number_index).toBe(sm4.index(ID_NUMBER));
    const org = await rawRow(plain, 'organisations', before.organisation);
    expect([sm4.decrypt(org.contact_name ?? null), sm4.decrypt(org.contact_phone ?? null)]).toEqual([
      '陈明',
      '13900010001',
    ]);
    const user = await rawRow(plain, 'users', before.user);
    expect(user.phone).toMatch(CIPHERTEXT);
    expect(sm4.decrypt(user.phone ?? null)).toBe('13800000123');
    const request = await rawRow(plain, 'roster_change_requests', before.rosterRequest);
    expect(sm4.decrypt(request.phone ?? null)).toBe(ROSTER_PHONE);
    const rosterMember = await rawRow(plain, 'roster_members', before.rosterMember);
    expect(sm4.decrypt(rosterMember.phone ?? null)).toBe(ROSTER_PHONE);
    const events = rowsOf<{ phone: string; proposal: Record<string, string> }>(
      await plain.db.execute(
        sql`select phone, proposal from roster_change_events where request_id = ${before.rosterRequest} order by id`,
      ),
    );
    expect(events.map((e) => sm4.decrypt(e.phone))).toEqual([ROSTER_PHONE, ROSTER_PHONE]);
    expect(events.map((e) => e.proposal.personName)).toEqual(['王建华', '王建华']);
  });
});
