import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { makeCreditCode } from '../../seed/demo.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import type { ProjectStatus } from '../projects/projects.tables.js';
import { preventionProjects } from '../projects/projects.tables.js';

/**
 * Projects an employer may join (本单位, issue 17 item 7). The employer is a 闽侯县 (350121)
 * construction firm, industry 4710 (division 47). Ten hand-made projects; the rule lists training
 * projects of 闽侯县, 福州市 or 福建省 that are contracted or in progress and serve division 47 or no
 * industry. Listed, by jurisdiction path then year (newest first) then id:
 *   福建省 · 全省安全生产培训 (no industry, contracted)
 *   福州市 · 福州建筑施工安全培训 (47, in progress)
 *   闽侯县 · 闽侯建筑工人安全培训 (47, in progress)
 * Not listed: 连江县's (sibling county), 厦门市's (another city), a publicity project, a listed one
 * (agreement not signed), an accepted one (over), one for division 26, and a 闽侯县 project of no
 * industry that was rejected.
 */
let t: TestApp;
let employer: Agent;
let noIndustry: Agent;
let association: number;
let provinceBody: number;

async function jurisdictionId(code: string) {
  const [j] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  return j?.id as number;
}

async function addOrganisation(values: Partial<typeof organisations.$inferInsert> & { name: string }) {
  const [row] = await t.db
    .insert(organisations)
    .values({ kind: 'industry_association', jurisdictionId: await jurisdictionId('350100'), ...values })
    .returning({ id: organisations.id });
  return row?.id as number;
}

async function addProject(
  code: string,
  title: string,
  values: {
    type?: 'training' | 'publicity';
    status: ProjectStatus;
    industryCode: string | null;
    applicant?: number;
    year?: number;
  },
) {
  await t.db.insert(preventionProjects).values({
    jurisdictionId: await jurisdictionId(code),
    year: values.year ?? 2026,
    applicantOrganisationId: values.applicant ?? association,
    type: values.type ?? 'training',
    title,
    keyField: '建筑施工',
    summary: `${title}：面向一线职工，按申报书模板开展。`,
    industryCode: values.industryCode,
    budgetLines: [{ item: '讲师费', amountFen: 500_000 }],
    requestedFen: 500_000,
    status: values.status,
    createdBy: 'test',
  });
}

beforeAll(async () => {
  t = await createTestApp();
  association = await addOrganisation({
    name: '福州市建筑安全协会（测试）',
    address: '福州市鼓楼区五四路 1 号',
    contactName: '林协会',
    contactPhone: '13905910001',
  });
  provinceBody = await addOrganisation({
    name: '福建省安全生产协会（测试）',
    jurisdictionId: await jurisdictionId('350000'),
  });
  const firm = await addOrganisation({
    kind: 'employer',
    name: '闽侯建工测试有限公司',
    creditCode: makeCreditCode('350121', 901),
    creditCodeStatus: 'valid',
    industryCode: '4710',
    sizeBand: 'small',
    jurisdictionId: await jurisdictionId('350121'),
  });
  const bare = await addOrganisation({
    kind: 'employer',
    name: '闽侯无行业测试有限公司',
    creditCode: makeCreditCode('350121', 902),
    creditCodeStatus: 'valid',
    jurisdictionId: await jurisdictionId('350121'),
  });
  const signIn = async (organisationId: number) =>
    t.signIn(
      (await t.buildUser({ role: 'employer', jurisdictionCode: '350121', organisationId })).username,
      TEST_PASSWORD,
    );
  employer = await signIn(firm);
  noIndustry = await signIn(bare);

  await addProject('350121', '闽侯建筑工人安全培训', { status: 'in_progress', industryCode: '47' });
  await addProject('350100', '福州建筑施工安全培训', { status: 'in_progress', industryCode: '47' });
  await addProject('350000', '全省安全生产培训', {
    status: 'contracted',
    industryCode: null,
    applicant: provinceBody,
  });
  await addProject('350122', '连江建筑安全培训', { status: 'in_progress', industryCode: '47' });
  await addProject('350200', '厦门建筑安全培训', { status: 'in_progress', industryCode: '47' });
  await addProject('350100', '福州建筑安全宣传月', {
    type: 'publicity',
    status: 'in_progress',
    industryCode: '47',
  });
  await addProject('350100', '福州建筑安全培训（已公示）', { status: 'listed', industryCode: '47' });
  await addProject('350100', '福州建筑安全培训（已验收）', { status: 'accepted', industryCode: '47' });
  await addProject('350100', '福州危化品班组长培训', { status: 'in_progress', industryCode: '26' });
  await addProject('350121', '闽侯通用安全培训（未立项）', { status: 'rejected', industryCode: null });
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/my-employer/projects (本单位: projects it may join)', () => {
  it('lists its jurisdiction’s and its parents’ training projects under way for its industry', async () => {
    const res = await employer.get('/api/my-employer/projects');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.industryCode).toBe('4710');
    expect(
      body.items.map((p: { jurisdiction: { code: string }; title: string; status: string }) => [
        p.jurisdiction.code,
        p.title,
        p.status,
      ]),
    ).toEqual([
      ['350000', '全省安全生产培训', 'contracted'],
      ['350100', '福州建筑施工安全培训', 'in_progress'],
      ['350121', '闽侯建筑工人安全培训', 'in_progress'],
    ]);
    expect(body.items[1].organiser).toEqual({
      name: '福州市建筑安全协会（测试）',
      address: '福州市鼓楼区五四路 1 号',
      contactName: '林协会',
      contactPhone: '13905910001',
    });
    expect(body.items[0].organiser).toEqual({
      name: '福建省安全生产协会（测试）',
      address: null,
      contactName: null,
      contactPhone: null,
    });
  });

  it('audits the organisers’ contacts it showed whole', async () => {
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'personal-data.view'), eq(auditLog.targetType, 'organisation')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    // Only the association has a contact: the province's body has none to show.
    expect(audit?.details).toMatchObject({ ids: [association], fields: ['contactName', 'contactPhone'] });
  });

  it('shows an employer of no recorded industry only the projects that name none', async () => {
    const res = await noIndustry.get('/api/my-employer/projects');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ industryCode: null });
    expect(res.json().items.map((p: { title: string }) => p.title)).toEqual(['全省安全生产培训']);
  });

  it('gives an employer account of no organisation an empty list, and officers 403', async () => {
    const orphan = await t.signIn(
      (await t.buildUser({ role: 'employer', jurisdictionCode: '350121' })).username,
      TEST_PASSWORD,
    );
    const res = await orphan.get('/api/my-employer/projects');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ industryCode: null, items: [] });
    const officer = await t.signIn('fuzhou');
    expect((await officer.get('/api/my-employer/projects')).statusCode).toBe(403);
  });
});
