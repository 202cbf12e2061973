import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../test/exchange-builders.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { organisations } from '../organisations/organisations.tables.js';

let t: TestApp;
let emergencyId: number;

const ACCIDENTS = [
  '事故编号,统一社会信用代码,行政区划代码,发生日期,事故类别,事故等级,死亡人数,重伤人数,直接经济损失（元）',
  `FZ-2025-0001,${makeCreditCode('350102', 1000)},350102,2025-06-02,10,一般,1,2,1250000.00`,
].join('\n');

async function idOf(name: string) {
  const [row] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (!row) throw new Error(`no ${name}`);
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  emergencyId = await idOf('福州市应急管理局');
});
afterAll(async () => t.close());

describe('API tokens for member units', () => {
  it('lets a member unit submit its own domain by API with a bearer token, and nothing else', async () => {
    const fuzhou = await t.signIn('fuzhou');
    const issued = await fuzhou.post('/api/api-tokens', {
      organisationId: emergencyId,
      name: '应急局事故数据接口',
    });
    expect(issued.statusCode).toBe(201);
    const { token, id } = issued.json();
    expect(token).toMatch(/^yf_/);
    const bearer = { authorization: `Bearer ${token}` };

    const submit = await t.app.inject({
      method: 'POST',
      url: '/api/exchange/batches?domain=accidents&fileName=accidents.csv',
      headers: { ...bearer, 'content-type': 'application/octet-stream' },
      payload: ACCIDENTS,
    });
    expect(submit.statusCode).toBe(202);
    await t.app.jobs.idle();
    const batch = await t.app.inject({
      url: `/api/exchange/batches/${submit.json().batch.id}`,
      headers: bearer,
    });
    expect(batch.json()).toMatchObject({
      status: 'committed',
      validRows: 1,
      organisationName: '福州市应急管理局',
      channel: 'api',
    });
    expect(batch.json().submittedBy).toBe('api-token:应急局事故数据接口');

    // Its own unit's domains only, and only the exchange permissions.
    const injuries = await t.app.inject({
      method: 'POST',
      url: '/api/exchange/batches?domain=injuries&fileName=x.csv',
      headers: { ...bearer, 'content-type': 'application/octet-stream' },
      payload: 'x',
    });
    expect(injuries.statusCode).toBe(403);
    expect(injuries.json().code).toBe('exchange.domain_not_allowed');
    expect((await t.app.inject({ url: '/api/organisations', headers: bearer })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/audit', headers: bearer })).statusCode).toBe(403);

    // The secret is never listed again; revoking ends it at once.
    const list = await fuzhou.get('/api/api-tokens');
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await fuzhou.post(`/api/api-tokens/${id}/revoke`)).json().revokedAt).not.toBeNull();
    const revoked = await t.app.inject({ url: '/api/exchange/batches', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('auth.invalid_token');
  });

  it('refuses an unknown token', async () => {
    const res = await t.app.inject({
      url: '/api/exchange/batches',
      headers: { authorization: 'Bearer yf_nonsense' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('issues tokens only to member departments in scope', async () => {
    const fuzhou = await t.signIn('fuzhou');
    const employer = await idOf('福州榕城建筑工程有限公司');
    const notMember = await fuzhou.post('/api/api-tokens', { organisationId: employer, name: '企业' });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().fields[0].field).toBe('organisationId');
    const jilinHrss = await idOf('吉林省人力资源和社会保障厅');
    expect(
      (await fuzhou.post('/api/api-tokens', { organisationId: jilinHrss, name: '越权' })).statusCode,
    ).toBe(404);
    const member = await t.buildUser({
      role: 'member_officer',
      jurisdictionCode: '350100',
      organisationId: emergencyId,
    });
    const memberAgent = await t.signIn(member.username, TEST_PASSWORD);
    expect(
      (await memberAgent.post('/api/api-tokens', { organisationId: emergencyId, name: '自发' })).statusCode,
    ).toBe(403);
  });
});
