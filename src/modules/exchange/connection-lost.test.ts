import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJURY_HEADER, injuryRow, toCsv } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { rowsOf } from '../../platform/db/rows.js';
import { exchangeBatches, exchangeStaging, injuryCases } from './exchange.tables.js';

/**
 * Issue 13 item 3: the database drops the import's own connection (a killed backend, a failover)
 * while the import runs. The process must not die of an unhandled 'error' event: the batch fails
 * with a message that says what happened, nothing of it is written, and the server keeps
 * answering and importing. PostgreSQL only (PGlite has no connection to lose).
 */
const ROWS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!process.env.DATABASE_URL)('the import’s database connection dropped mid-way', () => {
  let t: TestApp;
  let fuzhou: Agent;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    t = await createTestApp();
    fuzhou = await t.signIn('fuzhou');
    process.on('uncaughtException', onUncaught);
  });
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    await t?.close();
  });

  it('fails the batch with a clear message, writes nothing, and the server keeps answering', async () => {
    const lines = [INJURY_HEADER];
    for (let n = 1; n <= ROWS; n++) lines.push(injuryRow(n, { caseNo: `LOST-${n}` }));
    const res = await fuzhou.request({
      method: 'POST',
      url: '/api/exchange/batches?domain=injuries&fileName=lost.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(toCsv(lines), 'utf8'),
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().batch.id as number;

    // Wait until the import is under way (a chunk merged), then end its backend from outside.
    let pid: number | undefined;
    for (const end = Date.now() + 60_000; Date.now() < end && pid === undefined; ) {
      const batch = (await fuzhou.get(`/api/exchange/batches/${id}`)).json();
      expect(batch.status).toMatch(/^(queued|processing)$/);
      if (batch.status === 'processing' && batch.rowsDone > 0) {
        // The import's transaction is the oldest open one of this database.
        const [own] = rowsOf<{ pid: number }>(
          await t.db.execute(
            sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
               and backend_type = 'client backend' and xact_start is not null order by xact_start limit 1`,
          ),
        );
        pid = own?.pid;
      } else await sleep(20);
    }
    expect(pid, 'the import ended before its connection could be dropped').toBeDefined();
    await t.db.execute(sql`select pg_terminate_backend(${pid}::int)`);
    await t.app.jobs.idle();

    expect(uncaught).toEqual([]);
    const failed = (await fuzhou.get(`/api/exchange/batches/${id}`)).json();
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'import.connection_lost',
      errorMessage: '导入过程中与数据库的连接中断，本批次未写入任何数据，请重新提交',
      validRows: 0,
    });
    const [written] = await t.db.select({ n: count() }).from(injuryCases).where(eq(injuryCases.batchId, id));
    expect(written?.n).toBe(0);
    const [staged] = await t.db.select({ n: count() }).from(exchangeStaging);
    expect(staged?.n).toBe(0);

    // The server still answers, and still imports.
    expect((await fuzhou.get('/api/health')).statusCode).toBe(200);
    expect((await fuzhou.get('/api/exchange/batches')).statusCode).toBe(200);
    const again = await fuzhou.request({
      method: 'POST',
      url: '/api/exchange/batches?domain=injuries&fileName=small.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(toCsv([INJURY_HEADER, injuryRow(1, { caseNo: 'LOST-AGAIN-1' })]), 'utf8'),
    });
    expect(again.statusCode, again.body).toBe(202);
    await t.app.jobs.idle();
    const [committed] = await t.db
      .select({ status: exchangeBatches.status })
      .from(exchangeBatches)
      .where(eq(exchangeBatches.id, again.json().batch.id));
    expect(committed?.status).toBe('committed');
  });
});
