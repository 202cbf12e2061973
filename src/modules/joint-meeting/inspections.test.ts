import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { jurisdictionIdOf } from '../../../test/projects-builders.js';
import { organisations } from '../organisations/organisations.tables.js';
import { describeInspectionsOfYear } from './inspections.service.js';

// Joint inspections (联合检查): Fuzhou's meeting office plans one with 应急 and 卫健 at an uninsured
// employer (on the monitoring list); each records a finding; the hazard becomes a rectification.

let t: TestApp;
let officer: Agent;
let emergency: Agent;
let health: Agent;
let emergencyUnit: number;
let healthUnit: number;
let listed: number;
let unlisted: number;

async function orgId(name: string) {
  const [row] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (!row) throw new Error(`no ${name}`);
  return row.id;
}

async function employer(name: string, insuranceStatus: 'insured' | 'uninsured') {
  const [row] = await t.db
    .insert(organisations)
    .values({ kind: 'employer', name, insuranceStatus, jurisdictionId: await jurisdictionIdOf(t, '350102') })
    .returning({ id: organisations.id });
  if (!row) throw new Error('insert');
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signIn('fuzhou');
  emergencyUnit = await orgId('福州市应急管理局');
  healthUnit = await orgId('福州市卫生健康委员会');
  const e = await t.buildUser({
    role: 'member_officer',
    jurisdictionCode: '350100',
    organisationId: emergencyUnit,
  });
  const h = await t.buildUser({
    role: 'member_officer',
    jurisdictionCode: '350100',
    organisationId: healthUnit,
  });
  emergency = await t.signIn(e.username, TEST_PASSWORD);
  health = await t.signIn(h.username, TEST_PASSWORD);
  listed = await employer('鼓楼联合检查未参保企业', 'uninsured');
  unlisted = await employer('鼓楼联合检查已参保企业', 'insured');
});
afterAll(async () => {
  await t.close();
});

describe('joint inspections', () => {
  let inspectionId: number;
  let hazardId: number;
  let rectificationId: number;
  const plan = (employers: { employerId: number; source: 'ledger' | 'monitoring' }[]) =>
    officer.post('/api/inspections', {
      jurisdictionCode: '350100',
      title: '2026 年冬季联合检查',
      startsOn: '2026-11-20',
      endsOn: '2026-11-30',
      memberUnitIds: [emergencyUnit, healthUnit],
      employers,
    });

  it('refuses an employer that is not on the chosen list, naming the row', async () => {
    const res = await plan([{ employerId: unlisted, source: 'monitoring' }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ field: 'employers.0.employerId', code: 'inspection.not_on_list' }),
    ]);
  });

  it('plans an inspection of a monitored employer, with each unit’s checklist', async () => {
    const res = await plan([{ employerId: listed, source: 'monitoring' }]);
    expect(res.statusCode, res.body).toBe(201);
    inspectionId = res.json().id;
    const units = res.json().units as { id: number; checklist: { code: string }[] }[];
    expect(units.find((u) => u.id === emergencyUnit)?.checklist.map((c) => c.code)).toEqual([
      'hazard_register',
      'permits',
      'drills',
    ]);
  });

  it('refuses a finding without an employer, or with one the inspection did not choose, naming the field', async () => {
    const missing = await emergency.post(`/api/inspections/${inspectionId}/findings`, {
      checklist: [],
      finding: '未见隐患排查台账',
      isHazard: true,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: { field: string }) => f.field)).toEqual(['employerId']);
    const other = await emergency.post(`/api/inspections/${inspectionId}/findings`, {
      employerId: unlisted,
      checklist: [],
      finding: '未见隐患排查台账',
      isHazard: true,
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().fields[0].field).toBe('employerId');
    const unknownItem = await emergency.post(`/api/inspections/${inspectionId}/findings`, {
      employerId: listed,
      checklist: [{ code: 'dust_monitoring', isMet: false }],
      finding: '粉尘未检测',
      isHazard: true,
    });
    expect(unknownItem.statusCode).toBe(400);
    expect(unknownItem.json().fields[0].field).toBe('checklist.0.code');
  });

  it('records each unit’s finding with its checklist and a photo', async () => {
    const hazard = await emergency.post(`/api/inspections/${inspectionId}/findings`, {
      employerId: listed,
      checklist: [
        { code: 'hazard_register', isMet: false, note: '台账缺失' },
        { code: 'permits', isMet: true },
      ],
      finding: '未建立隐患排查治理台账',
      isHazard: true,
    });
    expect(hazard.statusCode, hazard.body).toBe(201);
    hazardId = hazard.json().id;
    expect(hazard.json()).toMatchObject({
      department: 'emergency',
      unitId: emergencyUnit,
      employerId: listed,
    });
    const note = await health.post(`/api/inspections/${inspectionId}/findings`, {
      employerId: listed,
      checklist: [{ code: 'ppe', isMet: true }],
      finding: '防护用品配备齐全',
      isHazard: false,
    });
    expect(note.statusCode).toBe(201);
    const bytes = Buffer.from('\x89PNG fake photo bytes');
    const photo = await emergency.request({
      method: 'POST',
      url: `/api/inspection-findings/${hazardId}/photos?fileName=现场.png`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const got = await officer.get(`/api/inspection-photos/${photo.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(bytes)).toBe(true);
    expect(got.headers['content-type']).toContain('image/png');
  });

  it('turns the hazard into a rectification suggestion with its deadline, once', async () => {
    const res = await officer.post(`/api/inspection-findings/${hazardId}/rectification`, {
      suggestion: '30 日内建立隐患排查治理台账',
      deadline: '2027-01-15',
      responsibleOrganisationId: emergencyUnit,
    });
    expect(res.statusCode, res.body).toBe(201);
    rectificationId = res.json().id;
    expect(res.json()).toMatchObject({
      employerId: listed,
      deadline: '2027-01-15',
      status: 'issued',
      responsibleOrganisationId: emergencyUnit,
    });
    expect(res.json().finding).toContain('未建立隐患排查治理台账');
    const again = await officer.post(`/api/inspection-findings/${hazardId}/rectification`, {
      suggestion: '重复',
      deadline: '2027-01-15',
      responsibleOrganisationId: emergencyUnit,
    });
    expect(again.statusCode).toBe(409);
    const detail = (await officer.get(`/api/inspections/${inspectionId}`)).json();
    expect(detail.findings.find((f: { id: number }) => f.id === hazardId)).toMatchObject({
      rectificationId,
      rectificationStatus: 'issued',
      photos: [expect.objectContaining({ fileName: '现场.png' })],
    });
  });

  it('reports the year: 1 inspection, 1 employer, findings by department, 1 rectification issued and closed', async () => {
    const closed = await emergency.post(`/api/rectifications/${rectificationId}/follow-ups`, {
      kind: 'close',
      note: '已建立台账并上传照片',
    });
    expect(closed.statusCode, closed.body).toBe(201);
    const res = await officer.get('/api/inspection-reports/350100/2026');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      jurisdiction: { code: '350100', name: '福州市' },
      year: 2026,
      inspections: 1,
      employersPlanned: 1,
      employersInspected: 1,
      findings: 2,
      findingsByDepartment: [
        { department: 'emergency', findings: 1, hazards: 1 },
        { department: 'health', findings: 1, hazards: 0 },
      ],
      rectificationsIssued: 1,
      rectificationsClosed: 1,
    });
    // Xiamen's subtree has none; the function the yearly report calls agrees for another year.
    expect((await describeInspectionsOfYear(t.db, '350000/350100', 2025)).inspections).toBe(0);
  });
});
