import { and, eq } from 'drizzle-orm';
import { fundAccounts } from '../modules/exchange/exchange.tables.js';
import { createExpert, reviewExpert } from '../modules/experts/experts.service.js';
import { jurisdictions } from '../modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import * as budget from '../modules/projects/budget.service.js';
import * as disclosure from '../modules/projects/disclosure.service.js';
import * as money from '../modules/projects/money.service.js';
import * as projects from '../modules/projects/projects.service.js';
import * as review from '../modules/projects/review.service.js';
import { users } from '../modules/users/users.tables.js';
import type { Actor } from '../platform/auth/actor.js';
import { hashPassword } from '../platform/auth/password.js';
import { permissionsOf, type Role } from '../platform/auth/permissions.js';
import type { Db } from '../platform/db/client.js';
import { currentYear } from '../platform/time.js';
import { DEMO_PASSWORD } from './demo.js';
import { runSeedOnce } from './reference.js';

/** Demo accounts of the prevention-project flow (password DEMO_PASSWORD). */
export const DEMO_PROJECT_ACCOUNTS = [
  {
    username: 'xiehui',
    displayName: '福州市建筑业协会',
    role: 'service_org' as Role,
    description: 'an industry association that declares projects',
  },
  ...[1, 2, 3, 4, 5].map((n) => ({
    username: `zhuanjia${n}`,
    displayName: `福州专家${n}`,
    role: 'expert' as Role,
    description: 'an expert of the Fuzhou pool',
  })),
];

const EXPERTS = [
  {
    name: '林建华',
    title: '教授级高级工程师',
    employerName: '福建省建筑科学研究院',
    fields: ['工伤预防', '安全生产'],
  },
  {
    name: '陈素梅',
    title: '主任医师',
    employerName: '福建医科大学附属协和医院',
    fields: ['职业卫生', '工伤预防'],
  },
  { name: '王志强', title: '高级会计师', employerName: '福建华兴会计师事务所', fields: ['财务管理'] },
  { name: '郑丽娟', title: '律师', employerName: '福建闽都律师事务所', fields: ['法律事务', '财务管理'] },
  { name: '黄伟', title: '高级工程师', employerName: '福州市安全生产协会', fields: ['安全生产', '宣传培训'] },
];

export async function actorOf(db: Db, username: string): Promise<Actor> {
  const [row] = await db
    .select({ user: users, code: jurisdictions.code, path: jurisdictions.path })
    .from(users)
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .where(eq(users.username, username));
  if (!row) throw new Error(`demo seed: no user ${username}`);
  return {
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    role: row.user.role,
    permissions: permissionsOf(row.user.role),
    jurisdictionId: row.user.jurisdictionId,
    jurisdictionCode: row.code,
    jurisdictionPath: row.path,
    organisationId: row.user.organisationId,
    sessionId: 'demo-seed',
    mustChangePassword: false,
    csrfToken: '',
    ip: '127.0.0.1',
    userAgent: 'demo-seed',
  };
}

/**
 * Demo mode only, once: Fuzhou's expert pool, its prevention-fee budget for this year (when the
 * fund data of last year is loaded; no invented cap otherwise) and projects in several states.
 */
export async function seedDemoProjects(db: Db, year = currentYear()): Promise<boolean> {
  return runSeedOnce(db, 'demo-projects:v1', async () => {
    const [fuzhou] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, '350100'));
    const [association] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, '福州市建筑业协会'));
    const [serviceOrg] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, '福建安元安全技术服务有限公司'));
    if (!fuzhou || !association || !serviceOrg) return;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const account of DEMO_PROJECT_ACCOUNTS)
      await db
        .insert(users)
        .values({
          username: account.username,
          passwordHash,
          displayName: account.displayName,
          role: account.role,
          jurisdictionId: fuzhou.id,
          organisationId: account.role === 'service_org' ? association.id : null,
        })
        .onConflictDoNothing();
    const officer = await actorOf(db, 'fuzhou');
    const expertActors = new Map<number, Actor>();
    for (const [i, e] of EXPERTS.entries()) {
      const created = await createExpert(db, officer, {
        ...e,
        jurisdictionCode: '350100',
        phone: `1395000000${i}`,
        recommendingUnit: '福州市人力资源和社会保障局',
        username: `zhuanjia${i + 1}`,
      });
      await reviewExpert(db, officer, created.id, { isApproved: true, reason: '资格审核通过（演示数据）' });
      expertActors.set(created.id, await actorOf(db, `zhuanjia${i + 1}`));
    }
    const [fund] = await db
      .select()
      .from(fundAccounts)
      .where(and(eq(fundAccounts.jurisdictionId, fuzhou.id), eq(fundAccounts.year, year - 1)));
    if (!fund) return;
    const current = await budget.getBudget(db, officer, '350100', year);
    await budget.setBudget(db, officer, '350100', year, {
      budgetFen: Math.floor((current.capFen ?? 0) / 2),
      keyFields: ['建筑施工', '危险化学品', '职业病防治'],
      reason: '联席会议审定年度工伤预防费预算（演示数据）',
    });
    const declare = (title: string, type: 'publicity' | 'training', keyField: string) =>
      projects.declareProject(db, officer, {
        jurisdictionCode: '350100',
        year,
        applicantOrganisationId: association.id,
        type,
        title,
        keyField,
        summary: `${title}：面向福州市重点行业一线职工，按申报书模板开展，目标受益 2000 人次。`,
        industryCode: '47',
        budgetLines: [
          { item: '讲师及专家费', amountFen: 6_000_000 },
          { item: '教材与宣传品', amountFen: 4_000_000 },
        ],
      });
    const drawFor = async (id: number, beacon: string) => {
      await review.scheduleReviewDraw(db, officer, id, {
        size: 3,
        fieldMix: [
          { field: '工伤预防', count: 1 },
          { field: '财务管理', count: 1 },
        ],
        beaconSource: '中国福利彩票双色球下一期开奖号码',
      });
      return review.drawReviewPanel(db, officer, id, { beaconValue: beacon });
    };
    // A finished, disclosed showcase.
    const done = await declare('建筑施工高处坠落预防培训', 'training', '建筑施工');
    let drawn = await drawFor(done.id, '03 08 15 21 27 30 + 09');
    // An expert of the pool who is not a demo account cannot score here: record a decline, so a
    // further draw replaces them (the record shows it).
    for (let i = 0; i < 10; i++) {
      const foreign = drawn.panel.find((m) => m.status === 'invited' && !expertActors.has(m.expertId));
      if (!foreign) break;
      drawn = await review.declinePanelMember(db, officer, done.id, foreign.id, {
        reason: '演示数据：改由演示专家评审',
      });
    }
    for (const m of drawn.panel.filter((x) => x.status === 'invited'))
      await review.scoreAssignment(db, expertActors.get(m.expertId) as Actor, m.id, {
        scores: { necessity: 18, fit: 18, feasibility: 21, budget: 16, capacity: 13 },
      });
    await projects.decideProject(db, officer, done.id, {
      isApproved: true,
      reason: '市联席会议 2026 年第 1 次会议审定',
    });
    await budget.publishNotice(db, officer, '350100', year, {
      noticeFrom: `${year}-03-01`,
      noticeTo: `${year}-03-07`,
      reason: '年度工伤预防项目公示',
    });
    await money.signAgreement(db, officer, done.id, {
      serviceOrganisationId: serviceOrg.id,
      agreementNo: `榕人社工伤预防〔${year}〕1号`,
      signedOn: `${year}-03-20`,
      filedWithHrssOn: `${year}-03-22`,
      contractFen: 9_600_000,
      prepayPercent: 50,
    });
    await money.payPrepayment(db, officer, done.id);
    await projects.recordAcceptance(db, officer, done.id, {
      isPassed: true,
      by: 'third_party',
      evaluator: '福建华兴会计师事务所',
      evidence: '培训签到表 2136 人次、课件、满意度调查 92%',
      reason: '完成协议约定内容',
    });
    await money.settleProject(db, officer, done.id);
    await disclosure.discloseProject(db, officer, done.id, {
      text: '培训建筑施工一线作业人员 2136 人次，满意度 92%，使用工伤预防费 96,000.00 元。',
    });
    await disclosure.markShowcase(db, officer, done.id, { reason: '建筑业中小企业可直接借鉴的培训方案' });
    // One under review, for the demo experts to score; one just declared.
    const reviewing = await declare('危险化学品企业工伤预防宣传月', 'publicity', '危险化学品');
    await drawFor(reviewing.id, '05 11 16 22 29 33 + 02');
    await declare('尘肺病防治知识进企业', 'publicity', '职业病防治');
  });
}
