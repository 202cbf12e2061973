import { eq, inArray } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INJURY_HEADER,
  type InjuryOverrides,
  injuryRow,
  makeIdNumber,
  toCsv,
} from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { jurisdictionSettings } from '../settings/settings.tables.js';
import { exchangeBatches, injuryCases } from './exchange.tables.js';
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
  // Decrypted when the suite runs with PII_ENCRYPTION=sm4 (decision 0022); unchanged when off.
  return Object.fromEntries(rows.map((r) => [r.caseNo, piiCrypto().decrypt(r.name)]));
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

describe('a person dies once', () => {
  const person = makeIdNumber('350102', '1980-01-01', 'male', 71);
  const death = (n: number, o: InjuryOverrides = {}) =>
    injuryRow(n, { idNumber: person, birth: '1980-01-01', severity: '死亡', death: '是', grade: '', ...o });

  it('a second death determination of one 身份证号 is rejected naming the earlier case, in another batch or the same file', async () => {
    const first = await submitted(fuzhou, 'injuries', 'death-1.csv', toCsv([INJURY_HEADER, death(7101)]));
    expect(first).toMatchObject({ status: 'committed', validRows: 1 });
    const other = makeIdNumber('350102', '1975-05-05', 'male', 72);
    const second = await submitted(
      fuzhou,
      'injuries',
      'death-2.csv',
      toCsv([
        INJURY_HEADER,
        death(7102, { ground: '15-1', category: '' }),
        injuryRow(7103, { idNumber: person, birth: '1980-01-01' }),
        death(7104, { idNumber: other, birth: '1975-05-05' }),
        death(7105, { idNumber: other, birth: '1975-05-05' }),
      ]),
    );
    expect(second).toMatchObject({ status: 'committed', totalRows: 4, validRows: 2, rejectedRows: 2 });
    const issues = (await fuzhou.get(`/api/exchange/batches/${second.id}/issues`)).json();
    expect(issues.rejected).toEqual([
      {
        line: 2,
        issues: [
          {
            column: 'isDeath',
            columnName: '是否死亡',
            code: 'row.second_death',
            message: `此人已有死亡认定（认定书编号 ${caseNo(7101)}），同一人不能再次认定死亡`,
          },
        ],
      },
      {
        line: 5,
        issues: [
          expect.objectContaining({
            code: 'row.second_death',
            message: expect.stringContaining(caseNo(7104)),
          }),
        ],
      },
    ]);
    // A non-fatal injury of the same person is no second death.
    expect(Object.keys(await storedNames([7101, 7102, 7103, 7104, 7105])).sort()).toEqual([
      caseNo(7101),
      caseNo(7103),
      caseNo(7104),
    ]);
  });

  it('a correction may replace the death case of the batch it supersedes', async () => {
    const person2 = makeIdNumber('350102', '1981-02-02', 'male', 73);
    const row = (n: number) => death(n, { idNumber: person2, birth: '1981-02-02' });
    const first = await submitted(
      fuzhou,
      'injuries',
      'death-a.csv',
      toCsv([INJURY_HEADER, row(7111), injuryRow(7112)]),
    );
    const corrected = await submitted(
      fuzhou,
      'injuries',
      'death-b.csv',
      toCsv([INJURY_HEADER, row(7113), injuryRow(7112)]),
      `&supersedes=${first.id}&reason=${encodeURIComponent('认定书编号更正')}`,
    );
    expect(corrected).toMatchObject({ status: 'committed', validRows: 2, rejectedRows: 0 });
    expect(Object.keys(await storedNames([7111, 7112, 7113])).sort()).toEqual([caseNo(7112), caseNo(7113)]);
  });
});

describe('a correction that removes much of the batch it corrects', () => {
  const supersede = (id: number, extra = '') =>
    `&supersedes=${id}&reason=${encodeURIComponent('更正上报数据')}${extra}`;

  it('a header-only correction is refused with the numbers unless confirmed; the corrected batch stays whole', async () => {
    const first = await submitted(
      fuzhou,
      'injuries',
      'c-1.csv',
      toCsv([INJURY_HEADER, injuryRow(7201), injuryRow(7202), injuryRow(7203), injuryRow(7204)]),
    );
    const empty = await submitted(
      fuzhou,
      'injuries',
      'c-empty.csv',
      toCsv([INJURY_HEADER]),
      supersede(first.id),
    );
    expect(empty).toMatchObject({
      status: 'failed',
      error: 'file.removal_unconfirmed',
      errorMessage: '更正将删除被更正批次 4 行中的 4 行（100%），超过 50% 的上限；请确认删除后重新提交',
    });
    expect(await batchOf(fuzhou, first.id)).toMatchObject({ status: 'committed', supersededByBatchId: null });
    expect(Object.keys(await storedNames([7201, 7202, 7203, 7204]))).toHaveLength(4);

    // Removing half is within the default limit.
    const half = await submitted(
      fuzhou,
      'injuries',
      'c-half.csv',
      toCsv([INJURY_HEADER, injuryRow(7201), injuryRow(7202)]),
      supersede(first.id),
    );
    expect(half).toMatchObject({ status: 'committed', removalConfirmed: false });
    expect(Object.keys(await storedNames([7201, 7202, 7203, 7204])).sort()).toEqual([
      caseNo(7201),
      caseNo(7202),
    ]);

    // Confirmed: the header-only file removes the rest.
    const confirmed = await submitted(
      fuzhou,
      'injuries',
      'c-empty-2.csv',
      `${toCsv([INJURY_HEADER])}\n`,
      supersede(half.id, '&confirmRemoval=true'),
    );
    expect(confirmed).toMatchObject({ status: 'committed', removalConfirmed: true, totalRows: 0 });
    expect(await storedNames([7201, 7202])).toEqual({});
  });

  it('the limit is a setting of the jurisdiction (exchange.correction)', async () => {
    const [fz] = await t.db
      .select({ id: jurisdictions.id })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, '350100'));
    await t.db.insert(jurisdictionSettings).values({
      jurisdictionId: fz?.id as number,
      key: 'exchange.correction',
      value: { maxRemovedShare: 20 },
      updatedBy: 'test',
    });
    try {
      const rows = [7211, 7212, 7213, 7214].map((n) => injuryRow(n));
      const first = await submitted(fuzhou, 'injuries', 's-1.csv', toCsv([INJURY_HEADER, ...rows]));
      const quarter = await submitted(
        fuzhou,
        'injuries',
        's-2.csv',
        toCsv([INJURY_HEADER, ...rows.slice(0, 3)]),
        supersede(first.id),
      );
      expect(quarter).toMatchObject({
        status: 'failed',
        errorMessage: '更正将删除被更正批次 4 行中的 1 行（25%），超过 20% 的上限；请确认删除后重新提交',
      });
    } finally {
      await t.db.delete(jurisdictionSettings).where(eq(jurisdictionSettings.key, 'exchange.correction'));
    }
  });
});

describe('concurrent uploads of one file', () => {
  it('8 uploads at once make one batch; the others answer with it', async () => {
    const csv = toCsv([INJURY_HEADER, injuryRow(7301), injuryRow(7302)]);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        fuzhou.request({
          method: 'POST',
          url: '/api/exchange/batches?domain=injuries&fileName=same.csv',
          headers: { 'content-type': 'application/octet-stream' },
          payload: Buffer.from(csv, 'utf8'),
        }),
      ),
    );
    await t.app.jobs.idle();
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 200, 200, 200, 200, 200, 200, 202]);
    const ids = new Set(responses.map((r) => r.json().batch.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.json().isDuplicate)).toHaveLength(7);
    const batches = await t.db
      .select({ id: exchangeBatches.id })
      .from(exchangeBatches)
      .where(eq(exchangeBatches.fileName, 'same.csv'));
    expect(batches).toHaveLength(1);
    expect(await batchOf(fuzhou, [...ids][0] as number)).toMatchObject({ status: 'committed', validRows: 2 });
  });
});

describe('who sees the text of a cell', () => {
  it('the submitting unit and HRSS see the cell in a reason; another unit of the area sees the reason without it', async () => {
    const lines = toCsv([INJURY_HEADER, injuryRow(7401, { sex: 'X' }), injuryRow(7402)]).split('\n');
    lines[2] = (lines[2] as string).replace('职工7402', '职工"7402');
    const batch = await submitted(fuzhou, 'injuries', 'cells.csv', lines.join('\n'));
    expect(batch).toMatchObject({ status: 'committed', rejectedRows: 2 });
    const [emergencyOrg] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '福州市应急管理局'));
    const user = await t.buildUser({
      role: 'member_officer',
      jurisdictionCode: '350100',
      organisationId: emergencyOrg?.id,
    });
    const emergency = await t.signIn(user.username, TEST_PASSWORD);
    const fujian = await t.signIn('fujian');
    const messages = async (agent: Agent) =>
      (await agent.get(`/api/exchange/batches/${batch.id}/issues`))
        .json()
        .rejected.map((r: { issues: { message: string }[] }) => r.issues[0]?.message);
    const sexFull = '取值不在代码表中：X（可选：男/女）';
    expect((await messages(fuzhou))[0]).toBe(sexFull);
    expect((await messages(fujian))[0]).toBe(sexFull);
    expect((await messages(fuzhou))[1]).toContain('职工"');
    const hidden = await messages(emergency);
    expect(hidden).toEqual([
      '取值不在代码表中：（内容不予显示）（可选：男/女）',
      '该行的引号位置不正确（引号只能包住整个单元格），无法读取：（内容不予显示）',
    ]);
    expect((await emergency.get(`/api/exchange/batches/${batch.id}/rejected`)).statusCode).toBe(403);
    expect((await fujian.get(`/api/exchange/batches/${batch.id}/rejected`)).statusCode).toBe(200);
  });
});

describe('every CSV written for people neutralises formula cells', () => {
  it('the rejected-rows CSV prefixes text cells starting with = + - @ or a tab; numbers stay numbers', async () => {
    const csv = toCsv([
      INJURY_HEADER,
      injuryRow(7501, { name: '=HYPERLINK("http://example.invalid","点我")', sex: '女' }),
      injuryRow(7502, { post: '+1-2', fen: '-5', sex: '女' }),
      injuryRow(7503, { post: '@SUM(A1)', name: '\tTAB', sex: '女' }),
    ]);
    const batch = await submitted(fuzhou, 'injuries', 'formulas.csv', csv);
    expect(batch).toMatchObject({ status: 'committed', rejectedRows: 3 });
    const file = await fuzhou.get(`/api/exchange/batches/${batch.id}/rejected`);
    const lines = file.body.split('\r\n');
    expect(lines[1]).toMatch(/^2,/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://example.invalid"",""点我"")"`);
    expect(lines[2]).toMatch(/^3,/);
    expect(lines[2]).toContain(",'+1-2,");
    expect(lines[2]).toContain(",'-5,");
    expect(lines[3]).toContain(",'\tTAB,");
    expect(lines[3]).toContain(",'@SUM(A1),");
    expect(file.body).not.toMatch(/(^|,)[=+@-]/m);
  });

  it('rows sent as JSON are imported verbatim (the hand-off to the importer is not a file for people)', async () => {
    const res = await fuzhou.post('/api/exchange/batches/json', {
      domain: 'injuries',
      rows: [Object.fromEntries(INJURY_HEADER.map((h, i) => [h, injuryRow(7511, { post: '-' })[i]]))],
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.app.jobs.idle();
    const [stored] = await t.db
      .select({ post: injuryCases.post })
      .from(injuryCases)
      .where(eq(injuryCases.caseNo, caseNo(7511)));
    expect(stored?.post).toBe('-');
  });

  it('the CSV template is written through the same writer', async () => {
    const csv = await fuzhou.get('/api/exchange/formats/accidents/template');
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[1]).toBe(
      'FZ-2025-0031,91350100MA00010000,350102,2025-06-02,10,一般,1,2,1250000.00',
    );
  });
});
