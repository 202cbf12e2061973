import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { fixedClock } from '../../platform/time.js';
import { computeIdCheckChar } from '../exchange/id-number.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { TRAINING_PERIODS } from './training.data.js';

/**
 * The key posts are configuration (TR-1, issue 14 "HRSS sets the 2026–2030 roles"): the province's
 * officer adds a fifth post, a holder of it is counted at once, and a post still in use cannot be
 * removed. One employer in 闽侯县 (350121), counted as of 2026-06-30 (grace 90 days).
 */
let t: TestApp;
let province: Agent;
let fuzhou: Agent;
let employerId: number;

const PERIOD = '2026-2030';
const SEEDED = TRAINING_PERIODS.find((p) => p.planPeriod === PERIOD)?.roles ?? [];
const OH = {
  code: 'occupational_health_head',
  nameZh: '职业健康管理负责人',
  nameEn: 'Occupational-health manager',
  source: '福建省实施方案（测试配置）',
};

function person(n: number): string {
  const first17 = `350102198503${String(n).padStart(2, '0')}${String(200 + n).slice(-3)}`;
  return first17 + computeIdCheckChar(first17);
}

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-06-30T04:00:00Z') });
  province = await t.signIn('fujian');
  fuzhou = await t.signIn('fuzhou');
  const [county] = await t.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, '350121'));
  const [row] = await t.db
    .insert(organisations)
    .values({
      kind: 'employer',
      name: '闽侯岗位配置测试建筑公司',
      industryCode: '4710',
      jurisdictionId: county?.id as number,
    })
    .returning({ id: organisations.id });
  employerId = row?.id as number;
});

afterAll(async () => t?.close());

const hold = (roleCode: string, n: number) =>
  fuzhou.post('/api/training/holders', {
    employerId,
    roleCode,
    personName: `岗位${n}`,
    idNumber: person(n),
    startedOn: '2026-01-01',
  });

describe('key posts as configuration (TR-1)', () => {
  it('refuses a post the period does not have yet, naming it', async () => {
    const response = await hold(OH.code, 2);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe('training.role_unknown');
  });

  it('lets the province add a fifth post, in the order given', async () => {
    const response = await province.put('/api/training/roles', {
      planPeriod: PERIOD,
      roles: [...SEEDED, OH],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().roles.map((r: { code: string }) => r.code)).toEqual([
      'principal',
      'deputy',
      'safety_health_head',
      'team_leader',
      'occupational_health_head',
    ]);
    const listed = (await fuzhou.get(`/api/training/roles?planPeriod=${PERIOD}`)).json();
    expect(listed.roles).toHaveLength(5);
    expect(listed.roles[4]).toMatchObject({ code: OH.code, nameZh: '职业健康管理负责人' });
  });

  it('counts a holder of the new post at once: 2 posts due, 1 trained = 50 %', async () => {
    expect((await hold('principal', 1)).statusCode).toBe(201);
    expect((await hold(OH.code, 2)).statusCode).toBe(201);
    const course = await fuzhou.post('/api/training/courses', {
      title: '主要负责人工伤预防培训（岗位配置测试）',
      form: 'offline',
      roleCodes: ['principal'],
      contentItems: ['policy', 'accident_prevention', 'warning_education'],
      hours: 16,
    });
    expect(course.statusCode, course.body).toBe(201);
    const done = await fuzhou.post('/api/training/completions', {
      courseId: course.json().id,
      personName: '岗位1',
      idNumber: person(1),
      completedOn: '2026-02-01',
      method: 'offline',
    });
    expect(done.statusCode, done.body).toBe(201);
    const c = (await fuzhou.get('/api/training/coverage?jurisdiction=350121')).json();
    // Hand count: (岗位1, principal) started 2026-01-01, trained 2026-02-01; (岗位2, OH) started
    // 2026-01-01, before 2026-04-01 (30 June less 90 days), so due and untrained.
    expect(c.totals).toEqual({ posts: 2, due: 2, inGrace: 0, trained: 1, untrained: 1, coveragePct: 50 });
    const oh = c.byRole.find((r: { roleCode: string }) => r.roleCode === OH.code);
    expect(oh).toMatchObject({ posts: 1, due: 1, trained: 0, coveragePct: 0, nameZh: '职业健康管理负责人' });
  });

  it('renames a post without touching its holders', async () => {
    const renamed = { ...OH, nameZh: '职业健康管理部门负责人' };
    const response = await province.put('/api/training/roles', {
      planPeriod: PERIOD,
      roles: [...SEEDED, renamed],
    });
    expect(response.statusCode, response.body).toBe(200);
    const c = (await fuzhou.get('/api/training/coverage?jurisdiction=350121')).json();
    expect(c.byRole.find((r: { roleCode: string }) => r.roleCode === OH.code)).toMatchObject({
      posts: 1,
      nameZh: '职业健康管理部门负责人',
    });
  });

  it('refuses to remove a post that is held, naming it, and changes nothing', async () => {
    const response = await province.put('/api/training/roles', { planPeriod: PERIOD, roles: SEEDED });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json()).toMatchObject({ code: 'training.role_in_use' });
    expect(response.json().message).toContain('职业健康管理部门负责人');
    const listed = (await fuzhou.get(`/api/training/roles?planPeriod=${PERIOD}`)).json();
    expect(listed.roles).toHaveLength(5);
  });

  it('refuses a duplicate code naming the row, and a prefecture officer', async () => {
    const dup = await province.put('/api/training/roles', {
      planPeriod: PERIOD,
      roles: [...SEEDED, SEEDED[0]],
    });
    expect(dup.statusCode, dup.body).toBe(400);
    expect(dup.json().fields).toEqual([expect.objectContaining({ field: 'roles.4.code' })]);
    const prefecture = await fuzhou.put('/api/training/roles', {
      planPeriod: PERIOD,
      roles: [...SEEDED, OH],
    });
    expect(prefecture.statusCode, prefecture.body).toBe(403);
    expect(prefecture.json().code).toBe('training.roles_province_only');
  });
});
