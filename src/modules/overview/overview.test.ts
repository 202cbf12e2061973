import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INJURY_HEADER,
  injuryRow,
  makeCreditCode,
  makeIdNumber,
  toCsv,
} from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { today } from '../../platform/time.js';
import { refreshCoverageCells } from '../training/coverage-cells.service.js';

/**
 * The overview screen's data (AN-7). Known answers: the template has no injuries; the suite imports
 * three determinations of 2025 of three persons — two at a 建筑施工 employer (industry 47xx) in
 * 福州市, one at a non-key-industry employer in 厦门市 — and adds one overdue action item and one
 * overdue rectification in 福州市 (and a closed one, which is not overdue).
 */
let t: TestApp;
let fujian: Agent;
let fuzhou: Agent;
let jilin: Agent;

const PERSONS = [1, 2, 3].map((n) => makeIdNumber('350102', '1985-06-15', 'male', 600 + n));
const NAMES = ['林晓峰', '陈美玲', '黄志强'];

type Raw = Record<string, unknown>;
const rowsOf = (r: unknown) => (r as { rows: Raw[] }).rows;

/** A new employer (the template's are few): the overview's key-industry shares follow its industry. */
async function addEmployer(county: string, n: number, industryCode: string) {
  const creditCode = makeCreditCode(county, n);
  const [row] = rowsOf(
    await t.db.execute(sql`insert into organisations (kind, name, credit_code, industry_code, jurisdiction_id)
      select 'employer', ${`大屏测试单位${n}`}, ${creditCode}, ${industryCode}, id from jurisdictions where code = ${county}
      returning id`),
  );
  return { id: Number(row?.id), creditCode, jurisdiction: county };
}

async function importInjuries(agent: Agent, rows: string[][]) {
  const res = await agent.request({
    method: 'POST',
    url: `/api/exchange/batches?domain=injuries&fileName=overview-${Date.now()}-${rows.length}.csv`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(toCsv([INJURY_HEADER, ...rows]), 'utf8'),
  });
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.idle();
  const batch = (await agent.get(`/api/exchange/batches/${res.json().batch.id}`)).json();
  expect(batch.status, JSON.stringify(batch)).toBe('committed');
}

let construction: { id: number; creditCode: string; jurisdiction: string };
let other: { id: number; creditCode: string; jurisdiction: string };

beforeAll(async () => {
  t = await createTestApp();
  [fujian, fuzhou, jilin] = await Promise.all([t.signIn('fujian'), t.signIn('fuzhou'), t.signIn('jilin')]);
  // 4710 房屋建筑业 (建筑施工); 5110 批发业 (no key industry).
  construction = await addEmployer('350102', 9101, '4710');
  other = await addEmployer('350203', 9102, '5110');
  await importInjuries(fuzhou, [
    injuryRow(1, {
      caseNo: 'OV-1',
      creditCode: construction.creditCode,
      jurisdiction: construction.jurisdiction,
      idNumber: PERSONS[0],
      name: NAMES[0],
      determined: '2025-04-20',
    }),
    injuryRow(2, {
      caseNo: 'OV-2',
      creditCode: construction.creditCode,
      jurisdiction: construction.jurisdiction,
      idNumber: PERSONS[1],
      name: NAMES[1],
      determined: '2025-05-20',
    }),
  ]);
  await importInjuries(fujian, [
    injuryRow(3, {
      caseNo: 'OV-3',
      creditCode: other.creditCode,
      jurisdiction: other.jurisdiction,
      idNumber: PERSONS[2],
      name: NAMES[2],
      determined: '2025-06-20',
    }),
  ]);
  // Overdue work in 福州市: an action item due 2026-01-10, a rectification due 2026-02-01, and a
  // closed item past its deadline (not overdue).
  await t.db.execute(sql`
    with j as (select id from jurisdictions where code = '350100'),
    unit as (select o.id from organisations o where o.kind = 'member_department' and o.jurisdiction_id = (select id from j) order by o.id limit 1),
    m as (insert into meetings (jurisdiction_id, kind, title, report_year, planned_on, status, held_on)
      select id, 'regular', '2025年度联席会议', 2025, '2025-12-01', 'held', '2025-12-01' from j returning id)
    insert into action_items (meeting_id, jurisdiction_id, organisation_id, title, deadline, status, closed_at)
    select m.id, (select id from j), (select id from unit), x.title, x.deadline::date, x.status, x.closed
    from m, (values ('开展建筑施工专项检查', '2026-01-10', 'open', null::timestamptz),
                    ('报送年度工作总结', '2026-01-05', 'closed', now())) as x(title, deadline, status, closed)`);
  await t.db.execute(sql`
    insert into rectifications (jurisdiction_id, employer_id, finding_kind, finding, suggestion, deadline, responsible_organisation_id)
    select j.id, ${construction.id}, 'hazard', '脚手架未设防护栏杆', '限期设置防护栏杆', '2026-02-01',
      (select o.id from organisations o where o.kind = 'member_department' and o.jurisdiction_id = j.id order by o.id limit 1)
    from jurisdictions j where j.code = '350100'`);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

async function overview(agent: Agent, query: string) {
  const res = await agent.get(`/api/overview?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('the overview (AN-7)', () => {
  it("has the dashboard's figures for the same slice, and the hand-computed ones", async () => {
    const query = 'jurisdiction=350000&year=2025&indicator=injury_count';
    const [ov, dashRes] = await Promise.all([
      overview(fujian, query),
      fujian.get(`/api/analytics/dashboard?${query}`),
    ]);
    expect(dashRes.statusCode, dashRes.body).toBe(200);
    const dash = dashRes.json();
    // Equal to the dashboard route, figure for figure.
    expect(ov.headline).toEqual(dash.headline.map(({ definition: _d, ...h }: { definition: string }) => h));
    expect(ov.options).toEqual(dash.options);
    expect(ov.map.children.map((c: Raw) => [c.code, c.value])).toEqual(
      dash.main.children.filter((c: Raw) => c.row !== '').map((c: Raw) => [c.row, c.value]),
    );
    expect(ov.trend.map((p: Raw) => p.value)).toEqual(dash.main.trend.map((c: Raw) => c.value));
    // By hand: three determinations of three persons in 2025 (persons = cases).
    const count = ov.headline.find((h: Raw) => h.code === 'injury_count');
    expect(count.value).toBe(3);
    const byChild = Object.fromEntries(ov.map.children.map((c: Raw) => [c.code, c.value]));
    expect(byChild['350100']).toBe(2);
    expect(byChild['350200']).toBe(1);
    expect(byChild['350300']).toBe(0);
    expect(ov.trend.find((p: Raw) => p.year === 2025).value).toBe(3);
    expect(ov.trend.find((p: Raw) => p.year === 2024).value).toBe(0);
    // Key industries: 2 of the 3 at the 建筑施工 employer = 66.67 %; none in the others.
    expect(ov.keyIndustries.injuries).toBe(3);
    const shares = new Map<string, unknown[]>(
      ov.keyIndustries.items.map((k: Raw) => [k.name, [k.injuries, k.sharePct]]),
    );
    expect(shares.get('建筑施工')?.[0]).toBe(2);
    expect(shares.get('建筑施工')?.[1]).toBeCloseTo(200 / 3, 6);
    for (const name of ['危险化学品', '矿山', '交通运输', '机械制造'])
      expect(shares.get(name)).toEqual([0, 0]);
  });

  it('has the targets route’s assessment of the key-industry rate', async () => {
    const [ov, targets] = await Promise.all([
      overview(fujian, 'jurisdiction=350100&year=2025'),
      fujian.get('/api/analytics/targets?jurisdiction=350100').then((r) => r.json()),
    ]);
    expect(ov.jurisdiction).toMatchObject({ code: '350100', provinceCode: '350000' });
    expect(ov.target.planPeriod.code).toBe(targets.planPeriod.code);
    expect(ov.target.status).toBe(targets.jurisdiction.status);
    expect(ov.target.latest).toBe(targets.jurisdiction.latest);
    expect(ov.target.series).toEqual(targets.jurisdiction.series);
  });

  it('lists the overdue work of the subtree, without the closed item', async () => {
    const ov = await overview(fujian, 'jurisdiction=350000&year=2025');
    const asOf = today();
    expect(ov.asOf).toBe(asOf);
    expect(ov.overdue.actionItems.total).toBe(1);
    const item = ov.overdue.actionItems.items[0];
    expect(item.title).toBe('开展建筑施工专项检查');
    expect(item.jurisdictionName).toBe('福州市');
    // Days from 2026-01-10 to today.
    expect(item.daysOverdue).toBe(Math.round((Date.parse(asOf) - Date.parse('2026-01-10')) / 86_400_000));
    expect(ov.overdue.rectifications.total).toBe(1);
    expect(ov.overdue.rectifications.items[0]).toMatchObject({
      findingKind: 'hazard',
      deadline: '2026-02-01',
    });
    // 厦门市 has none.
    const xm = await overview(fujian, 'jurisdiction=350200&year=2025');
    expect(xm.overdue.actionItems.total).toBe(0);
    expect(xm.overdue.rectifications.total).toBe(0);
  });

  it('renders every panel of the registry', async () => {
    const ov = await overview(fujian, 'jurisdiction=350000&year=2025');
    expect(ov.panels.map((p: Raw) => p.key)).toEqual(['training', 'publicity', 'risk', 'crosschecks']);
    for (const p of ov.panels) expect(['ok', 'no_data']).toContain(p.status);
    type Panel = { key: string; status: string; figures: { label: string; value: number }[] };
    const panel = (key: string) => (ov.panels as Panel[]).find((p) => p.key === key) as Panel;
    // The same figures as the risk page and the cross-checks page (one count each, shown twice).
    const risk = (await fujian.get('/api/risk/scores?jurisdiction=350000&year=2025&pageSize=1')).json();
    const graded = risk.grades.reduce((n: number, g: { employers: number }) => n + g.employers, 0);
    if (graded === 0) expect(panel('risk').status).toBe('no_data');
    else
      expect(panel('risk').figures.map((f) => f.value)).toEqual(
        risk.grades.map((g: { employers: number }) => g.employers),
      );
    const hits = (
      await fujian.get('/api/crosschecks/hits?jurisdiction=350000&status=standing&pageSize=1')
    ).json();
    if (hits.total === 0) expect(panel('crosschecks').status).toBe('no_data');
    else expect(panel('crosschecks').figures[0]?.value).toBe(hits.total);
    const en = await fujian.get('/api/overview?jurisdiction=350000&year=2025', { 'accept-language': 'en' });
    expect(en.json().panels[0].title).toBe('Key-post training coverage');
  });

  it('never carries personal data', async () => {
    const res = await fujian.get('/api/overview?jurisdiction=350000&year=2025');
    const body = res.body;
    for (const id of PERSONS) expect(body).not.toContain(id);
    for (const name of NAMES) expect(body).not.toContain(name);
    // No 18-character ID number, no mobile number, no case number, no employer of a rectification.
    expect(body).not.toMatch(/\d{17}[\dX]/);
    expect(body).not.toMatch(/1[3-9]\d{9}/);
    expect(body).not.toContain('OV-1');
    expect(body).not.toContain(construction.creditCode);
    expect(body).not.toContain('脚手架未设防护栏杆');
  });

  it("refuses a sibling's and an outside jurisdiction, and the unpermitted", async () => {
    expect((await fuzhou.get('/api/overview?jurisdiction=350200')).statusCode).toBe(404);
    expect((await fuzhou.get('/api/overview/version?jurisdiction=350200')).statusCode).toBe(404);
    expect((await jilin.get('/api/overview?jurisdiction=350000')).statusCode).toBe(404);
    // Its own and below are fine.
    expect((await fuzhou.get('/api/overview?jurisdiction=350102')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/overview' })).statusCode).toBe(401);
  });

  it('moves its version after an import, and then has the new figure', async () => {
    const before = (await fujian.get('/api/overview/version?jurisdiction=350000')).json();
    expect((await fujian.get('/api/overview/version?jurisdiction=350000')).json().version).toBe(
      before.version,
    );
    const ov = await overview(fujian, 'jurisdiction=350000&year=2025&indicator=injury_count');
    expect(ov.version).toBe(before.version);
    await importInjuries(fuzhou, [
      injuryRow(4, {
        caseNo: 'OV-4',
        creditCode: construction.creditCode,
        jurisdiction: construction.jurisdiction,
        idNumber: makeIdNumber('350102', '1985-06-15', 'male', 604),
        determined: '2025-07-20',
      }),
    ]);
    const after = (await fujian.get('/api/overview/version?jurisdiction=350000')).json();
    expect(after.version).not.toBe(before.version);
    const next = await overview(fujian, 'jurisdiction=350000&year=2025&indicator=injury_count');
    // 3 + 1 determinations; 福州市 2 + 1.
    expect(next.headline.find((h: Raw) => h.code === 'injury_count').value).toBe(4);
    expect(next.map.children.find((c: Raw) => c.code === '350100').value).toBe(3);
    expect(next.version).toBe(after.version);
  });

  it('serves repeated polls one kept answer, and assembles afresh when a new cross-check hit moves the version', async () => {
    const query = 'jurisdiction=350000&year=2025&indicator=injury_count';
    const v1 = (await fujian.get('/api/overview/version?jurisdiction=350000')).json().version;
    const first = await overview(fujian, query);
    const open = (ov: Raw) =>
      ((ov.panels as { key: string; figures: { value: number }[] }[]).find((p) => p.key === 'crosschecks')
        ?.figures[0]?.value ?? 0) as number;
    const before = open(first);
    // Written behind the service's back: a kept answer would go on showing the old count, unless the
    // version (the hits' primary-key maximum) moves.
    await t.db.execute(sql`
      insert into crosscheck_hits (rule_code, subject_key, employer_id, jurisdiction_id, owner_department, evidence, detected_on, deadline)
      select r.code, 'overview-test:1', ${other.id}, o.jurisdiction_id, r.owner_department, '{}'::jsonb, '2026-12-01', '2099-12-31'
      from crosscheck_rules r, organisations o where o.id = ${other.id} order by r.id limit 1`);
    const v2 = (await fujian.get('/api/overview/version?jurisdiction=350000')).json().version;
    expect(v2).not.toBe(v1);
    const next = await overview(fujian, query);
    expect(next.version).toBe(v2);
    // One more open suspect record in 福建 (厦门市), and nothing else changed.
    expect(open(next)).toBe(before + 1);
    expect(next.headline).toEqual(first.headline);
    // The same version again: the kept answer, figure for figure.
    expect(await overview(fujian, query)).toEqual(next);
  });

  it('never lets two jurisdictions share a kept answer, though their version is the same', async () => {
    const province = await overview(fujian, 'jurisdiction=350000&year=2025&indicator=injury_count');
    const city = await overview(fujian, 'jurisdiction=350100&year=2025&indicator=injury_count');
    const again = await overview(fujian, 'jurisdiction=350000&year=2025&indicator=injury_count');
    expect(city.version).toBe(province.version);
    expect(province.jurisdiction.code).toBe('350000');
    expect(city.jurisdiction.code).toBe('350100');
    expect(again.jurisdiction.code).toBe('350000');
    // 福建: 4 determinations of 2025 (after the import above); 福州市: 3 of them.
    expect(province.headline.find((h: Raw) => h.code === 'injury_count').value).toBe(4);
    expect(city.headline.find((h: Raw) => h.code === 'injury_count').value).toBe(3);
    // Another province's officer at the same version: its own province only.
    const jl = await overview(jilin, 'jurisdiction=220000&year=2025&indicator=injury_count');
    expect(jl.jurisdiction.code).toBe('220000');
    expect(jl.headline.find((h: Raw) => h.code === 'injury_count').value).toBe(0);
  });

  it('moves its version when a campaign is planned and recorded or a key post is taken, and then has the new figures', async () => {
    const query = 'jurisdiction=350000&year=2026&indicator=injury_count';
    const figure = (ov: Raw, key: string, label: string) =>
      ((ov.panels as { key: string; figures: { label: string; value: number }[] }[])
        .find((p) => p.key === key)
        ?.figures.find((f) => f.label.includes(label))?.value ?? 0) as number;
    const version = async () =>
      (await fujian.get('/api/overview/version?jurisdiction=350000')).json().version;
    // The cells of today, so that the training panel reads them and its stamp has a day.
    await refreshCoverageCells(t.db);
    const v0 = await version();
    const first = await overview(fujian, query);
    expect(first.version).toBe(v0);

    // A campaign planned: one more planned, none more held.
    const created = await fujian.post('/api/publicity/campaigns', {
      title: '大屏测试集中宣传',
      industries: ['建筑施工'],
      topics: ['work_safety'],
      organisers: [{ kind: 'member_unit', name: '住建厅' }],
      channels: ['tv'],
      startsOn: '2026-06-01',
      endsOn: '2026-06-30',
    });
    expect(created.statusCode, created.body).toBe(201);
    const v1 = await version();
    expect(v1).not.toBe(v0);
    const planned = await overview(fujian, query);
    expect(figure(planned, 'publicity', '已计划未开展')).toBe(figure(first, 'publicity', '已计划未开展') + 1);
    // Recorded: held one more, planned back where it was.
    const recorded = await fujian.post(`/api/publicity/campaigns/${created.json().id}/record`, {
      events: 2,
      views: 100,
      participants: 40,
      enterprisesReached: 5,
      reachSource: '签到表',
      summary: '按计划开展',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const v2 = await version();
    expect(v2).not.toBe(v1);
    const held = await overview(fujian, query);
    expect(figure(held, 'publicity', '集中宣传已开展')).toBe(
      figure(first, 'publicity', '集中宣传已开展') + 1,
    );
    expect(figure(held, 'publicity', '已计划未开展')).toBe(figure(first, 'publicity', '已计划未开展'));

    // A key post taken at a construction employer (a key industry): one more post on the panel.
    const employer = await addEmployer('350102', 99, '4720');
    const holder = await fujian.post('/api/training/holders', {
      employerId: employer.id,
      roleCode: 'principal',
      personName: '郑大屏',
      idNumber: makeIdNumber('350102', '1980-03-15', 'male', 991),
      startedOn: '2026-01-05',
    });
    expect(holder.statusCode, holder.body).toBe(201);
    const v3 = await version();
    expect(v3).not.toBe(v2);
    const posted = await overview(fujian, query);
    expect(posted.version).toBe(v3);
    expect(figure(posted, 'training', '重点岗位')).toBe(figure(first, 'training', '重点岗位') + 1);
  });
});
