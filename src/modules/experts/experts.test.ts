import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { buildFundRow } from '../../../test/projects-builders.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { currentYear, fixedClock, resetClock, setClock, today } from '../../platform/time.js';
import { seedDemoProjects } from '../../seed/demo-projects.js';
import { preventionProjects } from '../projects/projects.tables.js';
import { drawPanel, seedOf } from './draw.js';
import { listDrawCandidates } from './experts.service.js';
import { experts } from './experts.tables.js';

let t: TestApp;
let officer: Agent;

const expertInput = {
  jurisdictionCode: '350100',
  name: '测试专家',
  phone: '13912345678',
  idNumber: '350102198001011234',
  employerName: '福州大学',
  title: '教授',
  recommendingUnit: '福州市人社局',
  fields: ['工伤预防', '安全生产'],
};

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signIn('fuzhou');
});
afterAll(async () => {
  await t.close();
});

describe('the expert pool (EX-1, EX-2)', () => {
  it('masks phone and 身份证号 without personal-data:view, and audits the unmasked view', async () => {
    const created = (await officer.post('/api/experts', expertInput)).json();
    expect(created).toMatchObject({
      status: 'pending',
      phone: '13912345678',
      idNumber: '350102198001011234',
    });
    const member = await t.signIn(
      (await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' })).username,
      TEST_PASSWORD,
    );
    const masked = (await member.get(`/api/experts/${created.id}`)).json();
    expect(masked).toMatchObject({ phone: '139****5678', idNumber: '350102********12*4' });
    const maskedViews = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'personal-data.view-masked'), eq(auditLog.targetType, 'expert')));
    expect(maskedViews.at(-1)?.details).toMatchObject({
      route: 'GET /api/experts/:id',
      count: 1,
      ids: [created.id],
    });
    const views = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'personal-data.view'), eq(auditLog.targetType, 'expert')));
    expect(views.length).toBeGreaterThan(0);
  });

  it('reviews qualification into a three-year term, suspends and reinstates, and refuses illegal changes', async () => {
    const { id } = (await officer.post('/api/experts', expertInput)).json();
    const active = (
      await officer.post(`/api/experts/${id}/review`, {
        isApproved: true,
        reason: '审核通过',
        termStart: '2026-01-01',
      })
    ).json();
    expect(active).toMatchObject({ status: 'active', termStart: '2026-01-01', termEnd: '2029-01-01' });
    const again = await officer.post(`/api/experts/${id}/review`, { isApproved: true, reason: '再审' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('expert.illegal_transition');
    const suspended = (
      await officer.post(`/api/experts/${id}/records`, {
        kind: 'suspension',
        outcome: '暂停一年',
        reason: '评审中泄露信息',
      })
    ).json();
    expect(suspended.status).toBe('suspended');
    const reinstated = (
      await officer.post(`/api/experts/${id}/records`, {
        kind: 'reinstatement',
        outcome: '恢复',
        reason: '期满',
      })
    ).json();
    expect(reinstated.status).toBe('active');
    expect(reinstated.records.map((r: { kind: string }) => r.kind)).toEqual([
      'qualification',
      'suspension',
      'reinstatement',
    ]);
  });

  it('ends a term begun on 29 February on 28 February when the last year has none', async () => {
    // 00:30 Beijing time on 29 February is still the 28th in UTC.
    setClock(fixedClock('2024-02-29T00:30:00+08:00'));
    try {
      const approve = async (termStart?: string) => {
        const { id } = (await officer.post('/api/experts', expertInput)).json();
        const res = await officer.post(`/api/experts/${id}/review`, {
          isApproved: true,
          reason: '审核通过',
          ...(termStart ? { termStart } : {}),
        });
        expect(res.statusCode, res.body).toBe(200);
        return { id, expert: res.json() };
      };
      const { id, expert } = await approve();
      expect(expert).toMatchObject({ status: 'active', termStart: '2024-02-29', termEnd: '2027-02-28' });
      expect((await approve('2024-02-29')).expert.termEnd).toBe('2027-02-28');
      const renewed = await officer.post(`/api/experts/${id}/records`, {
        kind: 'renewal',
        outcome: '续聘',
        reason: '考核合格',
      });
      expect(renewed.statusCode, renewed.body).toBe(200);
      expect(renewed.json()).toMatchObject({ termStart: '2024-02-29', termEnd: '2027-02-28' });
    } finally {
      resetClock();
    }
  });

  it('takes fields as data per jurisdiction and refuses unknown ones, naming the field', async () => {
    const unknown = await officer.post('/api/experts', { ...expertInput, fields: ['应急救援'] });
    expect(unknown.json()).toMatchObject({ code: 'expert.field_unknown', fields: [{ field: 'fields.0' }] });
    expect(
      (await officer.post('/api/expert-fields', { name: '应急救援', jurisdictionCode: '350100' })).statusCode,
    ).toBe(201);
    expect((await officer.post('/api/experts', { ...expertInput, fields: ['应急救援'] })).statusCode).toBe(
      201,
    );
    const xiamen = await t.signIn(
      (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' })).username,
      TEST_PASSWORD,
    );
    const elsewhere = await xiamen.post('/api/experts', {
      ...expertInput,
      jurisdictionCode: '350200',
      fields: ['应急救援'],
    });
    expect(elsewhere.json().code).toBe('expert.field_unknown');
  });
});

describe('sharing and eligibility (EX-3, EX-4)', () => {
  it('makes an expert shared by agreement a candidate there, and excludes the out-of-term', async () => {
    const jilin = await t.signIn('jilin');
    const { id } = (await jilin.post('/api/experts', { ...expertInput, jurisdictionCode: '220000' })).json();
    await jilin.post(`/api/experts/${id}/review`, { isApproved: true, reason: '审核通过' });
    const before = await listDrawCandidates(t.db, {
      jurisdictionPath: '100000/350000/350100',
      conflictOrganisationIds: [],
      onDate: today(),
    });
    expect(before.candidates.map((c) => c.id)).not.toContain(id);
    const shared = await jilin.post(`/api/experts/${id}/shares`, {
      jurisdictionCode: '350000',
      agreement: '闽吉工伤预防专家资源共享协议',
      validFrom: '2026-01-01',
      validTo: '2030-12-31',
    });
    expect(shared.json().shares).toEqual([expect.objectContaining({ status: 'pending' })]);
    // Offered, not accepted: not drawable in Fujian yet (issue 13 item 10).
    const offered = await listDrawCandidates(t.db, {
      jurisdictionPath: '100000/350000/350100',
      conflictOrganisationIds: [],
      onDate: today(),
    });
    expect(offered.candidates.map((c) => c.id)).not.toContain(id);
    const fujian = await t.signIn('fujian');
    const incoming = (await fujian.get('/api/expert-shares?status=pending')).json().items;
    const share = incoming.find((s: { expertId: number }) => s.expertId === id);
    expect(share).toMatchObject({ from: { code: '220000' }, to: { code: '350000' }, status: 'pending' });
    expect(JSON.stringify(share)).not.toContain(expertInput.idNumber);
    const accepted = await fujian.post(`/api/expert-shares/${share.id}/answer`, {
      isAccepted: true,
      reason: '协议已核对',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', answeredBy: 'fujian' });
    const after = await listDrawCandidates(t.db, {
      jurisdictionPath: '100000/350000/350100',
      conflictOrganisationIds: [],
      onDate: today(),
    });
    expect(after.candidates.map((c) => c.id)).toContain(id);
    await t.db
      .update(experts)
      .set({ termStart: '2020-01-01', termEnd: '2023-01-01' })
      .where(eq(experts.id, id));
    const expired = await listDrawCandidates(t.db, {
      jurisdictionPath: '100000/350000/350100',
      conflictOrganisationIds: [],
      onDate: today(),
    });
    expect(expired.exclusions).toContainEqual({ id, reasons: ['term:outside'] });
  });

  it('lets only the receiving side answer a share, once; declined or changed, the expert is not drawable', async () => {
    const jilin = await t.signIn('jilin');
    const { id } = (
      await jilin.post('/api/experts', {
        ...expertInput,
        idNumber: '220102198001011236',
        jurisdictionCode: '220000',
      })
    ).json();
    await jilin.post(`/api/experts/${id}/review`, { isApproved: true, reason: '审核通过' });
    const terms = { agreement: '闽吉协议', validFrom: '2026-01-01', validTo: '2030-12-31' };
    await jilin.post(`/api/experts/${id}/shares`, { ...terms, jurisdictionCode: '350000' });
    const fujian = await t.signIn('fujian');
    const pending = (await fujian.get('/api/expert-shares?status=pending')).json().items;
    const share = pending.find((s: { expertId: number }) => s.expertId === id);
    // The offering side cannot accept its own offer, nor can a member unit or a sibling province.
    expect((await jilin.post(`/api/expert-shares/${share.id}/answer`, { isAccepted: true })).statusCode).toBe(
      404,
    );
    const member = await t.signIn(
      (await t.buildUser({ role: 'member_officer', jurisdictionCode: '350000' })).username,
      TEST_PASSWORD,
    );
    expect(
      (await member.post(`/api/expert-shares/${share.id}/answer`, { isAccepted: true })).statusCode,
    ).toBe(403);
    const xiamen = await t.signIn(
      (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' })).username,
      TEST_PASSWORD,
    );
    expect(
      (await xiamen.post(`/api/expert-shares/${share.id}/answer`, { isAccepted: true })).statusCode,
    ).toBe(404);
    expect((await xiamen.get('/api/expert-shares')).json().items).toEqual([]);

    const declined = await fujian.post(`/api/expert-shares/${share.id}/answer`, {
      isAccepted: false,
      reason: '协议未签署',
    });
    expect(declined.json()).toMatchObject({ status: 'declined', answerReason: '协议未签署' });
    const again = await fujian.post(`/api/expert-shares/${share.id}/answer`, { isAccepted: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('expert.share_not_pending');
    const drawable = async () =>
      (
        await listDrawCandidates(t.db, {
          jurisdictionPath: '100000/350000/350100',
          conflictOrganisationIds: [],
          onDate: today(),
        })
      ).candidates.map((c) => c.id);
    expect(await drawable()).not.toContain(id);
    // Offered again with new terms: pending again until answered.
    await jilin.post(`/api/experts/${id}/shares`, {
      ...terms,
      validTo: '2029-12-31',
      jurisdictionCode: '350000',
    });
    expect((await fujian.get('/api/expert-shares?status=pending')).json().items).toContainEqual(
      expect.objectContaining({ id: share.id, validTo: '2029-12-31' }),
    );
    expect(await drawable()).not.toContain(id);
    await fujian.post(`/api/expert-shares/${share.id}/answer`, { isAccepted: true });
    expect(await drawable()).toContain(id);
    const audit = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'expert_share'), eq(auditLog.targetId, String(share.id))))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['expert.share.decline', 'expert.share.accept']);
  });

  it('draws the same panel from the same seed, a different one from another, never a repeated expert', () => {
    const candidates = Array.from({ length: 20 }, (_, i) => ({
      id: i + 1,
      fields: i % 2 ? ['财务管理'] : ['工伤预防'],
    }));
    const rule = { size: 5, fieldMix: [{ field: '财务管理', count: 2 }] };
    const seed = seedOf('secret', 'beacon');
    const a = drawPanel(seed, candidates, rule);
    expect(drawPanel(seed, [...candidates].reverse(), rule)).toEqual(a);
    expect(new Set(a.map((p) => p.expertId)).size).toBe(5);
    expect(a.slice(0, 2).every((p) => (p.expertId - 1) % 2 === 1)).toBe(true);
    const others = Array.from({ length: 10 }, (_, i) =>
      drawPanel(seedOf('secret', `b${i}`), candidates, rule),
    );
    expect(others.some((o) => JSON.stringify(o) !== JSON.stringify(a))).toBe(true);
  });
});

describe('demo data', () => {
  it('seeds experts, a budget from last year’s fund data and projects in several states, once', async () => {
    await buildFundRow(t, '350100', currentYear() - 1);
    expect(await seedDemoProjects(t.db)).toBe(true);
    expect(await seedDemoProjects(t.db)).toBe(false);
    const rows = await t.db.select({ status: preventionProjects.status }).from(preventionProjects);
    expect(rows.map((r) => r.status).sort()).toEqual(['declared', 'disclosed', 'reviewing']);
    const expert = await t.signIn('zhuanjia1');
    expect((await expert.get('/api/review-assignments')).statusCode).toBe(200);
  });
});
