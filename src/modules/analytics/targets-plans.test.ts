import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

/**
 * Targets as the seeds state them (issue 12): 闽人社文〔2021〕56号 二（一） sets −20 % over five years
 * and no yearly requirement; 吉人社联〔2021〕55号 二 sets −20 % and ≥ 5 % a year; the 2026–2030 plan
 * −10 % from the 2025 baseline.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const planOf = async (user: string, jurisdiction: string, period: string) => {
  const agent = await t.signIn(user);
  const res = await agent.get(`/api/analytics/targets?jurisdiction=${jurisdiction}&planPeriod=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().planPeriod;
};

describe('targets per province, from the plans (AN-2)', () => {
  it('Fujian 2021–2025: −20 % over five years, no yearly requirement; Fuzhou inherits it', async () => {
    for (const code of ['350000', '350100']) {
      const plan = await planOf('fujian', code, '2021-2025');
      expect(plan).toMatchObject({
        baselineYear: 2020,
        targetReductionPct: 20,
        annualReductionPct: null,
        targetsDefinedAt: null,
      });
      expect(plan.targetsSource).toContain('闽人社文〔2021〕56号');
    }
  });

  it('Jilin 2021–2025: −20 % and at least 5 % a year', async () => {
    const plan = await planOf('jilin', '220100', '2021-2025');
    expect(plan).toMatchObject({ baselineYear: 2020, targetReductionPct: 20, annualReductionPct: 5 });
    expect(plan.targetsSource).toContain('吉人社联〔2021〕55号');
    expect(plan.targetsSource).toContain('5%以上');
  });

  it('2026–2030 in both provinces: −10 % from the 2025 baseline, no yearly requirement', async () => {
    for (const [user, code] of [
      ['fujian', '350000'],
      ['jilin', '220000'],
    ] as const) {
      const plan = await planOf(user, code, '2026-2030');
      expect(plan).toMatchObject({ baselineYear: 2025, targetReductionPct: 10, annualReductionPct: null });
      expect(plan.targetsSource).toContain('10%');
    }
  });
});
