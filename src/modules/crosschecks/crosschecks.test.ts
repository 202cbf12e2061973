import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCIDENT_HEADER, accidentRow, makeCreditCode, toCsv } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { fixedClock } from '../../platform/time.js';
import {
  diseaseCases,
  injuryCases,
  insuredHeadcounts,
  insuredPersons,
  safetyAccidents,
} from '../exchange/exchange.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { notifications } from '../notifications/notifications.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { runCrosschecks, summariseOpenHits } from './crosschecks.service.js';
import { crosscheckHits } from './crosschecks.tables.js';

/**
 * Cross-checks (AN-6). The rule tests build their records by hand in 仓山区 (350104), which no
 * other test of this file touches, and run the rules over those employers only; the expected hits
 * are worked out in each test's comment.
 */

const TODAY = '2026-12-07';
let t: TestApp;
let fuzhou: Agent;
let cangshan: { id: number; path: string };
let serial = 7100;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(`${TODAY}T02:00:00Z`) });
  fuzhou = await t.signIn('fuzhou');
  const [j] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350104'));
  if (!j) throw new Error('350104 not loaded');
  cangshan = { id: j.id, path: j.path };
});
afterAll(async () => t.close());

async function buildEmployer(industryCode = '4710'): Promise<number> {
  serial += 1;
  const [row] = await t.db
    .insert(organisations)
    .values({
      kind: 'employer',
      name: `仓山比对测试企业${serial}`,
      creditCode: makeCreditCode('350104', serial),
      industryCode,
      insuranceStatus: 'insured',
      jurisdictionId: cangshan.id,
    })
    .returning({ id: organisations.id });
  return row?.id ?? 0;
}

let person = 0;
/** A 身份证号-like key; with encryption off the index is the number itself. */
const nextPerson = () => `35010419850615${String(++person).padStart(4, '0')}`;

async function buildInjury(
  employerId: number,
  o: { occurredOn: string; idNumber?: string; caseNo?: string },
) {
  const idNumber = o.idNumber ?? nextPerson();
  const caseNo = o.caseNo ?? `仓比对〔${o.occurredOn}〕${++person}号`;
  await t.db.insert(injuryCases).values({
    caseNo,
    employerId,
    jurisdictionId: cangshan.id,
    idNumber,
    idNumberIndex: idNumber,
    personName: '测试职工',
    sex: 'male',
    birthDate: '1985-06-15',
    occurredOn: o.occurredOn,
    determinedOn: o.occurredOn,
    ground: '14-1',
    severity: 'minor',
    isDeath: false,
    fundExpenditureFen: 100,
    batchId: 0,
  });
  return caseNo;
}

async function buildHeadcount(employerId: number, year: number, insured: number, employees: number | null) {
  await t.db
    .insert(insuredHeadcounts)
    .values({ employerId, year, averageInsured: insured, averagePaying: insured, employees, batchId: 0 });
}

const run = (employerIds: number[]) =>
  runCrosschecks(t.db, { path: cangshan.path, employerIds, asOf: TODAY });

async function hitsOf(rule: string, employerIds: number[]) {
  const rows = await t.db
    .select()
    .from(crosscheckHits)
    .where(eq(crosscheckHits.ruleCode, rule))
    .orderBy(asc(crosscheckHits.id));
  return rows.filter((h) => employerIds.includes(h.employerId));
}

describe('rules, each with a positive and a negative case', () => {
  it('(a) a determination whose employer has no insured headcount that year', async () => {
    // A: injury 2025, no 2025 headcount → hit. B: injury 2025, headcount 2025 of 50 → none.
    // A's 2026 injury: 2026 is not checked yet (latestYearOffset 1: the year's headcount comes after it).
    const a = await buildEmployer();
    const b = await buildEmployer();
    const hitCase = await buildInjury(a, { occurredOn: '2025-03-14' });
    await buildInjury(a, { occurredOn: '2026-03-14' });
    await buildInjury(b, { occurredOn: '2025-05-01' });
    await buildHeadcount(b, 2025, 50, 60);
    await run([a, b]);
    const hits = await hitsOf('injury-without-headcount', [a, b]);
    expect(hits.map((h) => h.subjectKey)).toEqual([`injury:${hitCase}`]);
    expect(hits[0]).toMatchObject({ employerId: a, status: 'open', ownerDepartment: 'social_insurance' });
    expect(hits[0]?.evidence).toMatchObject({ year: 2025, averageInsured: null });
  });

  it('(b) an injured worker who is not on the employer’s insured list of the year', async () => {
    // C lists P1 for 2025; C's injuries of P1 (listed) and P2 (not listed) → one hit, P2's.
    // D has no list for 2025 at all → no hit (the lists are required of dust-hazard employers first).
    const c = await buildEmployer();
    const d = await buildEmployer();
    const p1 = nextPerson();
    await t.db.insert(insuredPersons).values({
      employerId: c,
      year: 2025,
      idNumber: p1,
      idNumberIndex: p1,
      personName: '参保职工',
      sex: 'male',
      birthDate: '1985-06-15',
      insuredFrom: '2020-01-01',
      batchId: 0,
    });
    await buildInjury(c, { occurredOn: '2025-04-01', idNumber: p1 });
    const p2Case = await buildInjury(c, { occurredOn: '2025-04-02' });
    await buildInjury(d, { occurredOn: '2025-04-03' });
    await run([c, d]);
    expect((await hitsOf('injured-not-insured', [c, d])).map((h) => h.subjectKey)).toEqual([
      `injury:${p2Case}`,
    ]);
  });

  it('(c) a safety accident with deaths and no determination within the time allowed', async () => {
    // asOf 2026-12-07, 90 days allowed → accidents up to 2026-09-08 are due.
    // E 2026-06-01, 1 death, no determination → hit. F 2026-06-01, 1 death, a determination of
    // 2026-06-02 (within 3 days) → none. E 2026-11-20 → not due yet. G 2026-05-01 with no deaths → none.
    const e = await buildEmployer();
    const f = await buildEmployer();
    const g = await buildEmployer();
    const accident = (employerId: number, no: string, occurredOn: string, deaths: number) =>
      t.db.insert(safetyAccidents).values({
        accidentNo: no,
        employerId,
        jurisdictionId: cangshan.id,
        occurredOn,
        category: '10',
        grade: 'ordinary',
        deaths,
        seriousInjuries: 0,
        directLossFen: 0,
        batchId: 0,
      });
    await accident(e, 'CS-A-1', '2026-06-01', 1);
    await accident(f, 'CS-A-2', '2026-06-01', 1);
    await buildInjury(f, { occurredOn: '2026-06-02' });
    await accident(e, 'CS-A-3', '2026-11-20', 2);
    await accident(g, 'CS-A-4', '2026-05-01', 0);
    await run([e, f, g]);
    const hits = await hitsOf('accident-without-determination', [e, f, g]);
    expect(hits.map((h) => h.subjectKey)).toEqual(['accident:CS-A-1']);
    const [unit] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州市应急管理局'));
    // 仓山区 has no 应急 unit of its own: the nearest ancestor's (Fuzhou's) answers.
    expect(hits[0]?.ownerOrganisationId).toBe(unit?.id);
    expect(hits[0]?.deadline).toBe('2026-12-22'); // 2026-12-07 + 15 response days
  });

  it('(d) an occupational-disease diagnosis with no determination', async () => {
    // H: P3 diagnosed 2026-03-01 with no determination → hit; P4 diagnosed 2026-03-01 and
    // determined (injury of 2026-03-01 at H) → none. 180 days allowed: 2026-03-01 is due.
    const h = await buildEmployer('3032');
    const p3 = nextPerson();
    const p4 = nextPerson();
    const diagnosis = (no: string, idNumber: string) =>
      t.db.insert(diseaseCases).values({
        caseNo: no,
        employerId: h,
        jurisdictionId: cangshan.id,
        idNumber,
        idNumberIndex: idNumber,
        personName: '测试患者',
        catalogueVersion: '2013',
        diseaseClass: '01',
        diseaseName: '矽肺',
        isPneumoconiosis: true,
        diagnosedOn: '2026-03-01',
        exposureYears: '8.0',
        batchId: 0,
      });
    await diagnosis('CS-D-1', p3);
    await diagnosis('CS-D-2', p4);
    await buildInjury(h, { occurredOn: '2026-03-01', idNumber: p4 });
    await run([h]);
    const hits = await hitsOf('disease-without-determination', [h]);
    expect(hits.map((x) => x.subjectKey)).toEqual(['disease:CS-D-1']);
    expect(hits[0]?.ownerDepartment).toBe('health');
  });

  it('(e) a dust-hazard employer whose insured share is below the threshold', async () => {
    // I (3032 stone processing) 80 of 100 = 0.8 < 0.9 → hit; J (3032) 95 of 100 → none;
    // K (4710 construction, not dust) 50 of 100 → none.
    const i = await buildEmployer('3032');
    const j = await buildEmployer('3032');
    const k = await buildEmployer('4710');
    await buildHeadcount(i, 2025, 80, 100);
    await buildHeadcount(j, 2025, 95, 100);
    await buildHeadcount(k, 2025, 50, 100);
    await run([i, j, k]);
    const hits = await hitsOf('dust-insured-share', [i, j, k]);
    expect(hits.map((x) => x.subjectKey)).toEqual([`employer:${i}:2025`]);
    expect(hits[0]?.evidence).toMatchObject({ share: 0.8, insured: 80, employees: 100 });
  });

  it('a second run raises nothing twice; a cause that disappears resolves its hit', async () => {
    const a = await buildEmployer();
    await buildInjury(a, { occurredOn: '2025-02-02' });
    expect((await run([a])).raised).toBe(1);
    expect((await run([a])).raised).toBe(0);
    await buildHeadcount(a, 2025, 10, 12);
    expect(await run([a])).toMatchObject({ raised: 0, resolved: 1 });
    const [hit] = await hitsOf('injury-without-headcount', [a]);
    expect(hit?.status).toBe('resolved');
  });

  it('the overview summary counts the standing hits of an area, and those overdue', async () => {
    // Standing in 仓山区 after the tests above. (a): A's 2025 case, and the 2025 cases of C (two) and
    // D (one), which have no headcount either → 4 (the last test's hit is resolved: not counted).
    // (b) 1, (c) 1, (d) 1, (e) 1. Total 8. Deadlines are 2026-12-22: none overdue today, all on 2027-01-01.
    const summary = await summariseOpenHits(t.db, { path: cangshan.path }, TODAY);
    expect(summary).toMatchObject({ open: 8, overdue: 0 });
    expect(summary.byRule).toEqual([
      { rule: 'injury-without-headcount', title: '工伤认定单位当年无参保人数', open: 4 },
      { rule: 'injured-not-insured', title: '工伤职工不在单位参保人员名单', open: 1 },
      { rule: 'accident-without-determination', title: '生产安全事故有死亡而无工伤认定', open: 1 },
      { rule: 'disease-without-determination', title: '职业病诊断无工伤认定', open: 1 },
      { rule: 'dust-insured-share', title: '粉尘危害行业单位参保率偏低', open: 1 },
    ]);
    expect(await summariseOpenHits(t.db, { path: cangshan.path }, '2027-01-01')).toMatchObject({
      open: 8,
      overdue: 8,
    });
  });
});

describe('answering a hit', () => {
  it('closing without an explanation is refused; explain then close; another unit cannot see it', async () => {
    const [hit] = await hitsOf(
      'disease-without-determination',
      (await t.db.select().from(organisations)).map((o) => o.id),
    );
    const id = hit?.id ?? 0;
    const [health] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州市卫生健康委员会'));
    const [emergency] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州市应急管理局'));
    const officer = await t.buildUser({
      role: 'member_officer',
      jurisdictionCode: '350100',
      organisationId: health?.id,
    });
    const other = await t.buildUser({
      role: 'member_officer',
      jurisdictionCode: '350100',
      organisationId: emergency?.id,
    });
    const healthAgent = await t.signIn(officer.username, TEST_PASSWORD);
    const otherAgent = await t.signIn(other.username, TEST_PASSWORD);

    const list = (await healthAgent.get('/api/crosschecks/hits?jurisdiction=350104')).json();
    expect(list.items.map((h: { id: number }) => h.id)).toEqual([id]);
    expect((await otherAgent.get(`/api/crosschecks/hits/${id}`)).statusCode).toBe(404);
    const inbox = await t.db.select().from(notifications).where(eq(notifications.userId, officer.id));
    expect(inbox).toHaveLength(0); // the unit's users are told at detection; this one was made after

    const refused = await healthAgent.post(`/api/crosschecks/hits/${id}/close`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].field).toBe('explanation');
    const blank = await healthAgent.post(`/api/crosschecks/hits/${id}/explain`, { explanation: '   ' });
    expect(blank.statusCode).toBe(400);
    const explained = await healthAgent.post(`/api/crosschecks/hits/${id}/explain`, {
      explanation: '该职工已调离，认定由原单位所在地办理',
    });
    expect(explained.json()).toMatchObject({ status: 'explained' });
    const closed = await healthAgent.post(`/api/crosschecks/hits/${id}/close`, {});
    expect(closed.statusCode).toBe(200);
    expect(closed.json().events.map((e: { action: string }) => e.action)).toEqual([
      'detected',
      'explained',
      'closed',
    ]);
    expect((await healthAgent.post(`/api/crosschecks/hits/${id}/confirm`, {})).statusCode).toBe(409);
    // The HRSS officer sees every unit's hits of its scope; a sibling city's sees none.
    expect((await fuzhou.get(`/api/crosschecks/hits/${id}`)).statusCode).toBe(200);
    const xiamen = await t.signIn(
      (await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' })).username,
      TEST_PASSWORD,
    );
    expect((await xiamen.get(`/api/crosschecks/hits/${id}`)).statusCode).toBe(404);
  });
});

describe('rule parameters as data', () => {
  it('refuses an unknown parameter or field, naming it', async () => {
    const fujian = await t.signIn('fujian');
    const unknownParam = await fujian.put('/api/crosschecks/rules/dust-insured-share', {
      params: {
        industryPrefixes: ['30'],
        minShare: 0.8,
        shareField: 'averageInsured',
        lookbackYears: 3,
        latestYearOffset: 1,
        threshold: 3,
      },
      reason: '测试',
    });
    expect(unknownParam.statusCode).toBe(400);
    expect(unknownParam.json().fields[0].field).toBe('params.threshold');
    const unknownField = await fujian.put('/api/crosschecks/rules/dust-insured-share', {
      params: {
        industryPrefixes: ['30'],
        minShare: 0.8,
        shareField: 'insuredCount',
        lookbackYears: 3,
        latestYearOffset: 1,
      },
      reason: '测试',
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().fields[0].field).toBe('params.shareField');
    expect(unknownField.json().message).toContain('insuredCount');
    const badShare = await fujian.put('/api/crosschecks/rules/dust-insured-share', {
      params: {
        industryPrefixes: ['30'],
        minShare: 1.5,
        shareField: 'averageInsured',
        lookbackYears: 3,
        latestYearOffset: 1,
      },
      reason: '测试',
    });
    expect(badShare.json().fields[0].field).toBe('params.minShare');
    // A city officer does not change the national rule set.
    expect(
      (await fuzhou.put('/api/crosschecks/rules/dust-insured-share', { isActive: false, reason: '测试' }))
        .statusCode,
    ).toBe(403);
    const ok = await fujian.put('/api/crosschecks/rules/accident-without-determination', {
      params: { responseDays: 60, matchWindowDays: 3, lookbackYears: 2 },
      reason: '事故认定期限按60天',
    });
    expect(ok.json()).toMatchObject({ params: { responseDays: 60 } });
    await fujian.put('/api/crosschecks/rules/accident-without-determination', {
      params: { responseDays: 90, matchWindowDays: 3, lookbackYears: 2 },
      reason: '恢复',
    });
  });
});

describe('incremental run after an import', () => {
  it('an accident import raises a hit in the 应急 unit’s inbox; its correcting batch resolves it', async () => {
    const [emergency] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州市应急管理局'));
    const officer = await t.buildUser({
      role: 'member_officer',
      jurisdictionCode: '350100',
      organisationId: emergency?.id,
    });
    const agent = await t.signIn(officer.username, TEST_PASSWORD);
    const creditCode = makeCreditCode('350102', 7901);
    const upload = async (rows: string[][], extra = '') => {
      const res = await agent.request({
        method: 'POST',
        url: `/api/exchange/batches?domain=accidents&fileName=accidents.csv${extra}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from(toCsv([ACCIDENT_HEADER, ...rows]), 'utf8'),
      });
      expect(res.statusCode, res.body).toBe(202);
      await t.app.jobs.idle();
      return res.json().batch.id as number;
    };
    const first = await upload([
      accidentRow(1, { accidentNo: 'FZ-CC-0001', creditCode, occurred: '2026-06-02', deaths: '1' }),
    ]);
    const [hit] = await t.db
      .select()
      .from(crosscheckHits)
      .where(eq(crosscheckHits.subjectKey, 'accident:FZ-CC-0001'));
    expect(hit).toMatchObject({
      ruleCode: 'accident-without-determination',
      status: 'open',
      ownerOrganisationId: emergency?.id,
      detectedByBatchId: first,
    });
    const inbox = (await agent.get('/api/notifications')).json();
    expect(inbox.items.map((n: { kind: string; link: string }) => [n.kind, n.link])).toContainEqual([
      'crosscheck.hit',
      `/crosschecks/hits/${hit?.id}`,
    ]);
    expect(
      (await agent.post(`/api/crosschecks/hits/${hit?.id}/confirm`, { note: '死亡人数误填' })).statusCode,
    ).toBe(200);

    // The correction: the accident had no death (a serious injury was entered as a death).
    const correcting = await upload(
      [
        accidentRow(1, {
          accidentNo: 'FZ-CC-0001',
          creditCode,
          occurred: '2026-06-02',
          deaths: '0',
          serious: '1',
        }),
      ],
      `&supersedes=${first}&reason=${encodeURIComponent('更正死亡人数')}`,
    );
    const detail = (await agent.get(`/api/crosschecks/hits/${hit?.id}`)).json();
    expect(detail).toMatchObject({ status: 'resolved', resolvedByBatchId: correcting });
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'detected',
      'confirmed',
      'resolved',
    ]);
    // Two imports through the worker: 16 s on a quiet machine, over 60 s under a shared machine's load.
  }, 240_000);
});
