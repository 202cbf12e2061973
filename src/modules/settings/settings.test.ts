import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { EXPERTS_SETTINGS } from '../experts/experts.settings.js';
import { PROJECTS_SETTINGS } from '../projects/projects.settings.js';
import { createSettingsRegistry, defineSetting } from './settings.registry.js';
import { resolveSetting, resolveSettings } from './settings.service.js';

/**
 * Known answers: 福建省 (350000) → 福州市 (350100) → 鼓楼区 (350102) and 台江区 (350103); 厦门市
 * (350200) is Fuzhou's sibling. Nobody sets anything in the template database.
 */
let t: TestApp;
let fujian: Agent;
let fuzhou: Agent;
let gulou: Agent;
let xiamen: Agent;
let fuzhouMember: Agent;

interface Item {
  key: string;
  value: unknown;
  source: string;
  definedAt: { code: string; name: string } | null;
  ownValue: unknown;
  default: unknown;
  schema: Record<string, unknown>;
  history: { oldValue: unknown; newValue: unknown; changedBy: string; reason: string | null }[];
}

async function settingsAt(agent: Agent, jurisdiction: string): Promise<Record<string, Item>> {
  const res = await agent.get(`/api/settings?jurisdiction=${jurisdiction}`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json().items as Item[]).map((i) => [i.key, i]));
}

const put = (agent: Agent, jurisdiction: string, key: string, value: unknown, reason = '实施方案调整') =>
  agent.put(`/api/settings/${jurisdiction}/${encodeURIComponent(key)}`, { value, reason });

const remove = (agent: Agent, jurisdiction: string, key: string, reason = '恢复继承') =>
  agent.request({
    method: 'DELETE',
    url: `/api/settings/${jurisdiction}/${encodeURIComponent(key)}`,
    payload: { reason },
  });

async function signInAs(role: 'hrss_officer' | 'member_officer', jurisdictionCode: string) {
  const user = await t.buildUser({ role, jurisdictionCode });
  return t.signIn(user.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  fujian = await t.signIn('fujian');
  fuzhou = await t.signIn('fuzhou');
  gulou = await signInAs('hrss_officer', '350102');
  xiamen = await signInAs('hrss_officer', '350200');
  fuzhouMember = await signInAs('member_officer', '350100');
});

afterAll(async () => {
  await t?.close();
});

describe('resolution: nearest ancestor wins', () => {
  it('province sets, city inherits, county overrides, the rest keeps the default', async () => {
    expect((await put(fujian, '350000', 'experts.termYears', 5)).statusCode).toBe(200);
    const county = await put(gulou, '350102', 'experts.termYears', 2);
    expect(county.json()).toEqual({ key: 'experts.termYears', value: 2, source: 'own', definedAt: '350102' });

    const province = await settingsAt(fujian, '350000');
    expect(province['experts.termYears']).toMatchObject({
      value: 5,
      source: 'own',
      definedAt: { code: '350000', name: '福建省' },
      ownValue: 5,
      default: 3,
    });
    const city = await settingsAt(fuzhou, '350100');
    expect(city['experts.termYears']).toMatchObject({
      value: 5,
      source: 'inherited',
      definedAt: { code: '350000', name: '福建省' },
      ownValue: null,
    });
    expect(city['prevention.capBasisPoints']).toMatchObject({
      value: 300,
      source: 'default',
      definedAt: null,
    });
    const gulouItems = await settingsAt(fuzhou, '350102');
    expect(gulouItems['experts.termYears']).toMatchObject({ value: 2, source: 'own', ownValue: 2 });
    const taijiang = await settingsAt(fuzhou, '350103');
    expect(taijiang['experts.termYears']).toMatchObject({ value: 5, source: 'inherited' });

    // The same answers through the service, as the modules read them.
    expect(await resolveSetting(t.db, '350000/350100/350102', EXPERTS_SETTINGS.termYears)).toEqual({
      value: 2,
      source: 'own',
      definedAt: '350102',
    });
    expect(
      await resolveSettings(t.db, '350000/350100', {
        term: EXPERTS_SETTINGS.termYears,
        cap: PROJECTS_SETTINGS.capBasisPoints,
      }),
    ).toEqual({
      term: { value: 5, source: 'inherited', definedAt: '350000' },
      cap: { value: 300, source: 'default', definedAt: null },
    });

    // Removing the county's own value: it inherits the province's again.
    const reset = await remove(gulou, '350102', 'experts.termYears');
    expect(reset.json()).toEqual({
      key: 'experts.termYears',
      value: 5,
      source: 'inherited',
      definedAt: '350000',
    });
  });

  it('lists every declared setting with its schema and description, targets once per plan period', async () => {
    const items = await settingsAt(fuzhou, '350100');
    for (const key of [
      'monitoring.injuryThreshold',
      'jm.memberReportDue',
      'jm.prefectureReportDue',
      'jm.provinceReportDue',
      'analytics.yearBasis',
      'analytics.countUnit',
      'analytics.groundScope',
      'analytics.denominator',
      'targets:2021-2025',
      'targets:2026-2030',
      'prevention.capBasisPoints',
      'prevention.prepayMinPercent',
      'prevention.prepayMaxPercent',
      'experts.termYears',
    ])
      expect(items[key], key).toBeDefined();
    expect(items['analytics.countUnit']?.schema).toMatchObject({
      type: 'string',
      enum: ['cases', 'persons'],
    });
    expect(items['analytics.yearBasis']).toMatchObject({
      source: 'default',
      default: 'determined',
      schema: { type: 'string', enum: ['determined', 'occurred'] },
    });
    expect(items['experts.termYears']?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 10 });
    // The default of a period's targets is the national plan's (2026–2030: −10 %).
    expect(items['targets:2026-2030']).toMatchObject({
      source: 'default',
      default: { targetReductionPct: 10 },
    });
  });
});

describe('history', () => {
  it('keeps every change with who, why, from and to, newest first, and audits each', async () => {
    const key = 'prevention.capBasisPoints';
    expect((await put(fuzhou, '350100', key, 250, '市财政预算调整')).statusCode).toBe(200);
    expect((await put(fuzhou, '350100', key, 280, '追加预算')).statusCode).toBe(200);
    const history = await fuzhou.get(`/api/settings/350100/${key}/history`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().items).toMatchObject([
      { oldValue: 250, newValue: 280, changedBy: 'fuzhou', reason: '追加预算' },
      { oldValue: null, newValue: 250, changedBy: 'fuzhou', reason: '市财政预算调整' },
    ]);
    const listed = await settingsAt(fuzhou, '350100');
    expect(listed[key]?.history).toHaveLength(2);
    const audits = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'setting.update'), eq(auditLog.targetId, `350100:${key}`)));
    expect(audits.map((a) => a.details)).toEqual([
      { key, oldValue: null, value: 250, reason: '市财政预算调整' },
      { key, oldValue: 250, value: 280, reason: '追加预算' },
    ]);
    // The budget of the prevention-fee module reads it.
    const budget = await fuzhou.get('/api/prevention-budgets/350100/2026');
    expect(budget.statusCode, budget.body).toBe(200);
    expect(budget.json()).toMatchObject({ capBasisPoints: 280, capDefinedAt: '350100' });
  });

  it('an unchanged value writes no history', async () => {
    await put(fuzhou, '350100', 'jm.memberReportDue', '11-20');
    await put(fuzhou, '350100', 'jm.memberReportDue', '11-20');
    const history = await fuzhou.get('/api/settings/350100/jm.memberReportDue/history');
    expect(history.json().items).toHaveLength(1);
  });
});

describe('validation', () => {
  it('refuses a value its schema does not accept, naming the field', async () => {
    const small = await put(fuzhou, '350100', 'experts.termYears', 0);
    expect(small.statusCode).toBe(400);
    expect(small.json().fields).toEqual([
      { field: 'value', code: 'setting.too_small', message: expect.stringContaining('1') },
    ]);
    const wrongType = await put(fuzhou, '350100', 'experts.termYears', '3');
    expect(wrongType.json().fields[0]).toMatchObject({ field: 'value', code: 'setting.invalid_type' });
    const nested = await put(fuzhou, '350100', 'targets:2021-2025', {
      targetReductionPct: 120,
      annualReductionPct: null,
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().fields[0]).toMatchObject({
      field: 'value.targetReductionPct',
      code: 'setting.too_big',
    });
    const day = await put(fuzhou, '350100', 'jm.provinceReportDue', '02-30');
    expect(day.json().fields[0]).toMatchObject({ field: 'value', code: 'setting.month_day' });
    const choice = await put(fuzhou, '350100', 'analytics.countUnit', 'heads');
    expect(choice.json().fields[0]).toMatchObject({ field: 'value', code: 'setting.invalid_value' });
    // null is not a value (removing one's own value is DELETE).
    const none = await put(fuzhou, '350100', 'experts.termYears', null);
    expect(none.json().fields[0]).toMatchObject({ field: 'value', code: 'setting.invalid_type' });
    const noReason = await fuzhou.put('/api/settings/350100/experts.termYears', { value: 4 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].field).toBe('reason');
    expect((await put(fuzhou, '350100', 'no.such.setting', 1)).statusCode).toBe(404);
    expect((await put(fuzhou, '350100', 'targets:1999-2003', { targetReductionPct: 1 })).statusCode).toBe(
      404,
    );
    const history = await fuzhou.get('/api/settings/350100/experts.termYears/history');
    expect(history.json().items).toEqual([]);
  });

  it('refuses a default its own schema refuses, and a key declared twice', () => {
    expect(() =>
      defineSetting({
        key: 'x.bad',
        module: 'x',
        schema: z.number().min(1),
        default: 0,
        description: { zh: '坏', en: 'bad' },
      }),
    ).toThrow(/default/);
    expect(() => createSettingsRegistry([EXPERTS_SETTINGS.termYears, EXPERTS_SETTINGS.termYears])).toThrow(
      /twice/,
    );
  });
});

describe('scope and permission', () => {
  it('answers 404 to an officer of sibling Xiamen, as if Fuzhou did not exist', async () => {
    expect((await xiamen.get('/api/settings?jurisdiction=350100')).statusCode).toBe(404);
    expect((await put(xiamen, '350100', 'experts.termYears', 4)).statusCode).toBe(404);
    expect((await remove(xiamen, '350100', 'experts.termYears')).statusCode).toBe(404);
    expect((await xiamen.get('/api/settings/350100/experts.termYears/history')).statusCode).toBe(404);
    // A city cannot set its province's value either.
    expect((await put(fuzhou, '350000', 'experts.termYears', 4)).statusCode).toBe(404);
  });

  it('lets a member officer read but not write', async () => {
    expect((await fuzhouMember.get('/api/settings?jurisdiction=350100')).statusCode).toBe(200);
    expect((await put(fuzhouMember, '350100', 'experts.termYears', 4)).statusCode).toBe(403);
  });
});

describe('the modules read their settings through it', () => {
  it('counting options and due dates set here show in their modules; the module routes write history', async () => {
    await put(fuzhou, '350100', 'analytics.countUnit', 'persons', '按人计');
    const counting = (await fuzhou.get('/api/analytics/counting?jurisdiction=350102')).json();
    expect(counting).toMatchObject({
      countUnit: 'persons',
      definedAt: { countUnit: '350100', groundScope: null },
    });

    const due = (await fuzhou.get('/api/joint-meeting-settings?jurisdiction=350102')).json();
    expect(due.settings).toContainEqual({ key: 'jm.memberReportDue', value: '11-20', definedAt: '350100' });

    const threshold = await fuzhou.put('/api/settings/monitoring-threshold', {
      jurisdictionCode: '350100',
      value: 4,
    });
    expect(threshold.json()).toEqual({ value: 4, definedAt: '350100' });
    const history = (await fuzhou.get('/api/settings/350100/monitoring.injuryThreshold/history')).json();
    expect(history.items).toMatchObject([{ oldValue: null, newValue: 4, changedBy: 'fuzhou', reason: null }]);

    const targets = await fuzhou.put('/api/analytics/targets/350100', {
      planPeriod: '2021-2025',
      targetReductionPct: 25,
      annualReductionPct: 6,
      reason: '福州市实施方案',
    });
    expect(targets.json()).toMatchObject({ targetReductionPct: 25, definedAt: '350100' });
    const listed = await settingsAt(fuzhou, '350102');
    expect(listed['targets:2021-2025']).toMatchObject({
      value: { targetReductionPct: 25, annualReductionPct: 6 },
      source: 'inherited',
      definedAt: { code: '350100', name: '福州市' },
    });
  });
});
