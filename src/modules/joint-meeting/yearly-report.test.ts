import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { fixedClock } from '../../platform/time.js';
import { computeIdCheckChar } from '../exchange/id-number.js';
import { expertDraws, experts, panelMembers } from '../experts/experts.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { preventionBudgets, preventionProjects } from '../projects/projects.tables.js';

/**
 * The yearly implementation report (JM-6) is composed from every programme module that exists: for
 * 宁德市 (350900), where the demo data records nothing, a hand-built year 2026 of prevention-fee
 * money and projects, experts and key-post training, composed on 2026-12-07. Every expected figure
 * is worked out by hand in the comments.
 */
let t: TestApp;
let ningde: Agent;
let ids: Record<'ningde' | 'fuzhou' | 'jiaocheng' | 'applicant', number>;

interface Part {
  key: string;
  status: string;
  rows: { label: string; value: string | number }[];
}
let reportId = 0;
const compose = async () => {
  const response = await ningde.post('/api/implementation-reports', {
    jurisdictionCode: '350900',
    year: 2026,
  });
  expect(response.statusCode, response.body).toBe(200);
  reportId = response.json().id;
  return response.json().parts as Part[];
};
const part = (parts: Part[], key: string) => {
  const found = parts.find((p) => p.key === key);
  if (!found) throw new Error(`no part ${key}`);
  return found;
};
const values = (p: Part) => Object.fromEntries(p.rows.map((r) => [r.label, r.value]));

async function jurisdictionId(code: string) {
  const [row] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  if (!row) throw new Error(`no jurisdiction ${code}`);
  return row.id;
}

function idNumber(n: number) {
  const first17 = `350902198503${String(n).padStart(2, '0')}${String(200 + n).slice(-3)}`;
  return first17 + computeIdCheckChar(first17);
}

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T04:00:00Z') });
  const user = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350900' });
  ningde = await t.signIn(user.username, TEST_PASSWORD);
  ids = {
    ningde: await jurisdictionId('350900'),
    fuzhou: await jurisdictionId('350100'),
    jiaocheng: await jurisdictionId('350902'),
    applicant: 0,
  };
  const [applicant] = await t.db
    .insert(organisations)
    .values({ kind: 'industry_association', name: '宁德市建筑业协会（测试）', jurisdictionId: ids.ningde })
    .returning({ id: organisations.id });
  ids.applicant = applicant?.id as number;
});

afterAll(async () => t?.close());

describe('the yearly implementation report draws on every programme module (JM-6)', () => {
  it('says "no data" where a module has nothing in the year, and no section is "not available" now that every module exists', async () => {
    const parts = await compose();
    for (const key of ['projects', 'experts', 'training', 'publicity', 'rateFloating', 'inspections'])
      expect(part(parts, key), key).toMatchObject({ status: 'no_data', rows: [] });
    expect(parts.filter((p) => p.status === 'not_available').map((p) => p.key)).toEqual([]);
  });

  it('reports the prevention fee and the projects of the year, counted by hand', async () => {
    await t.db.insert(preventionBudgets).values({
      jurisdictionId: ids.ningde,
      year: 2026,
      baseIncomeFen: 100_000_000, // ¥1,000,000 of contributions in 2025
      capBasisPoints: 300, // 3 % → cap ¥30,000
      capFen: 3_000_000,
      budgetFen: 2_500_000, // ¥25,000
      committedFen: 500_000,
      paidFen: 1_000_000, // ¥10,000 paid: 10,000 / 25,000 = 40 %
      keyFields: ['建筑施工'],
      updatedBy: 'test',
    });
    const project = (
      year: number,
      jurisdiction: number,
      type: 'training' | 'publicity',
      status: string,
      contractFen: number | null,
    ) => ({
      jurisdictionId: jurisdiction,
      year,
      applicantOrganisationId: ids.applicant,
      type,
      title: `${type}-${status}-${year}`,
      keyField: '建筑施工',
      summary: '测试项目',
      budgetLines: [{ item: '培训', amountFen: 1_000_000 }],
      requestedFen: 1_000_000,
      status: status as 'declared',
      contractFen,
      createdBy: 'test',
    });
    await t.db.insert(preventionProjects).values([
      project(2026, ids.ningde, 'training', 'accepted', 800_000), // approved, accepted
      project(2026, ids.jiaocheng, 'training', 'disclosed', 400_000), // a county below: approved, accepted, disclosed
      project(2026, ids.ningde, 'publicity', 'in_progress', 600_000), // approved
      project(2026, ids.ningde, 'publicity', 'rejected', null),
      project(2026, ids.ningde, 'training', 'declared', null),
      project(2025, ids.ningde, 'training', 'accepted', 900_000), // another year: not counted
      project(2026, ids.fuzhou, 'training', 'accepted', 700_000), // another prefecture: not counted
    ]);
    const projects = part(await compose(), 'projects');
    expect(projects.status).toBe('ok');
    expect(values(projects)).toEqual({
      '工伤预防费使用上限（元）': 30000,
      '年度预算（元）': 25000,
      '已拨付（元）': 10000,
      '预算执行率（%）': 40,
      '申报项目（个）': 5,
      '立项项目（个）': 3,
      '其中：培训项目（个）': 2,
      '其中：宣传项目（个）': 1,
      '未予立项（个）': 1,
      '立项项目合同金额（元）': 18000, // 8,000 + 4,000 + 6,000
      '验收通过（个）': 2,
      '已公开绩效（个）': 1,
    });
  });

  it('reports the expert pool and the panels drawn in the year, counted by hand', async () => {
    const expert = (
      name: string,
      status: string,
      termStart: string | null,
      termEnd: string | null,
      fields: string[],
    ) => ({
      jurisdictionId: ids.ningde,
      name,
      employerName: '测试单位',
      title: '高级工程师',
      recommendingUnit: '宁德市人社局',
      fields,
      status: status as 'active',
      termStart,
      termEnd,
    });
    const rows = await t.db
      .insert(experts)
      .values([
        expert('甲', 'active', '2025-03-01', '2028-02-28', ['安全生产', '职业卫生']), // in office
        expert('乙', 'active', '2026-05-01', '2029-04-30', ['职业卫生']), // in office, admitted in 2026
        expert('丙', 'expired', '2023-01-01', '2026-01-01', ['法律']), // term over
        expert('丁', 'suspended', '2026-02-01', '2029-01-31', ['医学']), // admitted in 2026, suspended
        expert('戊', 'pending', null, null, ['工程']), // not admitted
      ])
      .returning({ id: experts.id });
    const [a, b, c] = rows.map((r) => r.id) as [number, number, number];
    const draw = (projectId: number, status: 'drawn' | 'scheduled', drawnAt: Date | null) => ({
      projectId,
      jurisdictionId: ids.ningde,
      size: 3,
      fieldMix: [{ field: '职业卫生', count: 3 }],
      commitment: 'c',
      secret: 's',
      beaconSource: 'test',
      algorithm: 'test',
      status,
      drawnAt,
      scheduledBy: 'test',
    });
    const draws = await t.db
      .insert(expertDraws)
      .values([
        draw(900001, 'drawn', new Date('2026-06-01T02:00:00Z')), // counted: 3 invited, 1 declined
        draw(900002, 'scheduled', null), // not drawn yet
        draw(900003, 'drawn', new Date('2025-06-01T02:00:00Z')), // another year
      ])
      .returning({ id: expertDraws.id });
    const member = (drawId: number, projectId: number, expertId: number, step: number, declined = false) => ({
      drawId,
      projectId,
      expertId,
      step,
      status: declined ? ('declined' as const) : ('invited' as const),
    });
    await t.db
      .insert(panelMembers)
      .values([
        member(draws[0]?.id as number, 900001, a, 1),
        member(draws[0]?.id as number, 900001, b, 2),
        member(draws[0]?.id as number, 900001, c, 3, true),
        member(draws[2]?.id as number, 900003, a, 1),
      ]);
    const pool = part(await compose(), 'experts');
    expect(pool.status).toBe('ok');
    expect(values(pool)).toEqual({
      '在聘专家（人，截至2026-12-07）': 2, // 甲, 乙
      '本年新聘专家（人）': 2, // 乙, 丁
      '暂停聘用（人）': 1, // 丁
      '覆盖专业领域（个）': 2, // 安全生产, 职业卫生 (active experts only)
      '随机抽取评审专家组（次）': 1,
      '抽取专家（人次）': 3,
      '其中：回避或谢绝（人次）': 1,
    });
  });

  it('reports key-post training coverage equal to the coverage page for the same date', async () => {
    const [employer] = await t.db
      .insert(organisations)
      .values({
        kind: 'employer',
        name: '蕉城测试建筑有限公司',
        industryCode: '4710',
        jurisdictionId: ids.jiaocheng,
      })
      .returning({ id: organisations.id });
    for (const [n, roleCode] of [
      [1, 'principal'],
      [2, 'team_leader'],
    ] as const) {
      const response = await ningde.post('/api/training/holders', {
        employerId: employer?.id,
        roleCode,
        personName: `人员${n}`,
        idNumber: idNumber(n),
        startedOn: '2025-01-01',
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const course = await ningde.post('/api/training/courses', {
      title: '主要负责人工伤预防培训',
      form: 'offline',
      roleCodes: ['principal'],
      contentItems: ['policy', 'accident_prevention', 'warning_education'],
      hours: 16,
    });
    expect(course.statusCode, course.body).toBe(201);
    const completion = await ningde.post('/api/training/completions', {
      courseId: course.json().id,
      personName: '人员1',
      idNumber: idNumber(1),
      completedOn: '2026-03-01',
      method: 'offline',
      employerId: employer?.id,
    });
    expect(completion.statusCode, completion.body).toBe(201);
    const training = part(await compose(), 'training');
    expect(training.status).toBe('ok');
    const figures = values(training);
    // 2 posts held since 2025-01-01 (past the grace period): both due; the principal trained → 50 %.
    expect(figures).toMatchObject({
      '重点岗位（个，截至2026-12-07）': 2,
      '应培训岗位（个，宽限期外）': 2,
      '已培训岗位（个）': 1,
      '培训覆盖率（%）': 50,
      '本年完成培训（人次）': 1,
      '本年完成培训（人）': 1,
    });
    const page = (await ningde.get('/api/training/coverage?jurisdiction=350900&asOf=2026-12-07')).json();
    expect([page.totals.posts, page.totals.due, page.totals.trained, page.totals.coveragePct]).toEqual([
      figures['重点岗位（个，截至2026-12-07）'],
      figures['应培训岗位（个，宽限期外）'],
      figures['已培训岗位（个）'],
      figures['培训覆盖率（%）'],
    ]);
  });

  it('prints as an official document: HTML, DOCX for WPS and a PDF on A4 (GB/T 9704)', async () => {
    const html = await ningde.get(`/api/implementation-reports/${reportId}/print`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<p class="issuer">宁德市工伤预防工作联席会议办公室</p>');
    expect(html.body).toContain('<h1>宁德市2026年度工伤预防工作实施情况报告</h1>');
    expect(html.body).toContain('<p class="addressee">福建省工伤预防工作联席会议办公室：</p>');
    expect(html.body).toContain('<h2>二、联席会议召开情况</h2>');
    expect(html.body).toContain('<td>年度预算（元）</td><td>25000</td>');
    expect(html.body).toContain('<p>2026年12月7日</p>');
    expect(html.body).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');

    const docx = await ningde.get(`/api/implementation-reports/${reportId}/print?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain(
      encodeURIComponent('宁德市2026年度工伤预防工作实施情况报告.docx'),
    );
    const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] as Uint8Array);
    for (const text of [
      '宁德市工伤预防工作联席会议办公室',
      '宁德市2026年度工伤预防工作实施情况报告',
      '福建省工伤预防工作联席会议办公室：',
      '年度预算（元）',
      '2026年12月7日',
    ])
      expect(xml, text).toContain(`>${text}<`);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/); // 37/26/35/28 mm

    const pdf = await ningde.get(`/api/implementation-reports/${reportId}/print?format=pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 is 595.28 × 841.89 pt; Chromium writes 594.96 × 841.92 (whole device pixels).
    expect(pdf.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
  });
});
