import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
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
import { fixedClock } from '../../platform/time.js';
import { seedDemoProcure, seedDemoTenders } from '../../seed/demo-procure.js';
import { seedDemoProjects } from '../../seed/demo-projects.js';
import { preventionProjects } from './projects.tables.js';

// Service payment standards (PP-11). The province (350000) sets for 2026: training at 40 000 fen per
// person-day and a lecture at 200 000 fen per session. Fuzhou (350100) sets its own training price,
// 35 000 fen. So at Fuzhou: training 35 000 (own), lecture 200 000 (from the province); at Xiamen
// (350200): training 40 000 and lecture 200 000, both from the province.
// A Fuzhou line of 100 person-days is allowed 100 × 35 000 = 3 500 000 fen; declaring 3 600 000 needs a reason.

let t: TestApp;
let fuzhou: Agent;
let fujian: Agent;
let ctx: Parameters<typeof buildProject>[0];

const standard = (name: string, unit: string, unitPriceFen: number) => ({
  name,
  unit,
  unitPriceFen,
  reason: '依据年度服务支付标准文件',
});

beforeAll(async () => {
  // Today is 2026-12-07 in China for the whole file: the demo tenders are dated back from it.
  t = await createTestApp({ clock: fixedClock('2026-12-07T10:00:00+08:00') });
  fuzhou = await t.signIn('fuzhou');
  fujian = await t.signIn('fujian');
  const applicant = await buildOrganisation(t, { kind: 'industry_association' });
  const serviceOrg = await buildOrganisation(t, { kind: 'service_organisation' });
  const experts = await buildExperts(t, fuzhou, 4);
  ctx = { officer: fuzhou, applicantId: applicant.id, serviceOrgId: serviceOrg.id, experts };
  await buildFundRow(t);
  await buildBudget(fuzhou, 20_000_000);
  for (const [agent, path, body] of [
    [fujian, `350000/${PROJECT_YEAR}/training_person_day`, standard('培训（人·天）', '人·天', 40_000)],
    [fujian, `350000/${PROJECT_YEAR}/lecture`, standard('专题讲座', '场', 200_000)],
    [fuzhou, `350100/${PROJECT_YEAR}/training_person_day`, standard('培训（人·天）', '人·天', 35_000)],
  ] as const) {
    const res = await agent.put(`/api/payment-standards/${path}`, body);
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(async () => {
  await t.close();
});

const declaration = (budgetLines: Record<string, unknown>[]) => ({
  jurisdictionCode: '350100',
  year: PROJECT_YEAR,
  applicantOrganisationId: ctx.applicantId,
  type: 'training',
  title: '建筑施工一线人员培训',
  keyField: '建筑施工',
  summary: '面向建筑施工一线作业人员开展工伤预防培训。',
  budgetLines,
});

describe('service payment standards (PP-11)', () => {
  it('resolves each kind from the nearest jurisdiction that set it', async () => {
    const own = await fuzhou.get(`/api/payment-standards/350100/${PROJECT_YEAR}`);
    expect(own.statusCode).toBe(200);
    expect(
      own
        .json()
        .standards.map((s: { kind: string; unitPriceFen: number; definedAt: string; isOwn: boolean }) => [
          s.kind,
          s.unitPriceFen,
          s.definedAt,
          s.isOwn,
        ]),
    ).toEqual([
      ['lecture', 200_000, '350000', false],
      ['training_person_day', 35_000, '350100', true],
    ]);
    const xiamen = await fujian.get(`/api/payment-standards/350200/${PROJECT_YEAR}`);
    expect(
      xiamen
        .json()
        .standards.map((s: { kind: string; unitPriceFen: number; definedAt: string }) => [
          s.kind,
          s.unitPriceFen,
          s.definedAt,
        ]),
    ).toEqual([
      ['lecture', 200_000, '350000'],
      ['training_person_day', 40_000, '350000'],
    ]);
    // Another year has none: standards are per year.
    const other = await fuzhou.get(`/api/payment-standards/350100/${PROJECT_YEAR + 1}`);
    expect(other.json().standards).toEqual([]);
  });

  it('keeps the value before in the audit log when a standard changes', async () => {
    const res = await fuzhou.put(
      `/api/payment-standards/350100/${PROJECT_YEAR}/training_person_day`,
      standard('培训（人·天）', '人·天', 35_000),
    );
    expect(res.statusCode).toBe(200);
    const rows = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'payment-standard.set'),
          eq(auditLog.targetId, `350100:${PROJECT_YEAR}:training_person_day`),
        ),
      )
      .orderBy(asc(auditLog.id));
    expect(rows.map((r) => (r.details as { before: unknown }).before)).toEqual([
      null,
      { name: '培训（人·天）', unit: '人·天', unitPriceFen: 35_000 },
    ]);
  });

  it('refuses a line above the standard without a reason, naming the line’s field', async () => {
    const res = await fuzhou.post(
      '/api/projects',
      declaration([
        { item: '讲座', amountFen: 400_000, serviceKind: 'lecture', quantity: 2 },
        { item: '培训', amountFen: 3_600_000, serviceKind: 'training_person_day', quantity: 100 },
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'standard.reason_missing',
      fields: [{ field: 'budgetLines.1.overStandardReason' }],
    });
    // A blank reason is no reason.
    const blank = await fuzhou.post(
      '/api/projects',
      declaration([
        {
          item: '培训',
          amountFen: 3_600_000,
          serviceKind: 'training_person_day',
          quantity: 100,
          overStandardReason: '   ',
        },
      ]),
    );
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields[0].field).toBe('budgetLines.0.overStandardReason');
  });

  it('refuses an unknown kind and a priced line without its quantity', async () => {
    const unknown = await fuzhou.post(
      '/api/projects',
      declaration([{ item: '咨询', amountFen: 100_000, serviceKind: 'consulting_day', quantity: 1 }]),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'standard.unknown_kind',
      fields: [{ field: 'budgetLines.0.serviceKind' }],
    });
    const noQuantity = await fuzhou.post(
      '/api/projects',
      declaration([{ item: '讲座', amountFen: 100_000, serviceKind: 'lecture' }]),
    );
    expect(noQuantity.statusCode).toBe(400);
    expect(noQuantity.json().fields[0].field).toBe('budgetLines.0.quantity');
    const zero = await fuzhou.post(
      '/api/projects',
      declaration([{ item: '讲座', amountFen: 100_000, serviceKind: 'lecture', quantity: 0 }]),
    );
    expect(zero.statusCode).toBe(400);
    expect(zero.json().fields[0].field).toBe('budgetLines.0.quantity');
  });

  it('keeps the standard and the reason on the lines, and shows them to the officer and the panel', async () => {
    const lines = [
      // Within: 2 × 200 000 = 400 000; the reason given is not kept.
      { item: '讲座', amountFen: 400_000, serviceKind: 'lecture', quantity: 2, overStandardReason: '无' },
      {
        item: '培训',
        amountFen: 3_600_000,
        serviceKind: 'training_person_day',
        quantity: 100,
        overStandardReason: '含高处作业实操场地租赁',
      },
      { item: '教材印制', amountFen: 200_000 },
    ];
    const id = await buildProject(ctx, 'reviewing', { budgetLines: lines });
    const expected = [
      {
        item: '讲座',
        amountFen: 400_000,
        serviceKind: 'lecture',
        quantity: 2,
        unitPriceFen: 200_000,
        standardFen: 400_000,
        standardDefinedAt: '350000',
      },
      {
        item: '培训',
        amountFen: 3_600_000,
        serviceKind: 'training_person_day',
        quantity: 100,
        unitPriceFen: 35_000,
        standardFen: 3_500_000,
        standardDefinedAt: '350100',
        overStandardReason: '含高处作业实操场地租赁',
      },
      { item: '教材印制', amountFen: 200_000 },
    ];
    const detail = await fuzhou.get(`/api/projects/${id}`);
    expect(detail.json().budgetLines).toEqual(expected);
    // 400 000 + 3 600 000 + 200 000
    expect(detail.json().requestedFen).toBe(4_200_000);
    const declare = detail.json().timeline.find((e: { action: string }) => e.action === 'declare');
    expect(declare.details.overStandardLines).toEqual(['培训']);
    // The drawn experts see the same lines in their scoring view.
    let seen = 0;
    for (const expert of ctx.experts) {
      const mine = (await expert.agent.get('/api/review-assignments')).json().items as {
        project: { id: number; budgetLines: unknown };
      }[];
      const assignment = mine.find((a) => a.project.id === id);
      if (!assignment) continue;
      expect(assignment.project.budgetLines).toEqual(expected);
      seen++;
    }
    expect(seen).toBe(3);
  });

  it('prints the 申报书 with each line against its standard and the reason, for the officer and the applicant alone', async () => {
    const id = await buildProject(ctx, 'declared', {
      budgetLines: [
        {
          item: '培训',
          amountFen: 3_600_000,
          serviceKind: 'training_person_day',
          quantity: 100,
          overStandardReason: '含高处作业实操场地租赁',
        },
        { item: '教材印制', amountFen: 200_000 },
      ],
    });
    const res = await fuzhou.get(`/api/projects/${id}/declaration`);
    expect(res.statusCode, res.body).toBe(200);
    const html = res.body;
    expect(html).toContain(`${PROJECT_YEAR}年度工伤预防项目申报书`);
    expect(html).toContain('福州市人力资源和社会保障局');
    // 100 person-days at Fuzhou's 350.00 yuan; 36,000.00 declared with its reason; 3,600,000 + 200,000 fen.
    for (const text of [
      '350.00',
      '36,000.00',
      '含高处作业实操场地租赁',
      '2,000.00',
      '38,000.00',
      '培训类',
      '建筑施工',
    ])
      expect(html).toContain(text);
    const applicantUser = await t.buildUser({
      role: 'service_org',
      jurisdictionCode: '350100',
      organisationId: ctx.applicantId,
    });
    const own = await t.signIn(applicantUser.username, TEST_PASSWORD);
    const mine = await own.get(`/api/own-projects/${id}/declaration?format=docx`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const stranger = await buildOrganisation(t, { kind: 'industry_association' });
    const otherUser = await t.buildUser({
      role: 'service_org',
      jurisdictionCode: '350100',
      organisationId: stranger.id,
    });
    const other = await t.signIn(otherUser.username, TEST_PASSWORD);
    expect((await other.get(`/api/own-projects/${id}/declaration`)).statusCode).toBe(404);
  });

  it('does not let a city set its province’s standard nor read a sibling’s', async () => {
    const up = await fuzhou.put(
      `/api/payment-standards/350000/${PROJECT_YEAR}/lecture`,
      standard('专题讲座', '场', 1),
    );
    expect(up.statusCode).toBe(404);
    const sibling = await fuzhou.get(`/api/payment-standards/350200/${PROJECT_YEAR}`);
    expect(sibling.statusCode).toBe(404);
    const bad = await fuzhou.put(
      `/api/payment-standards/350100/${PROJECT_YEAR}/Bad-Kind`,
      standard('x', '场', 1),
    );
    expect(bad.statusCode).toBe(400);
    const price = await fuzhou.put(
      `/api/payment-standards/350100/${PROJECT_YEAR}/lecture`,
      standard('专题讲座', '场', 0),
    );
    expect(price.statusCode).toBe(400);
    expect(price.json().fields[0].field).toBe('unitPriceFen');
  });
});

describe('demo data (PP-11)', () => {
  it('seeds the province’s standards, Fuzhou’s own training price and a declaration above it, once', async () => {
    expect(await seedDemoProjects(t.db, PROJECT_YEAR)).toBe(true);
    expect(await seedDemoProcure(t.db, PROJECT_YEAR)).toBe(true);
    expect(await seedDemoProcure(t.db, PROJECT_YEAR)).toBe(false);
    const list = (await fuzhou.get(`/api/payment-standards/350100/${PROJECT_YEAR}`)).json();
    expect(
      list.standards.map((s: { kind: string; unitPriceFen: number }) => [s.kind, s.unitPriceFen]),
    ).toEqual([
      ['leaflet', 300],
      ['lecture', 200_000],
      ['training_person_day', 35_000],
      ['video', 5_000_000],
    ]);
    const [demo] = await t.db
      .select()
      .from(preventionProjects)
      .where(eq(preventionProjects.title, '危险化学品企业班组长实操培训'));
    // 120 × 35 000 = 4 200 000 allowed, 4 800 000 declared; 2 × 200 000 and 5000 × 300 within.
    expect(demo?.budgetLines.map((l) => [l.amountFen, l.standardFen, l.overStandardReason ?? null])).toEqual([
      [4_800_000, 4_200_000, '含模拟泄漏处置装置租用，每人·天增加 50 元'],
      [400_000, 400_000, null],
      [1_500_000, 1_500_000, null],
    ]);
    expect(demo?.requestedFen).toBe(6_700_000);
  });
});

describe('demo data (PP-4)', () => {
  it('seeds a complete procurement with its documents and an open one, dated back from today, once', async () => {
    // Today 2026-12-07 (China): complete — notice 2026-10-28 (−40), bids 2026-11-07 and 2026-11-09,
    // due 2026-11-11 (−26), award 2026-11-17 (−20), agreement 2026-11-22 (−15); open — notice
    // 2026-11-30 (−7), due 2026-12-07 (today), one bid 2026-12-05 (−2).
    // (The file's clock is stopped there: the experts' terms and the seed's dates share it.)
    const dir = mkdtempSync(path.join(tmpdir(), 'yufang-demo-tenders-'));
    expect(await seedDemoTenders(t.db, dir, PROJECT_YEAR)).toBe(true);
    expect(await seedDemoTenders(t.db, dir, PROJECT_YEAR)).toBe(false);
    const idOf = async (title: string) =>
      (await t.db.select().from(preventionProjects).where(eq(preventionProjects.title, title)))[0]?.id;
    const done = await idOf('建筑工地特种作业人员安全技能培训');
    const open = await idOf('建筑施工企业安全管理人员工伤预防培训');
    const complete = (await fuzhou.get(`/api/projects/${done}/procurement`)).json().items[0];
    expect(complete).toMatchObject({
      method: 'competitive_consultation',
      status: 'awarded',
      noticeOn: '2026-10-28',
      bidDeadline: '2026-11-11',
      awardedOn: '2026-11-17',
    });
    expect(
      complete.bids.map(
        (b: { organisation: { name: string }; amountFen: number; rank: number; submittedOn: string }) => [
          b.organisation.name,
          b.amountFen,
          b.rank,
          b.submittedOn,
        ],
      ),
    ).toEqual([
      ['福建安元安全技术服务有限公司', 4_900_000, 2, '2026-11-07'],
      ['福州市安全生产培训中心', 4_650_000, 1, '2026-11-09'],
    ]);
    expect(complete.documents.map((d: { kind: string; fileName: string }) => [d.kind, d.fileName])).toEqual([
      ['notice', '竞争性磋商公告.txt'],
      ['award', '成交通知书.txt'],
    ]);
    const project = (await fuzhou.get(`/api/projects/${done}`)).json();
    expect(project).toMatchObject({
      status: 'contracted',
      serviceOrganisation: { name: '福州市安全生产培训中心' },
      contractFen: 4_650_000,
      agreementSignedOn: '2026-11-22',
    });
    const pending = (await fuzhou.get(`/api/projects/${open}/procurement`)).json().items[0];
    expect(pending).toMatchObject({
      method: 'inquiry',
      status: 'noticed',
      noticeOn: '2026-11-30',
      bidDeadline: '2026-12-07',
    });
    expect(
      pending.bids.map((b: { amountFen: number; submittedOn: string }) => [b.amountFen, b.submittedOn]),
    ).toEqual([[4_700_000, '2026-12-05']]);
  });
});
