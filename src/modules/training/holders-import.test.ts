import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { fixedClock } from '../../platform/time.js';
import { findPlanPeriod } from '../enterprises/enterprises.service.js';
import { computeIdCheckChar } from '../exchange/id-number.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { computeCreditCodeCheckChar } from '../organisations/credit-code.js';
import { organisations } from '../organisations/organisations.tables.js';
import { canReadCells, refreshCoverageCells } from './coverage-cells.service.js';

/**
 * Key-post holders by file (TR-1), as of 2026-06-30 (2026–2030: four key posts, 90 days' grace).
 * Every expected count and rejected line is worked out by hand in the comments.
 */
let t: TestApp;
let fuzhou: Agent;
const code = {} as Record<'A' | 'B' | 'D' | 'X', string>;
const ids = {} as Record<'A' | 'B' | 'D' | 'X', number>;

function person(n: number): string {
  const first17 = `350121198502${String(n).padStart(2, '0')}${String(200 + n).slice(-3)}`;
  return first17 + computeIdCheckChar(first17);
}
const p = (n: number) => person(n);

function creditCode(n: number): string {
  const first17 = `91350121MA${String(1000000 + n).slice(-7)}`;
  return first17 + computeCreditCodeCheckChar(first17);
}

async function addEmployer(name: string, county: string, industryCode: string, n: number) {
  const [j] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, county));
  const cc = creditCode(n);
  const [row] = await t.db
    .insert(organisations)
    .values({ kind: 'employer', name, industryCode, creditCode: cc, jurisdictionId: j?.id as number })
    .returning({ id: organisations.id });
  return { id: row?.id as number, cc };
}

async function upload(agent: Agent, fileName: string, body: Buffer, language = 'zh-CN') {
  return agent.request({
    method: 'POST',
    url: `/api/training/holders/import?fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': 'application/octet-stream', 'accept-language': language },
    payload: body,
  });
}

const HEADER = '统一社会信用代码,岗位,姓名,身份证号,任职日期,离任日期';
const badId = `${p(9).slice(0, 17)}${p(9).endsWith('0') ? '1' : '0'}`;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-06-30T04:00:00Z') });
  fuzhou = await t.signIn('fuzhou');
  for (const [k, name, county, industry, n] of [
    ['A', '闽侯导入建筑有限公司', '350121', '4710', 1],
    ['B', '闽侯导入化工有限公司', '350121', '2614', 2],
    ['D', '闽侯导入食品有限公司', '350121', '1310', 3],
    ['X', '厦门导入建筑有限公司', '350203', '4710', 4],
  ] as const) {
    const e = await addEmployer(name, county, industry, n);
    ids[k] = e.id;
    code[k] = e.cc;
  }
});
afterAll(async () => t?.close());

describe('key-post holders by file (TR-1)', () => {
  it('keeps the valid rows of a UTF-8 (BOM) CSV and answers each other row with its line and reason', async () => {
    const lines = [
      HEADER,
      `${code.A},主要负责人,张一,${p(1)},2025-01-01,`, // 2 added
      `${code.A},team_leader,张一,${p(1)},2025-01-01,`, // 3 added: the same person, a second post
      `91350121MA0000000X,主要负责人,某人,${p(2)},2025-01-01,`, // 4 unknown employer
      `${code.D},主要负责人,钱五,${p(5)},2025-01-01,`, // 5 not a key enterprise (food)
      `${code.A},分管负责人,王二,${badId},2025-01-01,`, // 6 check digit wrong
      `${code.A},厂长,孙六,${p(6)},2025-01-01,`, // 7 no such post in 2026–2030
      `${code.A},分管负责人,李三,${p(3)},2025/3/1,`, // 8 added
      `${code.A},deputy,李三,${p(3)},2025-03-01,`, // 9 the same person and post again
      `${code.B},安全健康管理部门主要负责人,赵四,${p(4)},2024-01-01,2026-03-01`, // 10 added, already ended
      `${code.X},主要负责人,周七,${p(7)},2025-01-01,`, // 11 Xiamen: outside Fuzhou's scope
    ];
    const body = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
    const res = await upload(fuzhou, 'holders.csv', body);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ rows: 10, added: 4, ended: 0, unchanged: 0 });
    const reasons = Object.fromEntries(
      r.rejected.map((x: { line: number; issues: { column: string; code: string }[] }) => [
        x.line,
        x.issues.map((i) => `${i.column}:${i.code}`),
      ]),
    );
    expect(reasons).toEqual({
      4: ['creditCode:holders.employer_unknown'],
      5: ['creditCode:training.not_key_enterprise'],
      6: ['idNumber:training.id_number_invalid'],
      7: ['role:training.role_unknown'],
      9: ['idNumber:holders.duplicate_in_file'],
      11: ['creditCode:holders.employer_unknown'],
    });
    const six = r.rejected.find((x: { line: number }) => x.line === 6);
    expect(six.issues[0].message).toBe('身份证号无效：校验码错误');
  });

  it('ends a duty by an end date, leaves a repeated row unchanged, and counts each post once (GBK CSV)', async () => {
    const text = [
      HEADER,
      `${code.A},分管负责人,李三,${p(3)},2025-03-01,2026-05-31`, // ends p3's deputy post
      `${code.A},主要负责人,张一,${p(1)},2025-01-01,`, // already registered: unchanged
    ].join('\r\n');
    const res = await upload(fuzhou, 'holders-gbk.csv', iconv.encode(text, 'gbk'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, added: 0, ended: 1, unchanged: 1, rejected: [] });
    // Live on 2026-06-30 in 闽侯县: p1 principal and p1 team leader (A). p3 left on 2026-05-31 and
    // p4 on 2026-03-01. Two posts, both due (started 2025), none trained.
    const c = (await fuzhou.get('/api/training/coverage?jurisdiction=350121')).json();
    expect(c.totals).toEqual({ posts: 2, due: 2, inGrace: 0, trained: 0, untrained: 2, coveragePct: 0 });
  });

  it('reads XLSX, and an employer account imports its own holders without the credit-code column', async () => {
    const user = await t.buildUser({ role: 'employer', jurisdictionCode: '350121', organisationId: ids.A });
    const employer = await t.signIn(user.username, TEST_PASSWORD);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('重点岗位');
    sheet.addRow(['岗位', '姓名', '身份证号', '任职日期']);
    sheet.addRow(['一线班组长', '吴八', p(8), new Date(Date.UTC(2026, 5, 1))]); // added, in grace
    sheet.addRow(['一线班组长', '郑九', p(10), '2027-01-01']); // a date after today
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(employer, 'own.xlsx', body, 'en');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ rows: 2, added: 1 });
    expect(r.rejected).toEqual([
      {
        line: 3,
        issues: [
          {
            column: 'startedOn',
            columnName: 'Started on',
            code: 'training.date_in_future',
            message: 'The date cannot be after today',
          },
        ],
      },
    ]);
    // An employer naming another employer's code is refused on that row.
    const other = await upload(
      employer,
      'other.csv',
      Buffer.from(`${HEADER}\n${code.B},主要负责人,冯十,${p(11)},2025-01-01,\n`),
    );
    expect(other.json().rejected[0].issues[0].code).toBe('training.own_employer_only');
    // Now three posts in 闽侯县: p1×2 due, p8 in grace (started 2026-06-01 > 2026-04-01).
    const c = (await fuzhou.get('/api/training/coverage?jurisdiction=350121')).json();
    expect(c.totals).toMatchObject({ posts: 3, due: 2, inGrace: 1, trained: 0 });
  });

  it('refuses a file without the required columns, naming them, and keeps nothing', async () => {
    const res = await upload(fuzhou, 'bad.csv', Buffer.from(`姓名,身份证号\n某人,${p(12)}\n`));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ added: 0, rejected: [{ line: 1 }] });
    expect(res.json().rejected[0].issues[0].message).toBe('缺少列：岗位、任职日期');
  });

  it('answers the same coverage from the maintained cells as from the raw rows, and keeps them in step on writes', async () => {
    const raw = (await fuzhou.get('/api/training/coverage?jurisdiction=350100')).json();
    await refreshCoverageCells(t.db);
    const period = await findPlanPeriod(t.db, '2026-2030');
    const probe = {
      planPeriodId: period.id,
      path: '100000/350000/350100',
      asOf: '2026-06-30',
      graceDays: 90,
    };
    expect(await canReadCells(t.db, probe)).toBe(true); // the fast path is the one measured below
    const cells = (await fuzhou.get('/api/training/coverage?jurisdiction=350100')).json();
    expect(cells).toEqual(raw);
    expect(raw.totals.posts).toBe(3);
    // A write refreshes the cells it touches: one more person trained moves the city by one.
    const course = await fuzhou.post('/api/training/courses', {
      title: '导入测试班组长课程',
      form: 'offline',
      roleCodes: ['team_leader'],
      contentItems: ['policy'],
      hours: 8,
    });
    const done = await fuzhou.post('/api/training/completions', {
      courseId: course.json().id,
      personName: '张一',
      idNumber: p(1),
      completedOn: '2026-06-29',
      method: 'offline',
    });
    expect(done.statusCode, done.body).toBe(201);
    const after = (await fuzhou.get('/api/training/coverage?jurisdiction=350100')).json();
    expect(after.totals.trained - cells.totals.trained).toBe(1);
  });
});
