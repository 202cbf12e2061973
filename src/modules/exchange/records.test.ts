import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INJURY_HEADER,
  injuryRow,
  makeCreditCode,
  makeIdNumber,
  toCsv,
} from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';

let t: TestApp;
let fuzhou: Agent;
let member: Agent;
const PERSON = makeIdNumber('350102', '1980-05-05', 'male', 7);
const BUILDER = makeCreditCode('350102', 1000);

beforeAll(async () => {
  t = await createTestApp();
  fuzhou = await t.signIn('fuzhou');
  const csv = toCsv([
    INJURY_HEADER,
    injuryRow(1, {
      idNumber: PERSON,
      birth: '1980-05-05',
      name: '张三丰',
      occurred: '2024-03-01',
      determined: '2024-04-01',
    }),
    injuryRow(2, {
      idNumber: PERSON,
      birth: '1980-05-05',
      name: '张三丰',
      occurred: '2025-03-01',
      determined: '2025-04-01',
    }),
    injuryRow(3, { occurred: '2025-06-01', determined: '2025-07-01' }),
  ]);
  await fuzhou.request({
    method: 'POST',
    url: '/api/exchange/batches?domain=injuries&fileName=i.csv',
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv),
  });
  await t.app.jobs.idle();
  const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
  member = await t.signIn(user.username, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('records and their masking (DX-3)', () => {
  it('masks 身份证号 and names for a viewer without personal-data:view, and audits nothing for it', async () => {
    const list = (await member.get('/api/injuries?year=2025')).json();
    expect(list.total).toBe(2);
    const mine = list.items.find((i: { caseNo: string }) => i.caseNo.endsWith('0002号'));
    expect(mine).toMatchObject({
      idNumber: `350102********${PERSON.slice(-4)}`,
      personName: '张**',
      isMasked: true,
    });
    expect(JSON.stringify(list)).not.toContain(PERSON);
  });

  it('shows them to an HRSS officer and records the view', async () => {
    const list = (await fuzhou.get('/api/injuries?year=2025')).json();
    const mine = list.items.find((i: { caseNo: string }) => i.caseNo.endsWith('0002号'));
    expect(mine).toMatchObject({ idNumber: PERSON, personName: '张三丰', isMasked: false });
    const views = await t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'personal-data.view'),
          eq(auditLog.targetType, 'injury_case'),
          eq(auditLog.actorUsername, 'fuzhou'),
        ),
      );
    expect(views.length).toBeGreaterThanOrEqual(1);
    const last = views.at(-1);
    expect((last?.details as { ids: number[] } | undefined)?.ids).toContain(mine.id);
  });

  it('links one person’s records by 身份证号, for permitted viewers only', async () => {
    const person = await fuzhou.get(`/api/persons/${PERSON}`);
    expect(person.statusCode).toBe(200);
    expect(person.json().injuries.map((i: { occurredOn: string }) => i.occurredOn)).toEqual([
      '2024-03-01',
      '2025-03-01',
    ]);
    expect((await member.get(`/api/persons/${PERSON}`)).statusCode).toBe(403);
    const sibling = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
    expect(
      (await (await t.signIn(sibling.username, TEST_PASSWORD)).get(`/api/persons/${PERSON}`)).statusCode,
    ).toBe(404);
  });

  it('links an employer’s domains by 统一社会信用代码', async () => {
    const profile = (await member.get(`/api/employers/${BUILDER}/profile`)).json();
    expect(profile.employer).toMatchObject({ name: '福州榕城建筑工程有限公司', jurisdictionCode: '350102' });
    expect(profile.years).toEqual([
      expect.objectContaining({ year: 2024, injuries: 1 }),
      expect.objectContaining({ year: 2025, injuries: 2 }),
    ]);
  });
});

describe('pending employers (DX-2: unknown employer created as pending, listed for review)', () => {
  it('lists employers an exchange row created, until an officer reviews one by editing it', async () => {
    const unknown = makeCreditCode('350104', 8888);
    const csv = toCsv([
      INJURY_HEADER,
      injuryRow(50, {
        creditCode: unknown,
        jurisdiction: '350104',
        occurred: '2025-02-02',
        determined: '2025-03-03',
      }),
    ]);
    await fuzhou.request({
      method: 'POST',
      url: '/api/exchange/batches?domain=injuries&fileName=unknown.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(csv),
    });
    await t.app.jobs.idle();
    const pending = (await fuzhou.get('/api/organisations?pending=true&pageSize=100')).json();
    const row = pending.items.find((o: { creditCode: string }) => o.creditCode === unknown);
    expect(row).toMatchObject({ isPending: true, kind: 'employer', jurisdictionCode: '350104' });
    expect(pending.items.every((o: { isPending: boolean }) => o.isPending)).toBe(true);
    const reviewed = await fuzhou.put(`/api/organisations/${row.id}`, {
      kind: 'employer',
      name: '福州仓山核实后企业有限公司',
      creditCode: unknown,
      industryCode: '4710',
      jurisdictionCode: '350104',
    });
    expect(reviewed.json().organisation.isPending).toBe(false);
    const after = (await fuzhou.get('/api/organisations?pending=true&pageSize=100')).json();
    expect(after.items.some((o: { creditCode: string }) => o.creditCode === unknown)).toBe(false);
  });
});
