import { and, eq, gt } from 'drizzle-orm';
import ExcelJS from 'exceljs';
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
import { ageBandAt } from '../../platform/privacy/mask.js';
import { organisations } from '../organisations/organisations.tables.js';
import { computeIdCheckChar } from './id-number.js';

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
      idNumber: `350102********${PERSON.slice(-4, -2)}*${PERSON.slice(-1)}`,
      personName: '张**',
      sex: null,
      birthDate: null,
      ageBand: '35-44',
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

/** Every date from 1940 to 2010: the birth dates an attacker tries. */
const DATES = Array.from({ length: 25_933 }, (_, i) =>
  new Date(Date.UTC(1940, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
);

/**
 * An attacker's rebuild of a masked 身份证号 from what a row shows beside it: every birth date
 * consistent with the shown birth date, age band or nothing, every sex digit consistent with the
 * shown sex, kept when the check digit (GB 11643) matches. Returns the distinct values the hidden
 * eight digits can take (stopping past 100); one value means the number was rebuilt.
 */
function rebuildHiddenDigits(row: Record<string, unknown>): Set<string> {
  const masked = String(row.idNumber);
  expect(masked).toMatch(/^\d{6}\*{8}\d{2}[\d*][\dX]$/);
  const occurred = String(row.occurredOn);
  const birthDate = row.birthDate ? String(row.birthDate) : null;
  const sex = row.sex ? String(row.sex) : null;
  const candidates = new Set<string>();
  for (const birth of DATES) {
    if (candidates.size > 100) break;
    if (birthDate && birth !== birthDate) continue;
    if (row.ageBand && ageBandAt(birth, occurred) !== row.ageBand) continue;
    for (let digit = 0; digit <= 9; digit++) {
      if (masked[16] !== '*' && String(digit) !== masked[16]) continue;
      if (sex && (sex === 'male') !== (digit % 2 === 1)) continue;
      const first17 = `${masked.slice(0, 6)}${birth.replaceAll('-', '')}${masked.slice(14, 16)}${digit}`;
      if (computeIdCheckChar(first17) === masked[17]) candidates.add(birth.replaceAll('-', ''));
    }
  }
  return candidates;
}

describe('a masked 身份证号 cannot be rebuilt from what is shown beside it (issue 13, item 1)', () => {
  let officer: Agent;
  let bearer: Record<string, string>;
  const PEOPLE = Array.from({ length: 12 }, (_, n) => ({
    birth: `19${70 + n}-0${(n % 9) + 1}-1${n % 10}`,
    sex: n % 2 === 0 ? ('male' as const) : ('female' as const),
  }));
  const ids = PEOPLE.map((p, n) => makeIdNumber('350103', p.birth, p.sex, 300 + n));

  beforeAll(async () => {
    await fuzhou.request({
      method: 'POST',
      url: '/api/exchange/batches?domain=injuries&fileName=rebuild.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(
        toCsv([
          INJURY_HEADER,
          ...PEOPLE.map((p, n) =>
            injuryRow(300 + n, {
              caseNo: `榕人社工认〔2023〕${3000 + n}号`,
              jurisdiction: '350103',
              idNumber: ids[n],
              birth: p.birth,
              sex: p.sex === 'male' ? '男' : '女',
              occurred: '2023-05-05',
              determined: '2023-06-06',
            }),
          ),
        ]),
      ),
    });
    await t.app.jobs.idle();
    const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    officer = await t.signIn(user.username, TEST_PASSWORD);
    const [emergency] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州市应急管理局'));
    const issued = await fuzhou.post('/api/api-tokens', {
      organisationId: emergency?.id,
      name: '应急局接口（脱敏测试）',
    });
    bearer = { authorization: `Bearer ${issued.json().token}` };
  });

  const viewers = () => [
    { who: 'member-unit officer', get: (url: string) => officer.get(url) },
    { who: 'data-submission API token', get: (url: string) => t.app.inject({ url, headers: bearer }) },
  ];

  it('gives no row’s hidden digits in the list, to an officer or an API token', async () => {
    // The attack works: what the list showed before (birth date beside the number) rebuilds it.
    const before = {
      idNumber: `${ids[0]?.slice(0, 6)}********${ids[0]?.slice(-4)}`,
      birthDate: '1970-01-10',
    };
    expect([...rebuildHiddenDigits({ ...before, occurredOn: '2023-05-05' })]).toEqual(['19700110']);
    for (const viewer of viewers()) {
      const response = await viewer.get('/api/injuries?jurisdiction=350103&year=2023&pageSize=50');
      // A token may lose read access to injuries altogether (item 8): then nothing is shown at all.
      if (viewer.who.includes('token') && response.statusCode === 403) continue;
      expect(response.statusCode, viewer.who).toBe(200);
      const items = response.json().items as Record<string, unknown>[];
      expect(items).toHaveLength(12);
      for (const row of items) {
        expect(row).toMatchObject({ isMasked: true, birthDate: null, sex: null });
        // A ten-year age band and a hidden sex digit leave hundreds of dates, not one.
        expect(rebuildHiddenDigits(row).size, `${viewer.who}: ${row.idNumber}`).toBeGreaterThan(100);
      }
      expect(JSON.stringify(items)).not.toMatch(new RegExp(ids.join('|')));
    }
  });

  it('gives none in the CSV and XLSX exports either', async () => {
    for (const viewer of viewers()) {
      const csv = await viewer.get('/api/injuries/export?jurisdiction=350103&year=2023&format=csv');
      if (viewer.who.includes('token') && csv.statusCode === 403) continue;
      expect(csv.statusCode, viewer.who).toBe(200);
      const [header = [], ...lines] = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .map((l) => l.split(','));
      expect(header).toEqual(expect.arrayContaining(['身份证号', '出生日期', '性别', '年龄段', '发生日期']));
      const rowOf = (cells: unknown[]) => ({
        idNumber: cells[header.indexOf('身份证号')],
        birthDate: cells[header.indexOf('出生日期')] || null,
        sex: cells[header.indexOf('性别')] || null,
        ageBand: cells[header.indexOf('年龄段')],
        occurredOn: cells[header.indexOf('发生日期')],
      });
      expect(lines).toHaveLength(12);
      for (const cells of lines) expect(rebuildHiddenDigits(rowOf(cells)).size).toBeGreaterThan(100);
      expect(csv.body).not.toMatch(new RegExp(ids.join('|')));

      const xlsx = await viewer.get('/api/injuries/export?jurisdiction=350103&year=2023&format=xlsx');
      expect(xlsx.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const rows: unknown[][] = [];
      sheet?.eachRow((r) => {
        rows.push((r.values as unknown[]).slice(1));
      });
      expect(rows[0]).toEqual(header);
      expect(rows).toHaveLength(13);
      for (const cells of rows.slice(1)) expect(rebuildHiddenDigits(rowOf(cells)).size).toBeGreaterThan(100);
    }
  });

  it('records each masked view and export once, listing the record ids shown', async () => {
    const since = await t.db.$count(auditLog);
    await officer.get('/api/injuries?jurisdiction=350103&year=2023&pageSize=5');
    await officer.get('/api/injuries/export?jurisdiction=350103&year=2023&format=csv');
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'personal-data.view-masked'), gt(auditLog.id, since)))
      .orderBy(auditLog.id);
    expect(entries.map((e) => e.details)).toEqual([
      expect.objectContaining({ route: 'GET /api/injuries', count: 5, masked: true }),
      expect.objectContaining({ route: 'GET /api/injuries/export (csv)', count: 12, masked: true }),
    ]);
    expect((entries[1]?.details as { ids?: number[] } | undefined)?.ids).toHaveLength(12);
    expect(entries.every((e) => e.targetType === 'injury_case' && e.outcome === 'success')).toBe(true);
  });

  it('shows an HRSS officer the full row with the age band', async () => {
    const list = (await fuzhou.get('/api/injuries?jurisdiction=350103&year=2023&pageSize=50')).json();
    const first = list.items.find((i: { idNumber: string }) => i.idNumber === ids[0]);
    expect(first).toMatchObject({ birthDate: '1970-01-10', sex: 'male', ageBand: '45-54', isMasked: false });
  });
});
