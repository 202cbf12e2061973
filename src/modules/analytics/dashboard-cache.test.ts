import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJURY_HEADER, injuryRow, makeIdNumber, toCsv } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';

/**
 * The dashboard's answer cache (decision 0015) never serves one jurisdiction's answer to another
 * and never a figure older than the last committed import or setting. Known answers: the template
 * has no injuries; each test adds determinations of 2025 in 鼓楼区 (350102, 福州市) by import.
 */
let t: TestApp;
let fujian: Agent;
let fuzhou: Agent;
let jilin: Agent;

const PERSON_A = makeIdNumber('350102', '1985-06-15', 'male', 501);
const PERSON_B = makeIdNumber('350102', '1985-06-15', 'male', 502);

/** The 2025 injury count on a dashboard (the headline figure of injury_count). */
async function injuryCount(agent: Agent, query = '') {
  const res = await agent.get(`/api/analytics/dashboard?year=2025&indicator=injury_count${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return {
    jurisdiction: body.jurisdiction.code as string,
    value: body.headline.find((h: { code: string }) => h.code === 'injury_count')?.value as number | null,
  };
}

async function importInjuries(rows: string[][]) {
  const res = await fuzhou.request({
    method: 'POST',
    url: `/api/exchange/batches?domain=injuries&fileName=cache-${rows.length}-${Date.now()}.csv`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(toCsv([INJURY_HEADER, ...rows]), 'utf8'),
  });
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.idle();
  const batch = (await fuzhou.get(`/api/exchange/batches/${res.json().batch.id}`)).json();
  expect(batch.status, JSON.stringify(batch)).toBe('committed');
}

beforeAll(async () => {
  t = await createTestApp();
  [fujian, fuzhou, jilin] = await Promise.all([t.signIn('fujian'), t.signIn('fuzhou'), t.signIn('jilin')]);
  // Person A determined twice in 2025 (two cases, one person).
  await importInjuries([
    injuryRow(1, { caseNo: 'CACHE-1', idNumber: PERSON_A, determined: '2025-04-20' }),
    injuryRow(2, { caseNo: 'CACHE-2', idNumber: PERSON_A, determined: '2025-05-20' }),
  ]);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the dashboard cache', () => {
  it("never serves one jurisdiction's answer to another", async () => {
    // Cached for 福建省 first; 福州市's officer (own scope) and 吉林省's then ask.
    expect(await injuryCount(fujian, '&countUnit=cases')).toEqual({ jurisdiction: '350000', value: 2 });
    expect(await injuryCount(fujian, '&countUnit=cases')).toEqual({ jurisdiction: '350000', value: 2 });
    expect(await injuryCount(fuzhou, '&countUnit=cases')).toEqual({ jurisdiction: '350100', value: 2 });
    expect(await injuryCount(jilin, '&countUnit=cases')).toEqual({ jurisdiction: '220000', value: 0 });
    // 厦门市 (350200) has none of them, though 福建省's answer is cached under the same options.
    expect(await injuryCount(fujian, '&countUnit=cases&jurisdiction=350200')).toEqual({
      jurisdiction: '350200',
      value: 0,
    });
    // Out of scope stays refused after the answer is cached.
    const refused = await jilin.get(
      '/api/analytics/dashboard?year=2025&indicator=injury_count&jurisdiction=350000',
    );
    expect(refused.statusCode).toBe(404);
  });

  it('gives the new figure right after an import commits', async () => {
    expect((await injuryCount(fujian, '&countUnit=cases')).value).toBe(2);
    await importInjuries([injuryRow(3, { caseNo: 'CACHE-3', idNumber: PERSON_B, determined: '2025-06-20' })]);
    // 2 + 1 determinations.
    expect((await injuryCount(fujian, '&countUnit=cases')).value).toBe(3);
    expect((await injuryCount(fuzhou, '&countUnit=cases')).value).toBe(3);
  });

  it('follows a changed counting rule: persons, then 人次', async () => {
    const set = (countUnit: 'persons' | 'cases') =>
      fujian.put('/api/analytics/counting/350000', {
        yearBasis: 'determined',
        countUnit,
        groundScope: 'all',
        denominator: 'insured',
      });
    expect((await set('persons')).statusCode).toBe(200);
    // 3 determinations of 2 persons (A twice, B once).
    expect((await injuryCount(fujian)).value).toBe(2);
    expect((await set('cases')).statusCode).toBe(200);
    expect((await injuryCount(fujian)).value).toBe(3);
  });

  it('follows any write to the cells, whoever makes it', async () => {
    expect((await injuryCount(fujian, '&countUnit=cases')).value).toBe(3);
    // A writer that bypasses the services still moves the version (the trigger): +10 cases in
    // 鼓楼区's 2025 totals cell.
    await t.db.execute(sql`
      update analytics_cells set cases_all = cases_all + 10
      where source = 'injury.determined' and grain = '' and year = 2025
        and jurisdiction_id = (select id from jurisdictions where code = '350102')`);
    expect((await injuryCount(fujian, '&countUnit=cases')).value).toBe(13);
  });
});
