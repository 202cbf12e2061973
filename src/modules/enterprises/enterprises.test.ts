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

/**
 * Known answers: the demo employer 福州榕城建筑工程有限公司 (4710, 建筑施工, 鼓楼区) gets 200 insured in
 * 2025 and four injuries (one death); 福州闽江化工 (2614, 危险化学品) 50 insured and one injury.
 */
let t: TestApp;
let fuzhou: Agent;
const BUILDER = makeCreditCode('350102', 1000);
const CHEMICAL = makeCreditCode('350105', 1001);

async function upload(domain: string, csv: string) {
  const res = await fuzhou.request({
    method: 'POST',
    url: `/api/exchange/batches?domain=${domain}&fileName=${domain}.csv`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv, 'utf8'),
  });
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.idle();
  const batch = (await fuzhou.get(`/api/exchange/batches/${res.json().batch.id}`)).json();
  expect(batch.status, batch.errorMessage).toBe('committed');
  return batch;
}

beforeAll(async () => {
  t = await createTestApp();
  fuzhou = await t.signIn('fuzhou');
  await upload(
    'headcounts',
    [
      '统一社会信用代码,年度,年平均参保人数,年平均缴费人数,职工人数',
      `${BUILDER},2025,200,190,250`,
      `${CHEMICAL},2025,50,50,50`,
    ].join('\n'),
  );
  const rows = [
    injuryRow(1, { creditCode: BUILDER, occurred: '2025-02-01', determined: '2025-03-01' }),
    injuryRow(2, { creditCode: BUILDER, occurred: '2025-05-01', determined: '2025-06-01' }),
    injuryRow(3, { creditCode: BUILDER, occurred: '2025-07-01', determined: '2025-08-01', post: '钢筋工' }),
    injuryRow(4, {
      creditCode: BUILDER,
      occurred: '2025-09-01',
      determined: '2025-10-01',
      severity: '死亡',
      death: '是',
      grade: '',
    }),
    injuryRow(5, {
      creditCode: CHEMICAL,
      jurisdiction: '350105',
      occurred: '2025-04-01',
      determined: '2025-05-01',
      sex: '女',
    }),
  ];
  // Row 5 is a woman: give her a matching ID number.
  (rows[4] as string[])[3] = makeIdNumber('350105', '1990-01-01', 'female', 5);
  (rows[4] as string[])[6] = '1990-01-01';
  await upload('injuries', toCsv([INJURY_HEADER, ...rows]));
});
afterAll(async () => t.close());

describe('key-enterprise ledger (KI-1)', () => {
  it('lists key-industry employers with the year’s headcount, injuries, rate and deaths', async () => {
    const ledger = (await fuzhou.get('/api/enterprises/ledger?year=2025&sort=injuries')).json();
    expect(ledger).toMatchObject({ year: 2025, planPeriod: '2021-2025', category: 'key' });
    const builder = ledger.items.find((r: { creditCode: string }) => r.creditCode === BUILDER);
    expect(builder).toMatchObject({
      keyIndustries: '建筑施工',
      averageInsured: 200,
      employees: 250,
      insuredShare: 80,
      injuries: 4,
      deaths: 1,
      ratePer1000: 20,
    });
    const chemical = ledger.items.find((r: { creditCode: string }) => r.creditCode === CHEMICAL);
    expect(chemical).toMatchObject({ keyIndustries: '危险化学品', injuries: 1, ratePer1000: 20 });
    // Sorted by injuries, most first; a retail firm (52) is not a key industry.
    expect(ledger.items[0].creditCode).toBe(BUILDER);
    expect(ledger.items.some((r: { industryCode: string }) => r.industryCode?.startsWith('52'))).toBe(false);
  });

  it('filters by key industry and search, and exports what it shows as XLSX', async () => {
    const industries = (await fuzhou.get('/api/key-industries?planPeriod=2021-2025&category=key')).json();
    const chemicals = industries.items.find((i: { name: string }) => i.name === '危险化学品');
    const filtered = (
      await fuzhou.get(`/api/enterprises/ledger?year=2025&keyIndustryId=${chemicals.id}`)
    ).json();
    expect(filtered.items.map((r: { creditCode: string }) => r.creditCode)).toEqual([CHEMICAL]);
    const searched = (
      await fuzhou.get(`/api/enterprises/ledger?year=2025&search=${encodeURIComponent('榕城')}`)
    ).json();
    expect(searched.total).toBe(1);
    const file = await fuzhou.get('/api/enterprises/ledger/export?year=2025');
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const names = sheet?.getColumn(1).values.slice(3) ?? [];
    expect(names).toContain('福州榕城建筑工程有限公司');
    expect(sheet?.getRow(2).getCell(10).value).toBe('工伤认定（人次）');
  });

  it('the XLSX export writes labels for codes and numbers as numbers, rounded to their decimals', async () => {
    await upload(
      'employers',
      [
        '统一社会信用代码,单位名称,行政区划代码,行业代码,企业规模,参保状态',
        `${BUILDER},福州榕城建筑工程有限公司,350102,4710,中型,参保`,
      ].join('\n'),
    );
    const file = await fuzhou.get('/api/enterprises/ledger/export?year=2025');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    let builder: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === BUILDER) builder = row;
    });
    const cells = ((builder?.values ?? []) as unknown[]).slice(1);
    // 名称, 信用代码, 行业, 重点行业, 辖区, 参保状态, 参保人数, 职工, 参保率, 人次, 千人率, 死亡, 基金支出（元）
    expect(cells.slice(5, 13)).toEqual(['参保', 200, 250, 80, 4, 20, 1, 346000]);
    const english = await fuzhou.get('/api/enterprises/ledger/export?year=2025', { 'accept-language': 'en' });
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
    let status: unknown;
    en.worksheets[0]?.eachRow((row) => {
      if (row.getCell(2).value === BUILDER) status = row.getCell(6).value;
    });
    expect(status).toBe('Insured');
  });

  it('takes a 2026–2030 addition entered as data (即时配送) into that period’s ledger', async () => {
    const added = await fuzhou.post('/api/key-industries', {
      planPeriod: '2026-2030',
      category: 'key',
      name: '即时配送',
      // Our own test mapping onto road freight (5430), where the demo's logistics firm sits.
      industryPrefixes: ['5430'],
      jurisdictionCode: '350100',
      source: '工伤预防五年行动计划（2026—2030年）',
    });
    expect(added.statusCode).toBe(201);
    const list = (await fuzhou.get('/api/key-industries?planPeriod=2026-2030')).json();
    expect(list.planPeriod).toMatchObject({ targetReductionPct: 10, annualReductionPct: null });
    expect(list.items.find((i: { name: string }) => i.name === '即时配送')).toMatchObject({
      jurisdictionCode: '350100',
    });
    const ledger = (await fuzhou.get('/api/enterprises/ledger?year=2025&planPeriod=2026-2030')).json();
    expect(ledger.items.some((r: { keyIndustries: string }) => r.keyIndustries.includes('即时配送'))).toBe(
      true,
    );
    // Not in the earlier period, and not for a sibling prefecture.
    const earlier = (await fuzhou.get('/api/enterprises/ledger?year=2025&planPeriod=2021-2025')).json();
    expect(earlier.items.some((r: { keyIndustries: string }) => r.keyIndustries.includes('即时配送'))).toBe(
      false,
    );
    const bad = await fuzhou.post('/api/key-industries', {
      planPeriod: '2026-2030',
      category: 'key',
      name: '错误行业',
      industryPrefixes: ['99'],
      jurisdictionCode: '350100',
      source: '测试',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('industryPrefixes.0');
  });

  it('lists dust-hazard employers with their insured share (KI-2)', async () => {
    const dust = (await fuzhou.get('/api/enterprises/ledger?year=2025&category=dust')).json();
    expect(dust.category).toBe('dust');
    for (const row of dust.items)
      expect(
        ['冶金', '建材', '煤矿', '非煤矿山', '陶瓷制造', '水泥制造', '石材加工'].some((n) =>
          row.keyIndustries.includes(n),
        ),
      ).toBe(true);
  });
});

describe('key monitoring (KI-3)', () => {
  it('lists frequent-injury employers against the inherited threshold, with reasons', async () => {
    const monitored = (await fuzhou.get('/api/enterprises/monitoring?year=2025')).json();
    expect(monitored).toMatchObject({ threshold: 3, thresholdDefinedAt: null });
    const builder = monitored.items.find((r: { creditCode: string }) => r.creditCode === BUILDER);
    expect(builder.reasons).toEqual([{ code: 'frequent_injuries', injuries: 4 }]);
    expect(monitored.items.some((r: { creditCode: string }) => r.creditCode === CHEMICAL)).toBe(false);

    // The province raises the threshold: Fuzhou inherits it until it sets its own.
    const fujian = await t.signIn('fujian');
    const set = await fujian.put('/api/settings/monitoring-threshold', {
      jurisdictionCode: '350000',
      value: 5,
    });
    expect(set.json()).toEqual({ value: 5, definedAt: '350000' });
    const inherited = (await fuzhou.get('/api/enterprises/monitoring?year=2025')).json();
    expect(inherited).toMatchObject({ threshold: 5, thresholdDefinedAt: '350000' });
    expect(inherited.items.some((r: { creditCode: string }) => r.creditCode === BUILDER)).toBe(false);
    await fuzhou.put('/api/settings/monitoring-threshold', { jurisdictionCode: '350100', value: 1 });
    const own = (await fuzhou.get('/api/enterprises/monitoring?year=2025')).json();
    expect(own).toMatchObject({ threshold: 1, thresholdDefinedAt: '350100' });
    expect(own.items.some((r: { creditCode: string }) => r.creditCode === CHEMICAL)).toBe(true);
    const outOfRange = await fuzhou.put('/api/settings/monitoring-threshold', {
      jurisdictionCode: '350100',
      value: 0,
    });
    expect(outOfRange.statusCode).toBe(400);
  });
});

describe('shared picture (DX-4)', () => {
  it('counts injury types, posts, age bands × sex and fund expenditure of the scope', async () => {
    const picture = (await fuzhou.get('/api/shared-picture?year=2025')).json();
    expect(picture.injuries).toMatchObject({ cases: 5, persons: 5, deaths: 1 });
    expect(picture.topPosts).toEqual([
      { key: '架子工', count: 4 },
      { key: '钢筋工', count: 1 },
    ]);
    const women = picture.byAgeSex.reduce((n: number, b: { female: number }) => n + b.female, 0);
    expect(women).toBe(1);
    expect(picture.byAgeSex.find((b: { band: string }) => b.band === '35-44').male).toBe(4);
    const fen = picture.bySeverity.reduce(
      (n: number, s: { fundExpenditureFen: number }) => n + s.fundExpenditureFen,
      0,
    );
    expect(fen).toBe(picture.injuries.fundExpenditureFen);
    // A member-unit officer sees the same aggregates; an employer account does not.
    const member = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    const memberAgent = await t.signIn(member.username, TEST_PASSWORD);
    expect((await memberAgent.get('/api/shared-picture?year=2025')).json().injuries.cases).toBe(5);
    const employer = await t.buildUser({ role: 'employer', jurisdictionCode: '350100' });
    expect(
      (await (await t.signIn(employer.username, TEST_PASSWORD)).get('/api/shared-picture')).statusCode,
    ).toBe(403);
  });
});

describe('insured-person list for public display (KI-2)', () => {
  it('lists an employer’s insured persons of a year, always masked, and nothing for a sibling', async () => {
    const woman = makeIdNumber('350102', '1990-02-28', 'female', 5);
    await upload(
      'insuredPersons',
      toCsv([
        ['统一社会信用代码', '年度', '身份证号', '姓名', '参保日期'],
        [BUILDER, '2025', makeIdNumber('350102', '1985-06-15', 'male', 7), '王大锤', '2020-03-01'],
        [BUILDER, '2025', woman, '李小红', '2019-07-01'],
      ]),
    );
    const [employer] = (await fuzhou.get(`/api/organisations?search=${BUILDER}`)).json().items;
    const res = await fuzhou.get(`/api/enterprises/${employer.id}/insured-persons`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list).toMatchObject({ year: 2025, total: 2, averageInsured: 200 });
    // Ordered by insured date; masked although the Fuzhou officer may see personal data.
    expect(list.items[0]).toEqual({
      no: 1,
      name: '李**',
      idNumber: `${woman.slice(0, 6)}********${woman.slice(-4, -2)}*${woman.slice(-1)}`,
      insuredFrom: '2019-07-01',
    });
    expect(res.body).not.toContain('李小红');
    expect(res.body).not.toContain(woman);
    const xiamen = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
    const sibling = await t.signIn(xiamen.username, TEST_PASSWORD);
    expect((await sibling.get(`/api/enterprises/${employer.id}/insured-persons`)).statusCode).toBe(404);
  });
});
