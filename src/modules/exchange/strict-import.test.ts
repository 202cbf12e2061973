import { inArray } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJURY_HEADER, injuryRow, toCsv } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { injuryCases } from './exchange.tables.js';
import { FORMATS } from './formats.js';

/**
 * Issue 12: an import never stores a damaged value. Each test uses its own range of case numbers,
 * so the tests do not see each other's rows although they share one database.
 */
let t: TestApp;
let fuzhou: Agent;

beforeAll(async () => {
  t = await createTestApp();
  fuzhou = await t.signIn('fuzhou');
});
afterAll(async () => t.close());

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

async function batchOf(agent: Agent, id: number, headers?: Record<string, string>) {
  const res = await agent.get(`/api/exchange/batches/${id}`, headers);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function submitted(agent: Agent, domain: string, fileName: string, body: Buffer | string, extra = '') {
  const res = await upload(agent, domain, fileName, body, extra);
  expect(res.statusCode, res.body).toBe(202);
  return batchOf(agent, res.json().batch.id);
}

function caseNo(n: number) {
  return `榕人社工认〔2025〕${String(n).padStart(4, '0')}号`;
}

async function storedNames(ns: number[]) {
  const rows = await t.db
    .select({ caseNo: injuryCases.caseNo, name: injuryCases.personName })
    .from(injuryCases)
    .where(
      inArray(
        injuryCases.caseNo,
        ns.map((n) => caseNo(n)),
      ),
    );
  return Object.fromEntries(rows.map((r) => [r.caseNo, r.name]));
}

describe('encodings: the whole file is decoded strictly', () => {
  it('a GBK file whose first 256 KB are ASCII imports its later Chinese names intact, as GB18030', async () => {
    // English headers and ASCII cells for 2,000 lines (> 256 KB), then Chinese names.
    const ascii = Array.from({ length: 2000 }, (_, i) =>
      injuryRow(5000 + i, {
        caseNo: `FZ-ASCII-${i}`,
        name: `worker${i}`,
        sex: 'M',
        post: 'scaffolder',
        severity: 'serious',
        death: 'N',
      }),
    );
    const csv = toCsv([
      FORMATS.injuries.columns.map((c) => c.en),
      ...ascii,
      injuryRow(7001, { name: '张三' }),
      injuryRow(7002, { name: '欧阳娜娜' }),
    ]);
    const batch = await submitted(fuzhou, 'injuries', 'gbk-late.csv', iconv.encode(csv, 'gbk'));
    expect(batch).toMatchObject({
      status: 'committed',
      encoding: 'gb18030',
      totalRows: 2002,
      validRows: 2002,
      warningRows: 0,
    });
    expect(await storedNames([7001, 7002])).toEqual({ [caseNo(7001)]: '张三', [caseNo(7002)]: '欧阳娜娜' });
  });

  it('a UTF-8 file with GBK bytes further down fails whole, naming the first bad line; nothing is stored', async () => {
    const head = Buffer.from(
      toCsv([INJURY_HEADER, injuryRow(7011, { name: '张三' }), injuryRow(7012)]),
      'utf8',
    );
    const tail = iconv.encode(toCsv([injuryRow(7013, { name: '李四' })]), 'gbk');
    const batch = await submitted(fuzhou, 'injuries', 'mixed.csv', Buffer.concat([head, tail]));
    expect(batch).toMatchObject({
      status: 'failed',
      error: 'file.bad_bytes',
      errorMessage: '第 4 行含有不符合 UTF-8 编码的字节，文件未导入；请将文件另存为 UTF-8 或 GBK 后重新上传',
    });
    expect(await storedNames([7011, 7012, 7013])).toEqual({});
  });
});

describe('stray quotes', () => {
  it('a quote inside a cell rejects only its own line; the rest of the file imports', async () => {
    const lines = toCsv([INJURY_HEADER, injuryRow(7021), injuryRow(7022), injuryRow(7023)]).split('\n');
    lines[2] = (lines[2] as string).replace('职工7022', '职工"7022');
    const batch = await submitted(fuzhou, 'injuries', 'quote.csv', lines.join('\n'));
    expect(batch).toMatchObject({ status: 'committed', totalRows: 3, validRows: 2, rejectedRows: 1 });
    const issues = (await fuzhou.get(`/api/exchange/batches/${batch.id}/issues`)).json();
    expect(issues.rejected).toEqual([
      {
        line: 3,
        issues: [
          {
            column: '',
            columnName: '',
            code: 'row.bad_quote',
            message: expect.stringContaining('该行的引号位置不正确'),
          },
        ],
      },
    ]);
    expect(Object.keys(await storedNames([7021, 7022, 7023])).sort()).toEqual([caseNo(7021), caseNo(7023)]);
  });

  it('a quote never closed fails the batch naming the line where it opened', async () => {
    const lines = toCsv([INJURY_HEADER, injuryRow(7031), injuryRow(7032), injuryRow(7033)]).split('\n');
    lines[2] = (lines[2] as string).replace('职工7032', '"职工7032');
    const batch = await submitted(fuzhou, 'injuries', 'unclosed.csv', lines.join('\n'));
    expect(batch).toMatchObject({
      status: 'failed',
      error: 'file.bad_quote',
      errorMessage: '第 3 行的引号没有闭合，其后的内容无法读取，文件未导入',
    });
    expect(await storedNames([7031, 7032, 7033])).toEqual({});
  });
});
