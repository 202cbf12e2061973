import { and, asc, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJURY_HEADER, injuryRow, toCsv } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { exchangeBatches } from './exchange.tables.js';

/** Issue 13 item 9: uploads bounded (body limits per route) and a fair import queue. */
let t: TestApp;
let fuzhou: Agent;
let fujian: Agent;

beforeAll(async () => {
  t = await createTestApp();
  fuzhou = await t.signIn('fuzhou');
  fujian = await t.signIn('fujian');
});
afterAll(async () => t.close());

function submit(agent: Agent, fileName: string, csv: string) {
  return agent.request({
    method: 'POST',
    url: `/api/exchange/batches?domain=injuries&fileName=${fileName}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv, 'utf8'),
  });
}

describe('body limits', () => {
  it('refuses an upload declared larger than the documented limit, naming it', async () => {
    const res = await fuzhou.request({
      method: 'POST',
      url: '/api/exchange/batches?domain=injuries&fileName=huge.csv',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(1024 ** 3 + 1) },
      payload: Buffer.from(toCsv([INJURY_HEADER]), 'utf8'),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('文件超过上传上限 1 GiB；请拆分后分批报送');
  });

  it('keeps every other body small: 2 MB of JSON is refused, except by the JSON submission', async () => {
    const big = { username: 'x'.repeat(2 * 1024 * 1024), password: 'y' };
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: big });
    expect(login.statusCode).toBe(413);
    const json = await fuzhou.post('/api/exchange/batches/json', { domain: 'injuries', rows: [], pad: big });
    expect(json.statusCode).not.toBe(413);
  });
});

describe('a fair queue', () => {
  it('starts another unit’s small file before one unit’s backlog of large files is done', {
    timeout: 180_000,
  }, async () => {
    const large = (k: number) => {
      const lines = [INJURY_HEADER];
      for (let n = 1; n <= 400; n++) lines.push(injuryRow(n, { caseNo: `FAIR-A${k}-${n}` }));
      return toCsv(lines);
    };
    const ids: number[] = [];
    for (let k = 1; k <= 5; k++) ids.push((await submit(fuzhou, `a${k}.csv`, large(k))).json().batch.id);
    const small = await submit(fujian, 'b.csv', toCsv([INJURY_HEADER, injuryRow(1, { caseNo: 'FAIR-B-1' })]));
    expect(small.statusCode, small.body).toBe(202);
    const b = small.json().batch.id as number;
    // A's files that had left the queue when B's arrived (the first, usually).
    const started = await t.db
      .select({ id: exchangeBatches.id })
      .from(exchangeBatches)
      .where(and(inArray(exchangeBatches.id, ids), ne(exchangeBatches.status, 'queued')));
    expect(started.length).toBeLessThan(5);
    await t.app.jobs.idle();
    const order = await t.db
      .select({ id: exchangeBatches.id, status: exchangeBatches.status })
      .from(exchangeBatches)
      .where(inArray(exchangeBatches.id, [...ids, b]))
      .orderBy(asc(exchangeBatches.startedAt));
    expect(order.every((o) => o.status === 'committed')).toBe(true);
    // B's file went next after what was running, before the rest of A's backlog.
    const k = started.length;
    expect(order.map((o) => o.id)).toEqual([...ids.slice(0, k), b, ...ids.slice(k)]);
  });
});

describe.skipIf(process.env.DATABASE_URL)('the embedded database’s limit', () => {
  it('refuses a file larger than the jurisdiction’s limit before import, pointing to PostgreSQL', async () => {
    const set = await fuzhou.put('/api/settings/350100/exchange.embeddedLimit', {
      value: { maxRows: 3 },
      reason: 'test of the embedded limit',
    });
    expect(set.statusCode, set.body).toBe(200);
    const rows = [1, 2, 3, 4].map((n) => injuryRow(n, { caseNo: `EMB-${n}` }));
    const before = await t.db.select({ id: exchangeBatches.id }).from(exchangeBatches);
    const res = await submit(fuzhou, 'four.csv', toCsv([INJURY_HEADER, ...rows]));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe(
      '文件有 4 行，超过嵌入式数据库模式的上限 3 行（导入期间会阻塞其他请求）；请拆分文件，或将系统部署在 PostgreSQL 上（设置 DATABASE_URL）',
    );
    expect(await t.db.select({ id: exchangeBatches.id }).from(exchangeBatches)).toHaveLength(before.length);
    // Three rows pass.
    const ok = await submit(fuzhou, 'three.csv', toCsv([INJURY_HEADER, ...rows.slice(0, 3)]));
    expect(ok.statusCode, ok.body).toBe(202);
    await t.app.jobs.idle();
    expect((await fuzhou.get(`/api/exchange/batches/${ok.json().batch.id}`)).json().status).toBe('committed');
  });
});
