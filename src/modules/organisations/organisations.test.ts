import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { computeCreditCodeCheckChar } from './credit-code.js';
import { organisations } from './organisations.tables.js';

interface OrganisationDto {
  id: number;
  kind: string;
  department: string | null;
  name: string;
  creditCode: string | null;
  creditCodeStatus: string | null;
  jurisdictionCode: string;
  contactName: string | null;
  contactPhone: string | null;
  isPersonalDataMasked: boolean;
  createdAt: string;
}

let t: TestApp;
let fuzhou: Agent;
let fujian: Agent;
let memberOfficer: Agent;
let xiamenOfficer: Agent;
beforeAll(async () => {
  t = await createTestApp();
  const member = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
  const sibling = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
  [fuzhou, fujian, memberOfficer, xiamenOfficer] = await Promise.all([
    t.signIn('fuzhou'),
    t.signIn('fujian'),
    t.signIn(member.username, TEST_PASSWORD),
    t.signIn(sibling.username, TEST_PASSWORD),
  ]);
});
afterAll(async () => {
  await t.close();
});

let serial = 5000;
/** A well-formed credit code with a correct check character, unique within this file. */
function validCreditCode(region = '350104'): string {
  const body = `91${region}MA${(serial++).toString().padStart(7, '0')}`;
  return body + computeCreditCodeCheckChar(body);
}

/** A well-formed credit code whose check character is wrong (as in early Fujian pilot codes). */
function checkFailedCreditCode(): string {
  const code = validCreditCode();
  return code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
}

/** Builds a valid employer input; override any field. */
function employerInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'employer',
    name: `福州测试企业${serial}有限公司`,
    creditCode: validCreditCode(),
    industryCode: '4710',
    jurisdictionCode: '350102',
    address: '福州市鼓楼区五四路1号',
    contactName: '陈明',
    contactPhone: '13900010001',
    ...overrides,
  };
}

/** Creates an employer through the API as fuzhou and returns it. */
async function buildEmployer(overrides: Record<string, unknown> = {}): Promise<OrganisationDto> {
  const res = await fuzhou.post('/api/organisations', employerInput(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().organisation;
}

async function lastAudit(action: string, targetId?: number) {
  const [row] = await t.db
    .select()
    .from(auditLog)
    .where(
      targetId === undefined
        ? eq(auditLog.action, action)
        : and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe('create', () => {
  it('registers an employer with a valid credit code, no warnings, and audits it', async () => {
    const input = employerInput({ creditCode: '91310110666007217T' });
    const res = await fuzhou.post('/api/organisations', input);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.warnings).toEqual([]);
    expect(body.organisation).toMatchObject({
      kind: 'employer',
      department: null,
      name: input.name,
      creditCode: '91310110666007217T',
      creditCodeStatus: 'valid',
      industryCode: '4710',
      industryName: '房屋建筑业',
      jurisdictionCode: '350102',
      jurisdictionName: '鼓楼区',
      contactName: '陈明',
      contactPhone: '13900010001',
      isPersonalDataMasked: false,
    });
    const audit = await lastAudit('organisation.create', body.organisation.id);
    expect(audit).toMatchObject({
      actorUsername: 'fuzhou',
      outcome: 'success',
      targetType: 'organisation',
      jurisdictionPath: '100000/350000/350100/350102',
    });
    expect(audit?.details).toMatchObject({ creditCode: '91310110666007217T', creditCodeStatus: 'valid' });
  });

  it('upper-cases a credit code typed in lower case', async () => {
    const code = validCreditCode();
    const org = await buildEmployer({ creditCode: `  ${code.toLowerCase()} ` });
    expect(org.creditCode).toBe(code);
    expect(org.creditCodeStatus).toBe('valid');
  });

  it('records a code whose check character fails, with a warning on creditCode', async () => {
    const res = await fuzhou.post('/api/organisations', employerInput({ creditCode: '91350211M0000XUF46' }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.organisation.creditCodeStatus).toBe('check_failed');
    expect(body.organisation.creditCode).toBe('91350211M0000XUF46');
    expect(body.warnings).toHaveLength(1);
    expect(body.warnings[0]).toMatchObject({ field: 'creditCode', code: 'credit_code.check_failed' });
    expect(body.warnings[0].message).toContain('R');
    const [row] = await t.db.select().from(organisations).where(eq(organisations.id, body.organisation.id));
    expect(row?.creditCodeStatus).toBe('check_failed');
    const audit = await lastAudit('organisation.create', body.organisation.id);
    expect(audit?.details).toMatchObject({ creditCodeStatus: 'check_failed' });
  });

  it('refuses a malformed credit code with 400 on creditCode', async () => {
    for (const creditCode of [
      '91350102MA0001I00X',
      '91350102MA0001000',
      '91350102MA0001000XX',
      '9135010-MA0001000X',
    ]) {
      const res = await fuzhou.post('/api/organisations', employerInput({ creditCode }));
      expect(res.statusCode, creditCode).toBe(400);
      expect(res.json().code).toBe('credit_code.malformed');
      expect(res.json().fields[0].field).toBe('creditCode');
    }
  });

  it('refuses a duplicate credit code with 409, including the seeded pilot code', async () => {
    const code = validCreditCode();
    await buildEmployer({ creditCode: code });
    const again = await fuzhou.post('/api/organisations', employerInput({ creditCode: code }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'credit_code.duplicate', fields: [{ field: 'creditCode' }] });
    const pilot = await fuzhou.post(
      '/api/organisations',
      employerInput({ creditCode: '91350100M0001TGQXM' }),
    );
    expect(pilot.statusCode).toBe(409);
  });

  it('needs a credit code for an employer, but not for an association', async () => {
    const res = await fuzhou.post('/api/organisations', employerInput({ creditCode: null }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'credit_code.required', fields: [{ field: 'creditCode' }] });
    const empty = await fuzhou.post('/api/organisations', employerInput({ creditCode: undefined }));
    expect(empty.statusCode).toBe(400);
    const association = await fuzhou.post('/api/organisations', {
      kind: 'industry_association',
      name: '福州市测试行业协会',
      jurisdictionCode: '350100',
    });
    expect(association.statusCode).toBe(201);
    expect(association.json().organisation).toMatchObject({ creditCode: null, creditCodeStatus: null });
  });

  it('refuses an unknown industry code with 400 on industryCode', async () => {
    const res = await fuzhou.post('/api/organisations', employerInput({ industryCode: '99' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'industry.unknown', fields: [{ field: 'industryCode' }] });
    expect(res.json().message).toContain('99');
    const shape = await fuzhou.post('/api/organisations', employerInput({ industryCode: '4a' }));
    expect(shape.statusCode).toBe(400);
    expect(shape.json().fields[0].field).toBe('industryCode');
  });

  it('needs a department for a member department, and only there', async () => {
    const missing = await fuzhou.post('/api/organisations', {
      kind: 'member_department',
      name: '福州市测试局',
      jurisdictionCode: '350100',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'department.required', fields: [{ field: 'department' }] });
    const extra = await fuzhou.post('/api/organisations', employerInput({ department: 'finance' }));
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ code: 'department.only_member', fields: [{ field: 'department' }] });
    const ok = await fuzhou.post('/api/organisations', {
      kind: 'member_department',
      department: 'emergency',
      name: '福州市测试应急局',
      jurisdictionCode: '350100',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().organisation.department).toBe('emergency');
  });

  it('refuses a jurisdiction outside the scope with 400 on jurisdictionCode', async () => {
    for (const jurisdictionCode of ['350200', '350000', '220100', '350128', '350199']) {
      const res = await fuzhou.post('/api/organisations', employerInput({ jurisdictionCode }));
      expect(res.statusCode, jurisdictionCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'jurisdiction.unknown',
        fields: [{ field: 'jurisdictionCode' }],
      });
    }
  });

  it('refuses input of the wrong type with 400 naming the field', async () => {
    const res = await fuzhou.post('/api/organisations', employerInput({ name: 123 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation.failed');
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['name']);
    const kind = await fuzhou.post('/api/organisations', employerInput({ kind: 'bank' }));
    expect(kind.statusCode).toBe(400);
    expect(kind.json().fields[0].field).toBe('kind');
    const phone = await fuzhou.post('/api/organisations', employerInput({ contactPhone: 'call me' }));
    expect(phone.statusCode).toBe(400);
    expect(phone.json().fields[0].field).toBe('contactPhone');
    const short = await fuzhou.post('/api/organisations', employerInput({ name: ' 福 ' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().fields[0].field).toBe('name');
  });

  it('answers in English with Accept-Language: en', async () => {
    const en = { 'accept-language': 'en' };
    const invalid = await fuzhou.post('/api/organisations', employerInput({ name: 123 }), en);
    expect(invalid.json().message).toMatch(/^Some fields are invalid: name /);
    expect(invalid.json().fields[0].message).toBe('Required: text');
    const duplicate = await fuzhou.post(
      '/api/organisations',
      employerInput({ creditCode: '91310110666007217T' }),
      en,
    );
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().message).toBe(
      'An organisation with this unified social credit code already exists',
    );
    const warned = await fuzhou.post(
      '/api/organisations',
      employerInput({ creditCode: checkFailedCreditCode() }),
      en,
    );
    expect(warned.statusCode).toBe(201);
    expect(warned.json().warnings[0].message).toMatch(
      /^Unified social credit code check character does not match/,
    );
    const zh = await fuzhou.post('/api/organisations', employerInput({ industryCode: '99' }));
    expect(zh.json().message).toBe('国民经济行业代码不存在：99');
  });
});

describe('update', () => {
  it('edits an organisation, keeps its own credit code, and audits the changed fields without personal data', async () => {
    const org = await buildEmployer();
    const res = await fuzhou.put(
      `/api/organisations/${org.id}`,
      employerInput({
        name: '福州更名后的企业有限公司',
        creditCode: org.creditCode,
        jurisdictionCode: '350181',
        contactName: '林新',
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().organisation).toMatchObject({
      id: org.id,
      name: '福州更名后的企业有限公司',
      creditCode: org.creditCode,
      jurisdictionCode: '350181',
      contactName: '林新',
    });
    expect(res.json().warnings).toEqual([]);
    const audit = await lastAudit('organisation.update', org.id);
    expect(audit).toMatchObject({
      actorUsername: 'fuzhou',
      targetType: 'organisation',
      jurisdictionPath: '100000/350000/350100/350181',
    });
    const details = audit?.details as Record<string, unknown>;
    expect(details.changedFields).toEqual(
      expect.arrayContaining(['name', 'contactName', 'jurisdictionCode']),
    );
    expect(details.name).toBe('福州更名后的企业有限公司');
    expect(details.jurisdictionCode).toBe('350181');
    expect(JSON.stringify(details)).not.toContain('林新');
  });

  it('refuses to take another organisation’s credit code (409) or to move out of scope (400)', async () => {
    const a = await buildEmployer();
    const b = await buildEmployer();
    const clash = await fuzhou.put(`/api/organisations/${b.id}`, employerInput({ creditCode: a.creditCode }));
    expect(clash.statusCode).toBe(409);
    const away = await fuzhou.put(
      `/api/organisations/${b.id}`,
      employerInput({ creditCode: b.creditCode, jurisdictionCode: '350200' }),
    );
    expect(away.statusCode).toBe(400);
    expect(away.json().fields[0].field).toBe('jurisdictionCode');
    const [row] = await t.db.select().from(organisations).where(eq(organisations.id, b.id));
    expect(row?.creditCode).toBe(b.creditCode);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await fuzhou.put('/api/organisations/999999', employerInput())).statusCode).toBe(404);
    expect((await fuzhou.get('/api/organisations/999999')).statusCode).toBe(404);
    const bad = await fuzhou.get('/api/organisations/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('id');
  });
});

describe('list and search', () => {
  it('searches by part of the name and by part of the credit code', async () => {
    const byName = await fuzhou.get(`/api/organisations?search=${encodeURIComponent('闽江化工')}`);
    expect(byName.statusCode).toBe(200);
    expect(byName.json().items.map((o: OrganisationDto) => o.name)).toEqual(['福州闽江化工有限公司']);
    expect(byName.json().total).toBe(1);
    const byCode = await fuzhou.get('/api/organisations?search=m0001tgq');
    expect(byCode.json().items.map((o: OrganisationDto) => o.creditCode)).toEqual(['91350100M0001TGQXM']);
    const none = await fuzhou.get(`/api/organisations?search=${encodeURIComponent('100%_')}`);
    expect(none.json()).toEqual({ items: [], total: 0 });
  });

  it('pages with page, pageSize and total', async () => {
    const all = await fuzhou.get('/api/organisations?pageSize=200');
    const total = all.json().total as number;
    expect(total).toBe(all.json().items.length);
    expect(total).toBeGreaterThan(10);
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(total / 4); page++) {
      const res = await fuzhou.get(`/api/organisations?page=${page}&pageSize=4`);
      expect(res.json().total).toBe(total);
      expect(res.json().items.length).toBe(Math.min(4, total - (page - 1) * 4));
      seen.push(...res.json().items.map((o: OrganisationDto) => o.id));
    }
    expect(seen).toEqual(all.json().items.map((o: OrganisationDto) => o.id));
    const past = await fuzhou.get(`/api/organisations?page=${Math.ceil(total / 4) + 1}&pageSize=4`);
    expect(past.json()).toEqual({ items: [], total });
    expect((await fuzhou.get('/api/organisations?pageSize=201')).statusCode).toBe(400);
    expect((await fuzhou.get('/api/organisations?page=0')).json().fields[0].field).toBe('page');
  });

  it('sorts by jurisdiction, creation time and name in either order', async () => {
    const codes = async (order: string) =>
      (await fuzhou.get(`/api/organisations?pageSize=200&sort=jurisdiction&order=${order}`))
        .json()
        .items.map((o: OrganisationDto) => o.jurisdictionCode);
    const asc = await codes('asc');
    expect(asc).toEqual([...asc].sort());
    const descending = await codes('desc');
    expect(descending).toEqual([...asc].sort().reverse());
    const created = (await fuzhou.get('/api/organisations?pageSize=200&sort=createdAt&order=desc'))
      .json()
      .items.map((o: OrganisationDto) => o.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const names = async (order: string) =>
      (await fuzhou.get(`/api/organisations?pageSize=200&sort=name&order=${order}`))
        .json()
        .items.map((o: OrganisationDto) => o.name);
    expect(await names('desc')).toEqual((await names('asc')).reverse());
    expect((await fuzhou.get('/api/organisations?sort=secret')).statusCode).toBe(400);
  });

  it('filters by jurisdiction (and below) and by kind and department', async () => {
    const gulou = await fuzhou.get('/api/organisations?jurisdiction=350102&kind=employer&pageSize=200');
    expect(gulou.statusCode).toBe(200);
    const items = gulou.json().items as OrganisationDto[];
    expect(items.map((o) => o.name)).toContain('福州榕城建筑工程有限公司');
    expect(items.every((o) => o.jurisdictionCode === '350102' && o.kind === 'employer')).toBe(true);
    const province = await fujian.get('/api/organisations?jurisdiction=350100&pageSize=200');
    expect(
      (province.json().items as OrganisationDto[]).every((o) => o.jurisdictionCode.startsWith('3501')),
    ).toBe(true);
    const finance = await fujian.get('/api/organisations?kind=member_department&department=finance');
    expect(
      finance
        .json()
        .items.map((o: OrganisationDto) => o.name)
        .sort(),
    ).toEqual(['福州市财政局', '福建省财政厅']);
    const outside = await fuzhou.get('/api/organisations?jurisdiction=350200');
    expect(outside.statusCode).toBe(404);
  });

  it('keeps each officer within its scope', async () => {
    const fuzhouItems = (await fuzhou.get('/api/organisations?pageSize=200')).json()
      .items as OrganisationDto[];
    expect(fuzhouItems.some((o) => o.name === '厦门鹭岛石材加工有限公司')).toBe(false);
    expect(fuzhouItems.some((o) => o.name.startsWith('吉林') || o.name.startsWith('长春'))).toBe(false);
    const fujianItems = (await fujian.get('/api/organisations?pageSize=200')).json()
      .items as OrganisationDto[];
    expect(fujianItems.some((o) => o.name === '厦门鹭岛石材加工有限公司')).toBe(true);
    expect(fujianItems.some((o) => o.name === '吉林省建筑业协会')).toBe(false);
  });
});

describe('access', () => {
  it('hides a Fuzhou organisation from an officer of sibling Xiamen (404, not in lists)', async () => {
    const org = await buildEmployer();
    expect((await xiamenOfficer.get(`/api/organisations/${org.id}`)).statusCode).toBe(404);
    const put = await xiamenOfficer.put(
      `/api/organisations/${org.id}`,
      employerInput({ creditCode: org.creditCode, jurisdictionCode: '350203' }),
    );
    expect(put.statusCode).toBe(404);
    const list = await xiamenOfficer.get('/api/organisations?pageSize=200');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((o: OrganisationDto) => o.id)).not.toContain(org.id);
    expect(list.json().items.map((o: OrganisationDto) => o.name)).toContain('厦门鹭岛石材加工有限公司');
    const search = await xiamenOfficer.get(`/api/organisations?search=${org.creditCode}`);
    expect(search.json()).toEqual({ items: [], total: 0 });
    const [row] = await t.db.select().from(organisations).where(eq(organisations.id, org.id));
    expect(row?.jurisdictionId).not.toBeNull();
    expect(row?.name).toBe(org.name);
  });

  it('refuses writes to a member officer with 403', async () => {
    const org = await buildEmployer();
    const post = await memberOfficer.post('/api/organisations', employerInput());
    expect(post.statusCode).toBe(403);
    expect(post.json().code).toBe('auth.forbidden');
    const put = await memberOfficer.put(
      `/api/organisations/${org.id}`,
      employerInput({ creditCode: org.creditCode, name: '不应改名' }),
    );
    expect(put.statusCode).toBe(403);
    const [row] = await t.db.select().from(organisations).where(eq(organisations.id, org.id));
    expect(row?.name).toBe(org.name);
  });

  it('needs a session', async () => {
    expect((await t.app.inject({ url: '/api/organisations' })).statusCode).toBe(401);
    const post = await t.app.inject({ method: 'POST', url: '/api/organisations', payload: employerInput() });
    expect(post.statusCode).toBe(401);
  });
});

describe('personal data', () => {
  it('masks contact name and phone for a member officer, without auditing a view', async () => {
    const org = await buildEmployer({ contactName: '陈明', contactPhone: '13900000001' });
    const before = await lastAudit('personal-data.view');
    const res = await memberOfficer.get(`/api/organisations/${org.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      contactName: '陈*',
      contactPhone: '139****0001',
      isPersonalDataMasked: true,
    });
    const list = await memberOfficer.get(`/api/organisations?search=${encodeURIComponent('榕城建筑')}`);
    expect(list.json().items[0]).toMatchObject({
      contactName: '陈**',
      contactPhone: '139****0001',
      isPersonalDataMasked: true,
    });
    expect(res.body).not.toContain('13900000001');
    expect((await lastAudit('personal-data.view'))?.id).toBe(before?.id);
  });

  it('shows an HRSS officer the data unmasked, and audits the view', async () => {
    const org = await buildEmployer({ contactName: '陈明', contactPhone: '13900000001' });
    const res = await fuzhou.get(`/api/organisations/${org.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      contactName: '陈明',
      contactPhone: '13900000001',
      isPersonalDataMasked: false,
    });
    const audit = await lastAudit('personal-data.view', org.id);
    expect(audit).toMatchObject({
      actorUsername: 'fuzhou',
      outcome: 'success',
      targetType: 'organisation',
      jurisdictionPath: '100000/350000/350100',
    });
    expect(audit?.details).toMatchObject({ ids: [org.id], fields: ['contactName', 'contactPhone'] });
  });

  it('audits a list that shows personal data, naming the rows shown', async () => {
    const res = await fuzhou.get(`/api/organisations?search=${encodeURIComponent('榕城建筑')}`);
    const [item] = res.json().items as OrganisationDto[];
    expect(item).toMatchObject({ contactName: '陈建国', contactPhone: '13905910001' });
    const audit = await lastAudit('personal-data.view');
    expect(audit?.actorUsername).toBe('fuzhou');
    expect(audit?.details).toMatchObject({ ids: [item?.id] });
  });
});
