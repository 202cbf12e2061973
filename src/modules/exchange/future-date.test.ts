import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INJURY_HEADER, injuryRow, toCsv } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { fixedClock, resetClock, setClock } from '../../platform/time.js';

let t: TestApp;
let fuzhou: Agent;

beforeAll(async () => {
  t = await createTestApp();
  fuzhou = await t.signIn('fuzhou');
});
afterEach(() => resetClock());
afterAll(async () => t.close());

/** Imports one injury determination dated `determined` and returns the batch and its rejected rows. */
async function importDetermination(n: number, determined: string) {
  const csv = toCsv([INJURY_HEADER, injuryRow(n, { occurred: '2025-02-20', determined })]);
  const res = await fuzhou.request({
    method: 'POST',
    url: `/api/exchange/batches?domain=injuries&fileName=${n}.csv`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv, 'utf8'),
  });
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.idle();
  const id = res.json().batch.id;
  const batch = (await fuzhou.get(`/api/exchange/batches/${id}`)).json();
  const issues = (await fuzhou.get(`/api/exchange/batches/${id}/issues`)).json();
  return {
    batch,
    rejected: issues.rejected as { line: number; issues: { column: string; code: string }[] }[],
  };
}

describe('"today" of an import is the date in China (the import worker gets it from the clock)', () => {
  it('accepts a determination dated today at 00:01 Beijing time (16:01Z the day before)', async () => {
    setClock(fixedClock('2025-02-28T16:01:00Z'));
    const { batch, rejected } = await importDetermination(9101, '2025-03-01');
    expect(rejected).toEqual([]);
    expect(batch).toMatchObject({ status: 'committed', validRows: 1, rejectedRows: 0 });
  });

  it('refuses a determination dated tomorrow at 23:59 Beijing time as a future date', async () => {
    setClock(fixedClock('2025-02-28T23:59:00+08:00'));
    const { batch, rejected } = await importDetermination(9102, '2025-03-01');
    expect(batch).toMatchObject({ status: 'committed', validRows: 0, rejectedRows: 1 });
    expect(rejected[0]?.issues).toContainEqual(expect.objectContaining({ code: 'row.future_date' }));
  });
});
