import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { rowsOf } from '../../platform/db/rows.js';
import { addDays, fixedClock, today } from '../../platform/time.js';
import { computeIdCheckChar } from '../exchange/id-number.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * Technical schools (TR-3) and the recommended lists (TR-5), as of 2026-06-30. Figures by hand in
 * the comments.
 */
let t: TestApp;
let fuzhou: Agent;
let school: Agent;
let institution: Agent;
let xiamen: Agent;
const ids = {} as Record<'school' | 'otherSchool' | 'institution' | 'course', number>;

function student(n: number): string {
  const first17 = `350121200806${String(n).padStart(2, '0')}${String(300 + n).slice(-3)}`;
  return first17 + computeIdCheckChar(first17);
}

async function addOrganisation(
  kind: 'technical_school' | 'training_institution',
  name: string,
  county: string,
) {
  const [j] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, county));
  const [row] = await t.db
    .insert(organisations)
    .values({ kind, name, jurisdictionId: j?.id as number })
    .returning({ id: organisations.id });
  return row?.id as number;
}

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-06-30T04:00:00Z') });
  fuzhou = await t.signIn('fuzhou');
  ids.school = await addOrganisation('technical_school', '福州测试技师学院', '350121');
  ids.otherSchool = await addOrganisation('technical_school', '连江测试技工学校', '350122');
  ids.institution = await addOrganisation('training_institution', '福州测试安全培训中心', '350102');
  const schoolUser = await t.buildUser({
    role: 'service_org',
    jurisdictionCode: '350121',
    organisationId: ids.school,
  });
  const institutionUser = await t.buildUser({
    role: 'service_org',
    jurisdictionCode: '350102',
    organisationId: ids.institution,
  });
  const xiamenUser = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
  school = await t.signIn(schoolUser.username, TEST_PASSWORD);
  institution = await t.signIn(institutionUser.username, TEST_PASSWORD);
  xiamen = await t.signIn(xiamenUser.username, TEST_PASSWORD);
  const course = await fuzhou.post('/api/training/courses', {
    title: '技工院校工伤预防必修课',
    form: 'mixed',
    roleCodes: ['team_leader'],
    contentItems: ['policy', 'accident_prevention', 'warning_education'],
    hours: 12,
  });
  expect(course.statusCode, course.body).toBe(201);
  ids.course = course.json().id;
});
afterAll(async () => t?.close());

describe('technical schools (TR-3)', () => {
  let classId = 0;
  const students: number[] = [];

  it('offers the school the courses that apply at its county (Fuzhou’s, set up above it)', async () => {
    const courses = await school.get('/api/training/school-courses');
    expect(courses.statusCode, courses.body).toBe(200);
    expect(courses.json().items).toContainEqual({
      id: ids.course,
      title: '技工院校工伤预防必修课',
      hours: 12,
      jurisdictionName: '福州市',
    });
    // 闽侯县's school is outside Xiamen: its officer sees none of them.
    expect((await xiamen.get('/api/training/school-courses?jurisdiction=350121')).statusCode).toBe(404);
  });

  it('records a class with its required course, and its students', async () => {
    const created = await school.post('/api/training/school-classes', {
      schoolId: ids.school,
      cohort: 2024,
      name: '数控2401班',
      major: '数控技术',
      courseId: ids.course,
    });
    expect(created.statusCode, created.body).toBe(201);
    classId = created.json().id;
    for (const [i, name] of ['陈一', '林二', '黄三', '吴四'].entries()) {
      const res = await school.post(`/api/training/school-classes/${classId}/students`, {
        personName: name,
        idNumber: student(i + 1),
      });
      expect(res.statusCode, res.body).toBe(201);
      students.push(res.json().id);
    }
    // A school records for itself only; a bad 身份证号 names the field.
    const other = await school.post('/api/training/school-classes', {
      schoolId: ids.otherSchool,
      cohort: 2024,
      name: '他校班级',
      courseId: ids.course,
    });
    expect(other.statusCode).toBe(404); // 连江县's school: outside the school account's scope
    const bad = await school.post(`/api/training/school-classes/${classId}/students`, {
      personName: '错号',
      idNumber: `${student(9).slice(0, 17)}${student(9).endsWith('1') ? '2' : '1'}`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('idNumber');
    // Twice the same class or student: 409 naming the class, or the student's number masked.
    const again = await school.post('/api/training/school-classes', {
      schoolId: ids.school,
      cohort: 2024,
      name: '数控2401班',
      courseId: ids.course,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      message: '本校已有 2024 级“数控2401班”班，请勿重复登记',
      fields: [{ field: 'name' }],
    });
    const twice = await school.post(`/api/training/school-classes/${classId}/students`, {
      personName: '陈一',
      idNumber: student(1),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().fields[0].field).toBe('idNumber');
    expect(twice.json().message).toBe(
      `该学生（身份证号 ${student(1).slice(0, 6)}********${student(1).slice(14, 16)}*${student(1).slice(17)}）已在本班`,
    );
  });

  it('refuses an internship without a passed assessment, naming the student; accepts it after a pass', async () => {
    // Pass mark 60 (the default): 陈一 75 passes; 林二 59 fails; 黄三 not assessed.
    const pass = await school.post(`/api/training/school-students/${students[0]}/assessments`, {
      assessedOn: '2026-06-10',
      score: 75,
    });
    expect(pass.json()).toMatchObject({ passMark: 60, isPassed: true });
    const fail = await school.post(`/api/training/school-students/${students[1]}/assessments`, {
      assessedOn: '2026-06-10',
      score: 59,
    });
    expect(fail.json()).toMatchObject({ passMark: 60, isPassed: false });
    for (const s of [students[1], students[2]]) {
      const refused = await school.post(`/api/training/school-students/${s}/placements`, {
        hostName: '闽侯测试机械厂',
        startsOn: '2026-07-01',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields).toEqual([
        expect.objectContaining({ field: 'studentId', code: 'schools.assessment_not_passed' }),
      ]);
    }
    const refusedBody = await school.post(`/api/training/school-students/${students[1]}/placements`, {
      hostName: '闽侯测试机械厂',
      startsOn: '2026-07-01',
    });
    expect(refusedBody.json().fields[0].message).toContain('林*');
    // A pass after the start does not count for it.
    const early = await school.post(`/api/training/school-students/${students[0]}/placements`, {
      hostName: '闽侯测试机械厂',
      startsOn: '2026-06-01',
    });
    expect(early.statusCode).toBe(400);
    const placed = await school.post(`/api/training/school-students/${students[0]}/placements`, {
      hostName: '闽侯测试机械厂',
      startsOn: '2026-07-01',
    });
    expect(placed.statusCode, placed.body).toBe(201);
  });

  it('takes the pass mark from the settings: 70 at 闽侯县 fails a 65 that 60 would pass', async () => {
    const set = await fuzhou.put('/api/settings/350121/training.schoolPassMark', {
      value: 70,
      reason: '闽侯县提高合格线',
    });
    expect(set.statusCode, set.body).toBeLessThan(300);
    const res = await school.post(`/api/training/school-students/${students[3]}/assessments`, {
      assessedOn: '2026-06-20',
      score: 65,
    });
    expect(res.json()).toMatchObject({ passMark: 70, isPassed: false });
  });

  it('counts coverage per school by hand: 4 students, 1 passed (25 %), 1 placed', async () => {
    const res = await fuzhou.get('/api/training/schools/coverage?jurisdiction=350100');
    expect(res.statusCode, res.body).toBe(200);
    const bySchool = Object.fromEntries(
      res.json().items.map((s: { schoolName: string }) => [s.schoolName, s]),
    );
    expect(bySchool.福州测试技师学院).toMatchObject({
      classes: 1,
      students: 4,
      passed: 1,
      placed: 1,
      coveragePct: 25,
    });
    expect(bySchool.连江测试技工学校).toMatchObject({ classes: 0, students: 0, coveragePct: null });
    const students = (await school.get(`/api/training/school-classes/${classId}/students`)).json();
    expect(students.masked).toBe(true);
    expect(students.items[0]).toMatchObject({
      personName: '陈*',
      bestScore: 75,
      isPassed: true,
      placedAt: '闽侯测试机械厂',
    });
    // Xiamen sees none of it.
    expect((await xiamen.get(`/api/training/school-classes/${classId}/students`)).statusCode).toBe(404);
  });
});

describe('recommended training providers (TR-5)', () => {
  let providerId = 0;

  it('takes an application, records the review and publishes the list', async () => {
    const applied = await institution.post('/api/training-providers', {
      kind: 'institution',
      services: '重点行业企业负责人、班组长工伤预防线下培训',
      qualifications: '安全培训机构资质 闽安培〔2024〕12号',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    providerId = applied.json().id;
    // Not public before the review.
    const before = await t.app.inject({ method: 'GET', url: '/api/public/training-providers' });
    expect(before.json().items.map((p: { name: string }) => p.name)).not.toContain('福州测试安全培训中心');
    // Listing needs every aspect acceptable.
    const aspects = {
      qualification: { isAcceptable: true, note: '资质有效' },
      reputation: { isAcceptable: false, note: '2025年有投诉' },
      service: { isAcceptable: true, note: '师资充足' },
    };
    const refused = await fuzhou.post(`/api/training-providers/${providerId}/review`, {
      ...aspects,
      decision: 'list',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].field).toBe('reputation.isAcceptable');
    const listed = await fuzhou.post(`/api/training-providers/${providerId}/review`, {
      ...aspects,
      reputation: { isAcceptable: true, note: '投诉已核实处理' },
      decision: 'list',
    });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toMatchObject({
      status: 'listed',
      review: { reputation: { note: '投诉已核实处理' } },
    });
    const pub = await t.app.inject({
      method: 'GET',
      url: '/api/public/training-providers?jurisdiction=350100',
    });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().items).toEqual([
      expect.objectContaining({
        name: '福州测试安全培训中心',
        kind: 'institution',
        jurisdictionName: '鼓楼区',
      }),
    ]);
    expect(JSON.stringify(pub.json())).not.toContain('闽安培'); // the review and qualifications stay internal
  });

  it('removes a listed provider with its reason; the public list drops it', async () => {
    const noReason = await fuzhou.post(`/api/training-providers/${providerId}/remove`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const removed = await fuzhou.post(`/api/training-providers/${providerId}/remove`, {
      reason: '培训记录弄虚作假',
    });
    expect(removed.json()).toMatchObject({ status: 'removed', reason: '培训记录弄虚作假' });
    const pub = await t.app.inject({
      method: 'GET',
      url: '/api/public/training-providers?jurisdiction=350100',
    });
    expect(pub.json().items).toEqual([]);
    const own = (await institution.get('/api/own-training-providers')).json();
    expect(own.items[0]).toMatchObject({ status: 'removed', reason: '培训记录弄虚作假' });
    // Xiamen cannot act on Fuzhou's list.
    expect(
      (await xiamen.post(`/api/training-providers/${providerId}/remove`, { reason: '越权测试' })).statusCode,
    ).toBe(404);
  });
});

describe('demo data (schools and recommended lists, with gaps)', () => {
  it('seeds schools green, amber and red, and providers in every state', async () => {
    const { seedDemoTraining } = await import('../../seed/demo-training.js');
    const { seedDemoTrainingExtras } = await import('../../seed/demo-training-extras.js');
    await seedDemoTraining(t.db);
    expect(await seedDemoTrainingExtras(t.db)).toBe(true);
    const province = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350000' });
    const fujian = await t.signIn(province.username, TEST_PASSWORD);
    const schools = (await fujian.get('/api/training/schools/coverage?jurisdiction=350000')).json();
    const pct = Object.fromEntries(
      schools.items
        .filter((s: { schoolName: string }) => s.schoolName.endsWith('（演示）'))
        .map((s: { schoolName: string; coveragePct: number }) => [s.schoolName, s.coveragePct]),
    );
    // 20 students each: all pass; 8 of 10 assessed and 7 of 10 pass per class (14 of 20); none.
    expect(pct).toEqual({
      '福建省工业技师学院（演示）': 100,
      '福州机电工程职业技术学校（演示）': 70,
      '厦门技师学院（演示）': 0,
    });
    const pub = (
      await t.app.inject({ method: 'GET', url: '/api/public/training-providers?jurisdiction=350000' })
    ).json();
    expect(pub.items.map((p: { name: string }) => p.name).sort()).toEqual(
      ['八闽工伤预防在线学堂（演示）', '福建安全生产培训中心（演示）'].sort(),
    );
    const all = (await fujian.get('/api/training-providers?jurisdiction=350000')).json();
    expect(new Set(all.items.map((p: { status: string }) => p.status))).toEqual(
      new Set(['listed', 'applied', 'rejected', 'removed']),
    );
  });

  it('seeds the online courses to study and sit, and an offline session with its roster', async () => {
    const { seedDemoTrainingContent } = await import('../../seed/demo-training-content.js');
    expect(await seedDemoTrainingContent(t.db)).toBe(true);
    expect(await seedDemoTrainingContent(t.db)).toBe(false);
    const demo = rowsOf<{ id: number; form: string; title: string }>(
      await t.db.execute(
        sql`select id, form, title from training_courses where created_by = 'demo' order by id`,
      ),
    );
    // Three demo courses: Fujian's mixed leaders' course, its offline team leaders' course, Jilin's online one.
    expect(demo.map((c) => c.form)).toEqual(['mixed', 'offline', 'online']);
    const admin = await t.signIn('admin');
    for (const course of demo.filter((c) => c.form !== 'offline')) {
      const segments = (await admin.get(`/api/training/courses/${course.id}/segments`)).json();
      expect(segments.items.map((s: { seq: number }) => s.seq)).toEqual([1, 2, 3]);
      const bank = (await admin.get(`/api/training/courses/${course.id}/questions`)).json();
      expect(bank.total).toBe(8);
    }
    const offline = demo[1] as { id: number };
    const sessions = (await admin.get(`/api/training/courses/${offline.id}/sessions`)).json();
    expect(sessions.items).toHaveLength(1);
    expect(sessions.items[0].heldOn).toBe(addDays(today(), 10));
    // Fuzhou's active team leaders, at most 15, counted here from the registry itself.
    const [leaders] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select least(count(*), 15)::int as n from key_post_holders h
        join training_roles r on r.id = h.role_id and r.code = 'team_leader'
        join organisations o on o.id = h.employer_id join jurisdictions j on j.id = o.jurisdiction_id
        where j.code like '3501%' and h.ended_on is null`),
    );
    expect(Number(leaders?.n)).toBeGreaterThan(0);
    expect(sessions.items[0].rostered).toBe(Number(leaders?.n));
  });
});
