import { eq, inArray } from 'drizzle-orm';
import { experts } from '../modules/experts/experts.tables.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import * as budget from '../modules/projects/budget.service.js';
import * as money from '../modules/projects/money.service.js';
import * as procurement from '../modules/projects/procurement.service.js';
import * as projects from '../modules/projects/projects.service.js';
import * as review from '../modules/projects/review.service.js';
import * as standards from '../modules/projects/standards.service.js';
import { users } from '../modules/users/users.tables.js';
import type { Actor } from '../platform/auth/actor.js';
import type { Db } from '../platform/db/client.js';
import { addDays, currentYear, today } from '../platform/time.js';
import { actorOf, DEMO_PROJECT_ACCOUNTS } from './demo-projects.js';
import { runSeedOnce } from './reference.js';

/**
 * Demo mode only, once, after the projects demo: the province's service payment standards for the
 * year with Fuzhou's own training price (PP-11), and a Fuzhou declaration with a line above the
 * standard and its reason, awaiting review.
 */
export async function seedDemoProcure(db: Db, year = currentYear()): Promise<boolean> {
  return runSeedOnce(db, 'demo-procure:v1', async () => {
    const province = await actorOf(db, 'fujian');
    const fuzhou = await actorOf(db, 'fuzhou');
    const reason = '依据省人社厅、财政厅年度工伤预防服务支付标准（演示数据）';
    for (const [kind, name, unit, unitPriceFen] of [
      ['training_person_day', '培训（人·天）', '人·天', 40_000],
      ['lecture', '专题讲座', '场', 200_000],
      ['leaflet', '宣传折页印制', '份', 300],
      ['video', '宣传短视频制作', '部', 5_000_000],
    ] as const)
      await standards.setStandard(db, province, '350000', year, kind, { name, unit, unitPriceFen, reason });
    await standards.setStandard(db, fuzhou, '350100', year, 'training_person_day', {
      name: '培训（人·天）',
      unit: '人·天',
      unitPriceFen: 35_000,
      reason: '福州市场价格调查：本市培训场地与师资成本低于全省标准（演示数据）',
    });
    const [existing] = await projects.listProjects(db, fuzhou, { jurisdiction: '350100', year });
    if (!existing) return;
    await projects.declareProject(db, fuzhou, {
      jurisdictionCode: '350100',
      year,
      applicantOrganisationId: existing.applicant.id,
      type: 'training',
      title: '危险化学品企业班组长实操培训',
      keyField: '危险化学品',
      summary: '面向福州市危险化学品企业班组长开展应急处置实操培训，计划 120 人·天，含模拟装置实训。',
      industryCode: '26',
      budgetLines: [
        {
          item: '实操培训',
          amountFen: 4_800_000,
          serviceKind: 'training_person_day',
          quantity: 120,
          overStandardReason: '含模拟泄漏处置装置租用，每人·天增加 50 元',
        },
        { item: '专题讲座', amountFen: 400_000, serviceKind: 'lecture', quantity: 2 },
        { item: '宣传折页', amountFen: 1_500_000, serviceKind: 'leaflet', quantity: 5000 },
      ],
    });
  });
}

/** Reviews a declared demo project with the demo experts (others of the pool decline) and approves it. */
async function approveWithDemoExperts(db: Db, officer: Actor, id: number, beaconValue: string) {
  const usernames = DEMO_PROJECT_ACCOUNTS.filter((a) => a.role === 'expert').map((a) => a.username);
  const demoExperts = await db
    .select({ id: experts.id, username: users.username })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .where(inArray(users.username, usernames));
  const actors = new Map<number, Actor>();
  for (const e of demoExperts) actors.set(e.id, await actorOf(db, e.username));
  await review.scheduleReviewDraw(db, officer, id, {
    size: 3,
    fieldMix: [
      { field: '工伤预防', count: 1 },
      { field: '财务管理', count: 1 },
    ],
    beaconSource: '中国福利彩票双色球下一期开奖号码',
  });
  let drawn = await review.drawReviewPanel(db, officer, id, { beaconValue });
  for (let i = 0; i < 10; i++) {
    const foreign = drawn.panel.find((m) => m.status === 'invited' && !actors.has(m.expertId));
    if (!foreign) break;
    drawn = await review.declinePanelMember(db, officer, id, foreign.id, {
      reason: '演示数据：改由演示专家评审',
    });
  }
  for (const m of drawn.panel.filter((x) => x.status === 'invited'))
    await review.scoreAssignment(db, actors.get(m.expertId) as Actor, m.id, {
      scores: { necessity: 17, fit: 18, feasibility: 20, budget: 16, capacity: 13 },
    });
  await projects.decideProject(db, officer, id, { isApproved: true, reason: '市联席会议审定（演示数据）' });
}

async function* bytesOf(text: string) {
  yield Buffer.from(text, 'utf8');
}

/**
 * Demo mode only, once, after seedDemoProcure (PP-4): two Fuzhou training projects procured, dated
 * back from today by the platform clock. One procurement is complete — notice 40 days ago, two
 * bids, evaluation, award 20 days ago, its notice and award documents — and its agreement is signed
 * with the awarded organisation (so the demo employer sees it among projects it may join); the
 * other was noticed 7 days ago, has one bid and is still open (bids due today).
 */
export async function seedDemoTenders(db: Db, uploadDir: string, year = currentYear()): Promise<boolean> {
  return runSeedOnce(db, 'demo-procure-tenders:v1', async () => {
    const fuzhou = await actorOf(db, 'fuzhou');
    const named = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(
        inArray(organisations.name, [
          '福州市建筑业协会',
          '福建安元安全技术服务有限公司',
          '福州市安全生产培训中心',
        ]),
      );
    const id = (name: string) => named.find((o) => o.name === name)?.id;
    const [association, anyuan, centre] = [
      id('福州市建筑业协会'),
      id('福建安元安全技术服务有限公司'),
      id('福州市安全生产培训中心'),
    ];
    const current = await budget.getBudget(db, fuzhou, '350100', year);
    if (!association || !anyuan || !centre || !current.budgetFen) return;
    const on = (days: number) => addDays(today(), days);
    const declare = (title: string, summary: string) =>
      projects.declareProject(db, fuzhou, {
        jurisdictionCode: '350100',
        year,
        applicantOrganisationId: association,
        type: 'training',
        title,
        keyField: '建筑施工',
        summary,
        industryCode: '47',
        budgetLines: [
          { item: '讲师及场地', amountFen: 3_000_000 },
          { item: '教材与实训耗材', amountFen: 2_000_000 },
        ],
      });

    // 1. Complete: competitive consultation, two bids, award to the training centre, agreement.
    const done = await declare(
      '建筑工地特种作业人员安全技能培训',
      '面向福州市建筑工地架子工、塔吊司机等特种作业人员开展安全技能培训，计划 800 人次，含实操考核。',
    );
    await approveWithDemoExperts(db, fuzhou, done.id, '02 07 13 19 26 31 + 05');
    await procurement.openProcurement(db, fuzhou, done.id, {
      method: 'competitive_consultation',
      noticeNo: `榕人社采〔${year}〕21号`,
      noticeOn: on(-40),
      bidDeadline: on(-26),
      noticeText: '采购建筑工地特种作业人员安全技能培训服务：具备培训资质，综合评分法，最高限价 50,000 元。',
      reason: '项目已立项，启动采购（演示数据）',
    });
    for (const [organisationId, amountFen, days] of [
      [anyuan, 4_900_000, -30],
      [centre, 4_650_000, -28],
    ] as const)
      await procurement.recordBid(db, fuzhou, done.id, { organisationId, amountFen, submittedOn: on(days) });
    const bids = (await procurement.getProcurements(db, fuzhou, done.id)).items[0]?.bids ?? [];
    const bidOf = (organisationId: number) => bids.find((b) => b.organisation.id === organisationId)?.id ?? 0;
    await procurement.evaluateBids(db, fuzhou, done.id, {
      scores: [
        { bidId: bidOf(anyuan), score: 86 },
        { bidId: bidOf(centre), score: 91 },
      ],
      evaluationNote: '磋商小组三人评审：福州市安全生产培训中心师资与实训场地评分最高（演示数据）',
      reason: '评审完成',
    });
    await procurement.awardProcurement(db, fuzhou, done.id, {
      bidId: bidOf(centre),
      awardedOn: on(-20),
      reason: '综合评分第一名成交（演示数据）',
    });
    for (const [kind, fileName, text] of [
      [
        'notice',
        '竞争性磋商公告.txt',
        `榕人社采〔${year}〕21号 建筑工地特种作业人员安全技能培训服务竞争性磋商公告（演示数据）`,
      ],
      [
        'award',
        '成交通知书.txt',
        '福州市安全生产培训中心：你单位在建筑工地特种作业人员安全技能培训服务采购中成交（演示数据）',
      ],
    ] as const)
      await procurement.attachProcurementDocument(db, fuzhou, done.id, {
        kind,
        fileName,
        body: bytesOf(text),
        uploadDir,
      });

    // 2. Open: noticed a week ago, one bid so far, bids due today.
    const open = await declare(
      '建筑施工企业安全管理人员工伤预防培训',
      '面向福州市建筑施工企业项目经理和专职安全员开展工伤预防与事故案例培训，计划 400 人次。',
    );
    await approveWithDemoExperts(db, fuzhou, open.id, '04 09 12 23 27 32 + 14');
    await procurement.openProcurement(db, fuzhou, open.id, {
      method: 'inquiry',
      noticeNo: `榕人社采〔${year}〕27号`,
      noticeOn: on(-7),
      bidDeadline: on(0),
      noticeText: '询价采购建筑施工企业安全管理人员工伤预防培训服务，最低评标价法，最高限价 50,000 元。',
      reason: '项目已立项，启动采购（演示数据）',
    });
    await procurement.recordBid(db, fuzhou, open.id, {
      organisationId: anyuan,
      amountFen: 4_700_000,
      submittedOn: on(-2),
    });

    // The year's list is published again over its own window, listing both; the procured one signs.
    if (current.noticeFrom && current.noticeTo)
      await budget.publishNotice(db, fuzhou, '350100', year, {
        noticeFrom: current.noticeFrom,
        noticeTo: current.noticeTo,
        reason: '追加公示新立项项目（演示数据）',
      });
    const listed = await projects.getProject(db, fuzhou, done.id);
    const left = (await budget.getBudget(db, fuzhou, '350100', year)).leftFen;
    if (listed.status === 'listed' && left >= 4_650_000)
      await money.signAgreement(db, fuzhou, done.id, {
        serviceOrganisationId: centre,
        agreementNo: `榕人社工伤预防〔${year}〕21号`,
        signedOn: on(-15),
        filedWithHrssOn: on(-14),
        contractFen: 4_650_000,
        prepayPercent: 50,
      });
  });
}
