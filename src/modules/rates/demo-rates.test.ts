import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { fixedClock } from '../../platform/time.js';
import { DEMO_RATES_ACCOUNTS, seedDemoRates } from '../../seed/demo-rates.js';

/** The demo seed of premium-rate floating runs through the services and leaves a usable state. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T02:00:00Z') });
});

afterAll(async () => {
  await t?.close();
});

describe('demo rates', () => {
  it('adopts example A for Fujian, drafts B, rates Fuzhou, opens an appeal; once', async () => {
    expect(await seedDemoRates(t.db, new Date('2026-12-07T02:00:00Z'))).toBe(true);
    expect(await seedDemoRates(t.db, new Date('2026-12-07T02:00:00Z'))).toBe(false);
    const fujian = await t.signIn('fujian');
    const sets = (await fujian.get('/api/rates/rule-sets')).json().items;
    expect(sets.map((s: { status: string; isExample: boolean }) => [s.status, s.isExample])).toEqual([
      ['draft', true],
      ['adopted', true],
    ]);
    const runs = (await fujian.get('/api/rates/runs?jurisdiction=350100')).json().items;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ rateYear: 2026, cycleFromYear: 2023, cycleToYear: 2025 });
    const employer = await t.signIn(DEMO_RATES_ACCOUNTS.employer.username);
    const [notice] = (await employer.get('/api/own-rates')).json().items;
    // Premiums 3 × 124,800 yuan; benefits (2.9 + 0.5 + 0.5) × 124,800 = 130 % → 120 % of 1.3 % = 1.56 %;
    // next cycle 2024–2026: (0.5 + 0.5 + 1.3) / 3 = 76.7 % → base 1.3 %.
    expect(notice.assignment).toMatchObject({ status: 'rated', multiplierPct: 120, rateMicro: 15_600 });
    expect(notice.assignment.projectedRateMicro).toBe(13_000);
    expect(notice.appeals.map((a: { status: string }) => a.status)).toEqual(['submitted']);
    const finance = await t.signIn(DEMO_RATES_ACCOUNTS.finance.username);
    expect((await finance.get('/api/rates/rule-sets')).statusCode).toBe(200);
  });
});
