import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import {
  buildBudget,
  buildExperts,
  buildFundRow,
  buildOrganisation,
  buildProject,
} from '../../../test/projects-builders.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { procurementBids, procurements } from './projects.tables.js';

// Procurement of a project's service organisation (PP-4). A listed project is procured by
// competitive consultation (竞争性磋商): notice on 2026-04-01, responses due 2026-04-15. Three bids:
// A 480 000 fen, B 450 000 fen, C (later barred) 400 000 fen. Scores A 88, B 88, C 95: C ranks 1,
// then B before A (equal scores, the lower price first). C is barred before the award: the award
// to C is refused naming bidId; the award goes to B, who becomes the project's service organisation.

let t: TestApp;
let officer: Agent;
let xiamen: Agent;
let ctx: Parameters<typeof buildProject>[0];
let projectId: number;
const orgs: Record<'a' | 'b' | 'c', { id: number; name: string }> = {} as never;
const bids: Record<'a' | 'b' | 'c', number> = {} as never;
const url = () => `/api/projects/${projectId}/procurement`;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signIn('fuzhou');
  xiamen = await t.signIn(
    (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' })).username,
    TEST_PASSWORD,
  );
  const applicant = await buildOrganisation(t, { kind: 'industry_association' });
  const serviceOrg = await buildOrganisation(t, { kind: 'service_organisation' });
  const experts = await buildExperts(t, officer, 4);
  ctx = { officer, applicantId: applicant.id, serviceOrgId: serviceOrg.id, experts };
  await buildFundRow(t);
  await buildBudget(officer, 20_000_000);
  projectId = await buildProject(ctx, 'listed');
  orgs.a = await buildOrganisation(t, { kind: 'service_organisation', name: '甲安全咨询有限公司' });
  orgs.b = await buildOrganisation(t, { kind: 'service_organisation', name: '乙职业培训学校' });
  orgs.c = await buildOrganisation(t, { kind: 'service_organisation', name: '丙宣传服务中心' });
});
afterAll(async () => {
  await t.close();
});

const notice = {
  method: 'competitive_consultation',
  noticeNo: '榕人社采〔2026〕7号',
  noticeOn: '2026-04-01',
  bidDeadline: '2026-04-15',
  noticeText: '采购建筑施工安全培训服务，要求具备培训资质，综合评分法。',
  reason: '项目已公示，启动采购',
};

describe('procurement of a service organisation (PP-4)', () => {
  it('opens with a notice, refusing a deadline before the notice and an unknown method', async () => {
    const early = await officer.post(url(), { ...notice, bidDeadline: '2026-03-31' });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0].field).toBe('bidDeadline');
    const method = await officer.post(url(), { ...notice, method: 'lottery' });
    expect(method.statusCode).toBe(400);
    expect(method.json().fields[0].field).toBe('method');
    const res = await officer.post(url(), notice);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      method: 'competitive_consultation',
      status: 'noticed',
      bids: [],
    });
    // A second while one is open: refused.
    expect((await officer.post(url(), notice)).statusCode).toBe(409);
  });

  it('records bids within the window only, once per organisation, from service organisations', async () => {
    const late = await officer.post(`${url()}/bids`, {
      organisationId: orgs.a.id,
      amountFen: 480_000,
      submittedOn: '2026-04-16',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().fields[0].field).toBe('submittedOn');
    const notService = await officer.post(`${url()}/bids`, {
      organisationId: ctx.applicantId,
      amountFen: 480_000,
      submittedOn: '2026-04-10',
    });
    expect(notService.statusCode).toBe(400);
    expect(notService.json().fields[0].field).toBe('organisationId');
    for (const [key, amountFen] of [
      ['a', 480_000],
      ['b', 450_000],
      ['c', 400_000],
    ] as const) {
      const res = await officer.post(`${url()}/bids`, {
        organisationId: orgs[key].id,
        amountFen,
        submittedOn: '2026-04-14',
      });
      expect(res.statusCode, res.body).toBe(200);
      const bid = res
        .json()
        .items[0].bids.find((b: { organisation: { id: number } }) => b.organisation.id === orgs[key].id);
      bids[key] = bid.id;
    }
    const twice = await officer.post(`${url()}/bids`, {
      organisationId: orgs.a.id,
      amountFen: 1,
      submittedOn: '2026-04-14',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields[0].field).toBe('organisationId');
  });

  it('refuses an award before the evaluation, and an evaluation leaving a bid unscored', async () => {
    const award = await officer.post(`${url()}/award`, {
      bidId: bids.b,
      awardedOn: '2026-04-20',
      reason: '成交',
    });
    expect(award.statusCode).toBe(409);
    const partial = await officer.post(`${url()}/evaluation`, {
      scores: [
        { bidId: bids.a, score: 88 },
        { bidId: bids.b, score: 88 },
      ],
      evaluationNote: '磋商小组三人评审',
      reason: '评审完成',
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json()).toMatchObject({ code: 'procurement.bid_unscored', fields: [{ field: 'scores' }] });
    const foreign = await officer.post(`${url()}/evaluation`, {
      scores: [{ bidId: 999_999, score: 50 }],
      evaluationNote: '磋商小组三人评审',
      reason: '评审完成',
    });
    expect(foreign.json().fields[0].field).toBe('scores.0.bidId');
  });

  it('ranks by score, the lower price first on equal scores', async () => {
    const res = await officer.post(`${url()}/evaluation`, {
      scores: [
        { bidId: bids.a, score: 88 },
        { bidId: bids.b, score: 88 },
        { bidId: bids.c, score: 95 },
      ],
      evaluationNote: '磋商小组三人评审，综合评分法',
      reason: '评审完成',
    });
    expect(res.statusCode, res.body).toBe(200);
    const ranked = res
      .json()
      .items[0].bids.map((b: { id: number; rank: number; score: number }) => [b.id, b.rank, b.score]);
    expect(ranked).toEqual([
      [bids.a, 3, 88],
      [bids.b, 2, 88],
      [bids.c, 1, 95],
    ]);
  });

  it('refuses the award to a barred organisation naming bidId, and awards the next', async () => {
    const bar = await officer.post(`/api/service-organisations/${orgs.c.id}/bar`, {
      reason: '骗取工伤预防费，列入禁入名单',
    });
    expect(bar.statusCode, bar.body).toBe(200);
    const barred = await officer.post(`${url()}/award`, {
      bidId: bids.c,
      awardedOn: '2026-04-20',
      reason: '第一名成交',
    });
    expect(barred.statusCode).toBe(400);
    expect(barred.json()).toMatchObject({ code: 'organisation.barred', fields: [{ field: 'bidId' }] });
    const early = await officer.post(`${url()}/award`, {
      bidId: bids.b,
      awardedOn: '2026-04-10',
      reason: '成交',
    });
    expect(early.json().fields[0].field).toBe('awardedOn');
    const res = await officer.post(`${url()}/award`, {
      bidId: bids.b,
      awardedOn: '2026-04-20',
      reason: '第一名被列入禁入名单，由第二名成交',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      status: 'awarded',
      awardedBidId: bids.b,
      awardedOn: '2026-04-20',
    });
    const project = (await officer.get(`/api/projects/${projectId}`)).json();
    expect(project.serviceOrganisation).toEqual({ id: orgs.b.id, name: '乙职业培训学校' });
    expect(project.status).toBe('listed');
    expect(
      project.timeline
        .map((e: { action: string }) => e.action)
        .filter((a: string) => a.startsWith('procurement.')),
    ).toEqual([
      'procurement.notice',
      'procurement.bid',
      'procurement.bid',
      'procurement.bid',
      'procurement.evaluate',
      'procurement.award',
    ]);
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'prevention_project'), eq(auditLog.targetId, String(projectId))))
      .orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.action)).toContain('project.procurement.award');
  });

  it('keeps documents as stored files and serves them only within scope', async () => {
    const body = Buffer.from('中标通知书：乙职业培训学校');
    const up = await officer.request({
      method: 'POST',
      url: `${url()}/documents?kind=award&fileName=${encodeURIComponent('中标通知书.txt')}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: body,
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ fileName: '中标通知书.txt', sizeBytes: body.length });
    const badKind = await officer.request({
      method: 'POST',
      url: `${url()}/documents?kind=photo&fileName=x.txt`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: body,
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().fields[0].field).toBe('kind');
    const got = await officer.get(`/api/procurement-documents/${up.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.body).toBe('中标通知书：乙职业培训学校');
    expect((await xiamen.get(`/api/procurement-documents/${up.json().id}`)).statusCode).toBe(404);
    expect((await xiamen.get(url())).statusCode).toBe(404);
    const list = (await officer.get(url())).json();
    expect(
      list.items[0].documents.map((d: { kind: string; fileName: string }) => [d.kind, d.fileName]),
    ).toEqual([['award', '中标通知书.txt']]);
  });

  it('a failed procurement is kept and a new one may follow; a contracted project is not procured', async () => {
    const other = await buildProject(ctx, 'listed');
    const base = `/api/projects/${other}/procurement`;
    expect((await officer.post(base, { ...notice, method: 'open_tender' })).statusCode).toBe(200);
    const failed = await officer.post(`${base}/failure`, { reason: '响应供应商不足三家，流标' });
    expect(failed.json().items[0].status).toBe('failed');
    const again = await officer.post(base, {
      ...notice,
      method: 'single_source',
      noticeNo: '榕人社采〔2026〕9号',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().items.map((p: { method: string; status: string }) => [p.method, p.status])).toEqual([
      ['single_source', 'noticed'],
      ['open_tender', 'failed'],
    ]);
    const contracted = await buildProject(ctx, 'contracted');
    const late = await officer.post(`/api/projects/${contracted}/procurement`, notice);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('project.illegal_transition');
  });
});

describe('the agreement follows the procurement (PP-4)', () => {
  // Hand-made procurement rows on fresh listed projects: awarded to 甲, still evaluated, failed.
  const agreement = (serviceOrganisationId: number, no: string) => ({
    serviceOrganisationId,
    agreementNo: `榕工伤预防〔2026〕${no}号`,
    signedOn: '2026-04-25',
    filedWithHrssOn: '2026-04-26',
    contractFen: 450_000,
    prepayPercent: 50,
  });
  async function procured(status: 'awarded' | 'evaluated' | 'failed') {
    const id = await buildProject(ctx, 'listed');
    const [p] = await t.db
      .insert(procurements)
      .values({
        projectId: id,
        method: 'inquiry',
        status,
        noticeNo: `榕人社采〔2026〕${id}号`,
        noticeOn: '2026-04-01',
        bidDeadline: '2026-04-10',
        noticeText: '询价采购培训服务，最低价成交。',
        createdBy: 'fuzhou',
      })
      .returning({ id: procurements.id });
    const procurementId = (p as { id: number }).id;
    const [bid] = await t.db
      .insert(procurementBids)
      .values({ procurementId, organisationId: orgs.a.id, amountFen: 450_000, submittedOn: '2026-04-08' })
      .returning({ id: procurementBids.id });
    if (status === 'awarded')
      await t.db
        .update(procurements)
        .set({ awardedBidId: bid?.id, awardedOn: '2026-04-12' })
        .where(eq(procurements.id, procurementId));
    return id;
  }

  it('signs only with the awarded organisation, naming serviceOrganisationId otherwise', async () => {
    const id = await procured('awarded');
    const other = await officer.post(`/api/projects/${id}/agreement`, agreement(orgs.b.id, 'A1'));
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({
      code: 'agreement.not_awarded',
      fields: [{ field: 'serviceOrganisationId' }],
    });
    expect(other.json().message).toContain('甲安全咨询有限公司');
    const project = (await officer.get(`/api/projects/${id}`)).json();
    expect([project.status, project.agreementNo]).toEqual(['listed', null]);
    const signed = await officer.post(`/api/projects/${id}/agreement`, agreement(orgs.a.id, 'A2'));
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      status: 'contracted',
      serviceOrganisation: { id: orgs.a.id, name: '甲安全咨询有限公司' },
    });
  });

  it('refuses any agreement while the procurement is open, and none is needed after a failure', async () => {
    const open = await procured('evaluated');
    for (const org of [orgs.a.id, orgs.b.id]) {
      const res = await officer.post(`/api/projects/${open}/agreement`, agreement(org, `B${org}`));
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('agreement.procurement_open');
    }
    const failed = await procured('failed');
    const res = await officer.post(`/api/projects/${failed}/agreement`, agreement(orgs.b.id, 'C1'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().serviceOrganisation).toEqual({ id: orgs.b.id, name: '乙职业培训学校' });
  });

  it('lets the awarded organisation of the API flow sign, in English too', async () => {
    // projectId was awarded to 乙 above; 甲 is refused, in the language asked for.
    const refused = await officer.request({
      method: 'POST',
      url: `/api/projects/${projectId}/agreement`,
      headers: { 'accept-language': 'en' },
      payload: agreement(orgs.a.id, 'D1'),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe(
      'The agreement must be signed with the awarded organisation (乙职业培训学校)',
    );
    const signed = await officer.post(`/api/projects/${projectId}/agreement`, agreement(orgs.b.id, 'D2'));
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().status).toBe('contracted');
  });
});
