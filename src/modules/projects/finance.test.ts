import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import {
  buildBudget,
  buildExperts,
  buildFundRow,
  buildOrganisation,
  buildProject,
  PROJECT_YEAR,
} from '../../../test/projects-builders.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

// The finance step (PP-1). Fuzhou's 2025 contribution income is 1 000 000 000 fen, so the 2026 cap is
// 3 % of it: 30 000 000 fen. HRSS sets a budget of 20 000 000 fen.

let t: TestApp;
let officer: Agent;
let financeOfficer: Agent;
let emergencyOfficer: Agent;
let ctx: Parameters<typeof buildProject>[0];
const base = `/api/prevention-budgets/350100/${PROJECT_YEAR}`;

async function orgId(name: string) {
  const [row] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (!row) throw new Error(`no ${name}`);
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signIn('fuzhou');
  const finance = await t.buildUser({
    role: 'member_officer',
    jurisdictionCode: '350100',
    organisationId: await orgId('福州市财政局'),
  });
  financeOfficer = await t.signIn(finance.username, TEST_PASSWORD);
  const emergency = await t.buildUser({
    role: 'member_officer',
    jurisdictionCode: '350100',
    organisationId: await orgId('福州市应急管理局'),
  });
  emergencyOfficer = await t.signIn(emergency.username, TEST_PASSWORD);
  const applicant = await buildOrganisation(t, { kind: 'industry_association' });
  const serviceOrg = await buildOrganisation(t, { kind: 'service_organisation' });
  const experts = await buildExperts(t, officer, 4);
  ctx = { officer, applicantId: applicant.id, serviceOrgId: serviceOrg.id, experts };
  await buildFundRow(t);
  await buildBudget(officer, 20_000_000);
  const set = await officer.put('/api/settings/350100/prevention.financeApprovalRequired', {
    value: true,
    reason: '财政部门在系统中批复预算',
  });
  expect(set.statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('the finance step (PP-1)', () => {
  let projectId: number;

  it('holds every payment until the finance unit approves the budget', async () => {
    projectId = await buildProject(ctx, 'contracted', { contractFen: 500_000 });
    const res = await officer.post(`/api/projects/${projectId}/prepayment`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('finance.not_approved');
  });

  it('lets HRSS submit with last year’s account; the chain shows the proposal', async () => {
    const res = await officer.post(`${base}/submission`, {
      proposalNote: '2025 年预算执行率 92%，验收项目 5 个全部通过。',
      reason: '联席会议审定',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      financeStatus: 'submitted',
      approvedFen: null,
      isApprovalRequired: true,
      previousYear: { year: PROJECT_YEAR - 1, budgetFen: null, projects: 0 },
      decisions: [{ step: 'submit', amountFen: 20_000_000 }],
    });
  });

  it('refuses HRSS and other member units as approvers', async () => {
    const hrss = await officer.post(`${base}/finance-decision`, {
      decision: 'approve',
      approvedFen: 1,
      reason: '自批',
    });
    expect(hrss.statusCode).toBe(403);
    const other = await emergencyOfficer.post(`${base}/finance-decision`, {
      decision: 'approve',
      approvedFen: 1,
      reason: '越权',
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('finance.not_finance_unit');
  });

  it('refuses an approval above the cap, naming the field', async () => {
    const res = await financeOfficer.post(`${base}/finance-decision`, {
      decision: 'approve',
      approvedFen: 30_000_001,
      reason: '超上限',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ field: 'approvedFen', code: 'budget.over_cap' }),
    ]);
    const aboveProposal = await financeOfficer.post(`${base}/finance-decision`, {
      decision: 'approve',
      approvedFen: 20_000_001,
      reason: '超报送',
    });
    expect(aboveProposal.statusCode).toBe(400);
    expect(aboveProposal.json().fields[0].field).toBe('approvedFen');
  });

  it('returns, resubmits and approves; each step is kept and audited', async () => {
    const returned = await financeOfficer.post(`${base}/finance-decision`, {
      decision: 'return',
      reason: '请补充上年度绩效评价',
    });
    expect(returned.json().financeStatus).toBe('returned');
    await officer.post(`${base}/submission`, { proposalNote: '已补充绩效评价报告。', reason: '补充后报送' });
    const approved = await financeOfficer.post(`${base}/finance-decision`, {
      decision: 'approve',
      approvedFen: 400_000,
      reason: '同意，分批拨付',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().financeStatus).toBe('approved');
    expect(approved.json().approvedFen).toBe(400_000);
    expect(approved.json().decisions.map((d: { step: string }) => d.step)).toEqual([
      'submit',
      'return',
      'submit',
      'approve',
    ]);
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetType, 'prevention_budget'));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'prevention-budget.submit',
        'prevention-budget.return',
        'prevention-budget.approve',
      ]),
    );
  });

  it('releases a payment within the approved budget and refuses one beyond it, naming the field', async () => {
    // Prepayment: 50 % of 500 000 = 250 000 ≤ 400 000 approved.
    const prepay = await officer.post(`/api/projects/${projectId}/prepayment`);
    expect(prepay.statusCode).toBe(200);
    const accept = await officer.post(`/api/projects/${projectId}/acceptance`, {
      isPassed: true,
      by: 'experts',
      evaluator: '验收专家组',
      evidence: '签到表、课件',
      reason: '完成协议约定',
      performanceResults: { satisfactionPct: 90 },
    });
    expect(accept.statusCode).toBe(200);
    // Balance: 500 000 − 250 000 = 250 000; 250 000 paid + 250 000 = 500 000 > 400 000.
    const settle = await officer.post(`/api/projects/${projectId}/settlement`);
    expect(settle.statusCode).toBe(400);
    expect(settle.json().fields).toEqual([
      expect.objectContaining({ field: 'amountFen', code: 'finance.beyond_approved' }),
    ]);
    const chain = (await financeOfficer.get(`${base}/finance`)).json();
    expect(chain.budget.paidFen).toBe(250_000);
    expect(chain.projects).toEqual([
      expect.objectContaining({
        id: projectId,
        contractFen: 500_000,
        paidFen: 250_000,
        payments: [expect.objectContaining({ kind: 'prepayment', amountFen: 250_000 })],
      }),
    ]);
  });

  it('sends a changed budget back to draft: payments wait for a new approval', async () => {
    await buildBudget(officer, 19_000_000);
    const chain = (await officer.get(`${base}/finance`)).json();
    expect(chain.financeStatus).toBe('draft');
    expect(chain.approvedFen).toBe(400_000);
  });
});
