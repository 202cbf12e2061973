import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJURY_HEADER, injuryRow, makeCreditCode, toCsv } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { organisations } from '../organisations/organisations.tables.js';
import { injuryCases } from './exchange.tables.js';

let t: TestApp;
let fuzhou: Agent;

async function upload(agent: Agent, domain: string, fileName: string, body: Buffer | string, extra = '') {
  const res = await agent.request({
    method: 'POST',
    url: `/api/exchange/batches?domain=${domain}&fileName=${encodeURIComponent(fileName)}${extra}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  });
  await t.app.jobs.idle();
  return res;
}

beforeAll(async () => {
  t = await createTestApp();
  fuzhou = await t.signIn('fuzhou');
});
afterAll(async () => t.close());

describe('injury determinations by file', () => {
  // Row 1 names a demo employer (福州榕城建筑); row 3 an unknown one, which becomes pending.
  it('imports valid rows, rejects bad ones with line and reason, and creates unknown employers as pending', async () => {
    const csv = toCsv([
      INJURY_HEADER,
      injuryRow(1),
      injuryRow(2, { sex: '女' }),
      injuryRow(3, { creditCode: makeCreditCode('350103', 4242) }),
      injuryRow(4, { determined: '2025-01-01' }),
    ]);
    const res = await upload(fuzhou, 'injuries', 'injuries.csv', csv);
    expect(res.statusCode).toBe(202);
    const batch = (await fuzhou.get(`/api/exchange/batches/${res.json().batch.id}`)).json();
    expect(batch).toMatchObject({
      status: 'committed',
      totalRows: 4,
      validRows: 2,
      rejectedRows: 2,
      pendingEmployers: 1,
    });
    const issues = (await fuzhou.get(`/api/exchange/batches/${batch.id}/issues`)).json();
    expect(issues.rejected.map((r: { line: number }) => r.line)).toEqual([3, 5]);
    expect(issues.rejected[0].issues[0]).toMatchObject({
      column: 'sex',
      code: 'row.sex_mismatch',
      columnName: '性别',
    });
    const rows = await t.db.select().from(injuryCases);
    expect(rows).toHaveLength(2);
    const pending = await t.db.select().from(organisations).where(eq(organisations.isPending, true));
    expect(pending.map((o) => o.creditCode)).toContain(makeCreditCode('350103', 4242));
    const file = await fuzhou.get(`/api/exchange/batches/${batch.id}/rejected`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('行号');
    expect(file.body).toContain('性别：性别与身份证号不符');
  });
});
