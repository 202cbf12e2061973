import { and, eq } from 'drizzle-orm';
import { fundAccounts } from '../src/modules/exchange/exchange.tables.js';
import { jurisdictions } from '../src/modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../src/modules/organisations/organisations.tables.js';
import type { Agent, TestApp } from './helpers.js';
import { TEST_PASSWORD } from './helpers.js';

/** Fixtures for prevention projects: fund data, a budget, a pool of experts, and projects in any state. */

export const PROJECT_YEAR = 2026;
/** 2025 contribution income of Fuzhou: 3 % of it is 30 000 000 fen (300 000 元). */
export const FUND_INCOME_FEN = 1_000_000_000;

export async function jurisdictionIdOf(t: TestApp, code: string): Promise<number> {
  const [row] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  if (!row) throw new Error(`no jurisdiction ${code}`);
  return row.id;
}

/** The previous year's fund row the cap is computed from (as the exchange would have loaded it). */
export async function buildFundRow(
  t: TestApp,
  code = '350100',
  year = PROJECT_YEAR - 1,
  incomeFen = FUND_INCOME_FEN,
) {
  const jurisdictionId = await jurisdictionIdOf(t, code);
  const [existing] = await t.db
    .select()
    .from(fundAccounts)
    .where(and(eq(fundAccounts.jurisdictionId, jurisdictionId), eq(fundAccounts.year, year)));
  if (existing) return;
  await t.db.insert(fundAccounts).values({
    jurisdictionId,
    year,
    contributionIncomeFen: incomeFen,
    benefitExpenditureFen: Math.floor(incomeFen * 0.7),
    preventionFeeSpentFen: 0,
    batchId: 0,
  });
}

let serial = 0;

export async function buildOrganisation(
  t: TestApp,
  values: {
    kind: 'industry_association' | 'employer' | 'service_organisation';
    sizeBand?: 'large' | 'medium' | 'small';
    code?: string;
    name?: string;
  },
) {
  const [row] = await t.db
    .insert(organisations)
    .values({
      kind: values.kind,
      name: values.name ?? `测试单位${values.kind}${++serial}-${Date.now() % 100000}`,
      sizeBand: values.sizeBand ?? null,
      jurisdictionId: await jurisdictionIdOf(t, values.code ?? '350100'),
    })
    .returning({ id: organisations.id, name: organisations.name });
  if (!row) throw new Error('organisation insert failed');
  return row;
}

export interface ExpertFixture {
  id: number;
  username: string;
  agent: Agent;
}

/** Active experts with sign-in accounts; fields cycle through the mix so every field has two. */
export async function buildExperts(
  t: TestApp,
  officer: Agent,
  count: number,
  options: { employerOrganisationId?: number; code?: string } = {},
): Promise<ExpertFixture[]> {
  const fields = ['工伤预防', '安全生产', '财务管理', '职业卫生', '宣传培训'];
  const result: ExpertFixture[] = [];
  for (let i = 0; i < count; i++) {
    const user = await t.buildUser({ role: 'expert', jurisdictionCode: options.code ?? '350100' });
    const created = await officer.post('/api/experts', {
      jurisdictionCode: options.code ?? '350100',
      name: `专家${++serial}`,
      phone: '13800001234',
      idNumber: '350102198001011234',
      employerName: '福州大学',
      ...(options.employerOrganisationId ? { employerOrganisationId: options.employerOrganisationId } : {}),
      title: '教授',
      recommendingUnit: '福州市人社局',
      fields: [fields[i % fields.length], fields[(i + 1) % fields.length]],
      username: user.username,
    });
    if (created.statusCode !== 201) throw new Error(`expert: ${created.body}`);
    const id = created.json().id as number;
    const reviewed = await officer.post(`/api/experts/${id}/review`, {
      isApproved: true,
      reason: '资格审核通过',
    });
    if (reviewed.statusCode !== 200) throw new Error(`review: ${reviewed.body}`);
    result.push({ id, username: user.username, agent: await t.signIn(user.username, TEST_PASSWORD) });
  }
  return result;
}

export async function buildBudget(officer: Agent, budgetFen = 20_000_000, code = '350100') {
  const res = await officer.put(`/api/prevention-budgets/${code}/${PROJECT_YEAR}`, {
    budgetFen,
    keyFields: ['建筑施工', '危险化学品', '职业病防治'],
    reason: '联席会议审定',
  });
  if (res.statusCode !== 200) throw new Error(`budget: ${res.body}`);
  return res.json();
}

export type Stage =
  | 'declared'
  | 'scheduled'
  | 'reviewing'
  | 'reviewed'
  | 'approved'
  | 'listed'
  | 'contracted'
  | 'in_progress'
  | 'failed'
  | 'accepted'
  | 'settled'
  | 'disclosed';

const ORDER: Stage[] = [
  'declared',
  'scheduled',
  'reviewing',
  'reviewed',
  'approved',
  'listed',
  'contracted',
  'in_progress',
  'accepted',
  'settled',
  'disclosed',
];

async function ok(res: Promise<{ statusCode: number; body: string; json(): unknown }>, step: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${step}: ${r.statusCode} ${r.body}`);
  // biome-ignore lint/suspicious/noExplicitAny: fixtures read what they need
  return r.json() as any;
}

/**
 * A project walked through the real API to `stage`. Notice lists every approved project of the
 * year, so build later stages before earlier ones when several are needed.
 */
export async function buildProject(
  ctx: { officer: Agent; applicantId: number; serviceOrgId: number; experts: ExpertFixture[] },
  stage: Stage,
  options: { contractFen?: number; budgetLines?: Record<string, unknown>[] } = {},
) {
  const { officer } = ctx;
  let project = await ok(
    officer.post('/api/projects', {
      jurisdictionCode: '350100',
      year: PROJECT_YEAR,
      applicantOrganisationId: ctx.applicantId,
      type: 'training',
      title: `建筑施工安全培训项目${++serial}`,
      keyField: '建筑施工',
      summary: '面向建筑施工企业一线作业人员开展工伤预防培训，计划培训 2000 人次。',
      industryCode: '47',
      budgetLines: options.budgetLines ?? [
        { item: '讲师费', amountFen: 300_000 },
        { item: '教材印制', amountFen: 200_000 },
      ],
      performanceTargets: { satisfactionPct: 85, passRatePct: 90, injuryRateChangePct: -10 },
    }),
    'declare',
  );
  const id = project.id as number;
  const target = stage === 'failed' ? ORDER.indexOf('in_progress') : ORDER.indexOf(stage);
  const reach = (s: Stage) => ORDER.indexOf(s) <= target;
  if (reach('scheduled'))
    await ok(
      officer.post(`/api/projects/${id}/draw/schedule`, {
        size: 3,
        fieldMix: [{ field: '工伤预防', count: 1 }],
        beaconSource: '中国福利彩票双色球下一期开奖号码',
      }),
      'schedule',
    );
  if (reach('reviewing'))
    project = await ok(
      officer.post(`/api/projects/${id}/draw`, { beaconValue: `03 11 17 22 28 31 + 07 #${id}` }),
      'draw',
    );
  if (reach('reviewed')) {
    for (const member of project.panel as { id: number; expertId: number; status: string }[]) {
      const expert = ctx.experts.find((e) => e.id === member.expertId);
      if (!expert) throw new Error('panel member without fixture');
      await ok(
        expert.agent.post(`/api/review-assignments/${member.id}/score`, {
          scores: { necessity: 18, fit: 17, feasibility: 20, budget: 16, capacity: 12 },
        }),
        'score',
      );
    }
  }
  if (reach('approved'))
    await ok(
      officer.post(`/api/projects/${id}/decision`, { isApproved: true, reason: '联席会议第3次会议审定' }),
      'decide',
    );
  if (reach('listed'))
    await ok(
      officer.post(`/api/prevention-budgets/350100/${PROJECT_YEAR}/notice`, {
        noticeFrom: '2026-03-01',
        noticeTo: '2026-03-07',
        reason: '年度项目公示',
      }),
      'notice',
    );
  if (reach('contracted'))
    await ok(
      officer.post(`/api/projects/${id}/agreement`, {
        serviceOrganisationId: ctx.serviceOrgId,
        agreementNo: `榕工伤预防〔2026〕${id}号`,
        signedOn: '2026-03-20',
        filedWithHrssOn: '2026-03-22',
        contractFen: options.contractFen ?? 500_000,
        prepayPercent: 50,
      }),
      'agreement',
    );
  if (reach('in_progress')) await ok(officer.post(`/api/projects/${id}/prepayment`), 'prepay');
  if (stage === 'failed')
    await ok(
      officer.post(`/api/projects/${id}/acceptance`, {
        isPassed: false,
        by: 'third_party',
        evaluator: '福建某会计师事务所',
        evidence: '培训签到表缺失',
        reason: '培训人次未达协议约定',
      }),
      'fail',
    );
  if (reach('accepted'))
    await ok(
      officer.post(`/api/projects/${id}/acceptance`, {
        isPassed: true,
        by: 'experts',
        evaluator: '验收专家组',
        evidence: '签到表、课件、满意度调查',
        reason: '完成协议约定',
        performanceResults: { satisfactionPct: 92.5, passRatePct: 95, injuryRateChangePct: -12 },
      }),
      'accept',
    );
  if (reach('settled')) await ok(officer.post(`/api/projects/${id}/settlement`), 'settle');
  if (reach('disclosed'))
    await ok(
      officer.post(`/api/projects/${id}/disclosure`, {
        text: '项目完成培训 2100 人次，使用工伤预防费 5000 元。',
      }),
      'disclose',
    );
  return id;
}

export interface ProjectFixture {
  applicantId: number;
  /** A user of the applicant association (role service_org). */
  applicantUsername: string;
  serviceOrgId: number;
  /** A second service organisation, for the bar. */
  barOrgId: number;
  /** An active expert of Fuzhou's pool. */
  expertId: number;
  /** An expert awaiting qualification review. */
  pendingExpertId: number;
  /** One project per stage. */
  projects: Record<Exclude<Stage, 'approved'>, number>;
  /** A second failed project, for the deduction. */
  failedToDeduct: number;
  /** Panel members of the reviewing project: one to score (with its expert's username), one to decline. */
  scoreMemberId: number;
  scoreUsername: string;
  declineMemberId: number;
  /** procure (PP-4): an approved project with a procurement open, one bid and one document; a second, fresh. */
  procurement: { projectId: number; bidId: number; documentId: number; freshProjectId: number };
}

/** Fuzhou's fund row, budget, experts and one project in every stage, built through the API. */
export async function buildProjectFixture(t: TestApp, officer: Agent): Promise<ProjectFixture> {
  await buildFundRow(t);
  await buildBudget(officer, FUND_INCOME_FEN * 0.03);
  const applicant = await buildOrganisation(t, { kind: 'industry_association' });
  const serviceOrg = await buildOrganisation(t, { kind: 'service_organisation' });
  const barOrg = await buildOrganisation(t, { kind: 'service_organisation' });
  const experts = await buildExperts(t, officer, 5);
  const pending = await officer.post('/api/experts', {
    jurisdictionCode: '350100',
    name: '待审专家',
    employerName: '福建医科大学',
    title: '副教授',
    recommendingUnit: '福州市卫健委',
    fields: ['职业卫生'],
  });
  const ctx = { officer, applicantId: applicant.id, serviceOrgId: serviceOrg.id, experts };
  // Later stages first: the notice lists every approved project of the year.
  const stages = [
    'disclosed',
    'settled',
    'accepted',
    'in_progress',
    'failed',
    'contracted',
    'listed',
    'reviewed',
    'reviewing',
    'scheduled',
    'declared',
  ] as const;
  const projects = {} as Record<(typeof stages)[number], number>;
  for (const stage of stages) projects[stage] = await buildProject(ctx, stage);
  const failedToDeduct = await buildProject(ctx, 'failed');
  // procure (PP-4): built after the notice, so both stay approved.
  const procured = await buildProject(ctx, 'approved');
  const freshProcurement = await buildProject(ctx, 'approved');
  await ok(
    officer.post(`/api/projects/${procured}/procurement`, {
      method: 'inquiry',
      noticeNo: '榕人社采〔2026〕1号',
      noticeOn: '2026-04-01',
      bidDeadline: '2026-04-15',
      noticeText: '询价采购宣传品印制服务。',
      reason: '启动采购',
    }),
    'procurement',
  );
  const withBid = await ok(
    officer.post(`/api/projects/${procured}/procurement/bids`, {
      organisationId: serviceOrg.id,
      amountFen: 450_000,
      submittedOn: '2026-04-10',
    }),
    'bid',
  );
  const document = await ok(
    officer.request({
      method: 'POST',
      url: `/api/projects/${procured}/procurement/documents?kind=notice&fileName=notice.txt`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('采购公告'),
    }),
    'document',
  );
  const panel = (await officer.get(`/api/projects/${projects.reviewing}`)).json().panel as {
    id: number;
    expertId: number;
    step: number;
  }[];
  const scorer = panel.find((m) => m.step === 0);
  const decliner = panel.find((m) => m.step === 1);
  if (!scorer || !decliner) throw new Error('panel fixture');
  const applicantUser = await t.buildUser({
    role: 'service_org',
    jurisdictionCode: '350100',
    organisationId: applicant.id,
  });
  return {
    applicantId: applicant.id,
    applicantUsername: applicantUser.username,
    serviceOrgId: serviceOrg.id,
    procurement: {
      projectId: procured,
      bidId: withBid.items[0].bids[0].id,
      documentId: document.id,
      freshProjectId: freshProcurement,
    },
    barOrgId: barOrg.id,
    expertId: experts[0]?.id as number,
    pendingExpertId: pending.json().id,
    projects,
    failedToDeduct,
    scoreMemberId: scorer.id,
    scoreUsername: experts.find((e) => e.id === scorer.expertId)?.username as string,
    declineMemberId: decliner.id,
  };
}
