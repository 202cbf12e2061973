import { and, count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCIDENT_HEADER,
  accidentRow,
  DISEASE_HEADER,
  diseaseRow,
  FUND_HEADER,
  HEADCOUNT_HEADER,
  INJURY_HEADER,
  injuryRow,
  makeCreditCode,
  toCsv,
  toXlsx,
} from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import {
  diseaseCases,
  exchangeBatches,
  exchangeStaging,
  fundAccounts,
  injuryCases,
  insuredHeadcounts,
  safetyAccidents,
} from './exchange.tables.js';

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
    // The submitting unit hears of the refused rows in its inbox: 2 of 4, once.
    const inbox = (await fuzhou.get('/api/notifications?pageSize=100')).json();
    const notes = inbox.items.filter(
      (n: { kind: string; params: { file: string } }) =>
        n.kind === 'exchange.batch_rejected_rows' && n.params.file === 'injuries.csv',
    );
    expect(notes.map((n: { params: unknown }) => n.params)).toEqual([
      { file: 'injuries.csv', domain: 'injuries', rejected: 2, total: 4 },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Helpers and fixtures of the tests below. Each test uses its own range of case numbers (n), so
// the tests do not see each other's rows although they share one database.

interface BatchDto {
  id: number;
  domain: string;
  status: string;
  format: string;
  encoding: string | null;
  channel: string;
  fileName: string;
  totalRows: number;
  validRows: number;
  rejectedRows: number;
  warningRows: number;
  supersedesBatchId: number | null;
  supersedeReason: string | null;
  supersededByBatchId: number | null;
  error: string | null;
  errorMessage: string | null;
}

async function batchOf(agent: Agent, id: number, headers?: Record<string, string>): Promise<BatchDto> {
  const res = await agent.get(`/api/exchange/batches/${id}`, headers);
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** Submits a file and returns the batch after its import ran. */
async function submitted(agent: Agent, domain: string, fileName: string, body: Buffer | string, extra = '') {
  const res = await upload(agent, domain, fileName, body, extra);
  expect(res.statusCode, res.body).toBe(202);
  return batchOf(agent, res.json().batch.id);
}

function caseNo(n: number) {
  return `榕人社工认〔2025〕${String(n).padStart(4, '0')}号`;
}

async function injuriesByCase(ns: number[]) {
  const rows = await t.db
    .select()
    .from(injuryCases)
    .where(
      inArray(
        injuryCases.caseNo,
        ns.map((n) => caseNo(n)),
      ),
    )
    .orderBy(injuryCases.caseNo);
  return new Map(rows.map((r) => [r.caseNo, r]));
}

async function batchCount() {
  const [row] = await t.db.select({ n: count() }).from(exchangeBatches);
  return Number(row?.n);
}

async function organisationId(name: string) {
  const [row] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (!row) throw new Error(`no organisation ${name}`);
  return row.id;
}

interface IssueDto {
  column: string;
  columnName: string;
  code: string;
  message: string;
}

async function issuesOf(agent: Agent, id: number, query = '', headers?: Record<string, string>) {
  const res = await agent.get(`/api/exchange/batches/${id}/issues${query}`, headers);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    total: number;
    rejected: { line: number; issues: IssueDto[] }[];
    warnings: (IssueDto & { line: number })[];
  };
}

describe('encodings and formats', () => {
  it('a GBK file imports with its Chinese intact, and its rejected rows come back in GBK', async () => {
    const csv = toCsv([
      INJURY_HEADER,
      injuryRow(101, { name: '张三' }),
      injuryRow(102, { name: '欧阳娜娜', post: '电焊工，高处作业' }),
      injuryRow(103, { name: '李四', sex: '女' }),
    ]);
    const bytes = iconv.encode(csv, 'gbk');
    expect(bytes.includes(Buffer.from('张三', 'utf8'))).toBe(false);
    const batch = await submitted(fuzhou, 'injuries', '工伤认定（GBK）.csv', bytes);
    expect(batch).toMatchObject({
      status: 'committed',
      format: 'csv',
      encoding: 'gb18030',
      totalRows: 3,
      validRows: 2,
      rejectedRows: 1,
    });

    const stored = await injuriesByCase([101, 102, 103]);
    expect(stored.get(caseNo(101))?.personName).toBe('张三');
    expect(stored.get(caseNo(102))).toMatchObject({ personName: '欧阳娜娜', post: '电焊工，高处作业' });
    expect(stored.has(caseNo(103))).toBe(false);

    const file = await fuzhou.get(`/api/exchange/batches/${batch.id}/rejected`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('gb18030');
    expect(String(file.headers['content-disposition'])).toContain(
      encodeURIComponent('工伤认定（GBK）-未通过校验的行.csv'),
    );
    // The bytes are GBK, not UTF-8.
    expect(file.rawPayload.includes(iconv.encode('李四', 'gbk'))).toBe(true);
    expect(file.rawPayload.includes(Buffer.from('李四', 'utf8'))).toBe(false);
    const text = iconv.decode(file.rawPayload, 'gb18030');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(['行号', ...INJURY_HEADER, '错误原因'].join(','));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      [4, ...injuryRow(103, { name: '李四', sex: '女' }), '性别：性别与身份证号不符'].join(','),
    );
  });

  it('a UTF-8 file with BOM gets its rejected rows back with a BOM', async () => {
    const csv = toCsv([INJURY_HEADER, injuryRow(111), injuryRow(112, { grade: '11' })]);
    const batch = await submitted(
      fuzhou,
      'injuries',
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]),
    );
    expect(batch).toMatchObject({
      status: 'committed',
      encoding: 'utf-8-bom',
      validRows: 1,
      rejectedRows: 1,
    });
    const file = await fuzhou.get(`/api/exchange/batches/${batch.id}/rejected`);
    expect([...file.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.rawPayload.subarray(3).toString('utf8')).toContain('伤残等级：伤残等级应为 1 至 10');
  });

  it('an XLSX file imports (numeric cells included) and its rejected rows come back as XLSX', async () => {
    const good = injuryRow(201, { name: '陈建国' });
    const bad = injuryRow(202, { name: '林秀英', death: '是' });
    // Numeric cells where Excel users type numbers: the disability grade and the expenditure.
    const numeric = (row: string[]) => [...row.slice(0, 13), Number(row[13]), row[14], Number(row[15])];
    const xlsx = await toXlsx([INJURY_HEADER, numeric(good), numeric(bad)], '工伤认定');
    const batch = await submitted(fuzhou, 'injuries', '工伤认定.xlsx', xlsx);
    expect(batch).toMatchObject({
      status: 'committed',
      format: 'xlsx',
      encoding: null,
      totalRows: 2,
      validRows: 1,
      rejectedRows: 1,
    });
    const stored = await injuriesByCase([201, 202]);
    expect(stored.get(caseNo(201))).toMatchObject({
      personName: '陈建国',
      disabilityGrade: 8,
      fundExpenditureFen: 8650000,
      occurredOn: '2025-03-14',
      isDeath: false,
    });
    expect(stored.has(caseNo(202))).toBe(false);

    const file = await fuzhou.get(`/api/exchange/batches/${batch.id}/rejected`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(String(file.headers['content-disposition'])).toContain(
      encodeURIComponent('工伤认定-未通过校验的行.xlsx'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet in the rejected-rows file');
    expect(sheet.rowCount).toBe(2);
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(cells(1)).toEqual(['行号', ...INJURY_HEADER, '错误原因']);
    const row = cells(2);
    expect(row[0]).toBe(3);
    expect(row.slice(1, 17).map(String)).toEqual(bad);
    expect(row[17]).toBe('是否死亡：“是否死亡”与“伤害程度”不一致');
  });

  it('an XLSX file with real date cells imports', async () => {
    const row = injuryRow(211);
    const dated = [
      ...row.slice(0, 6),
      new Date(Date.UTC(1985, 5, 15)),
      row[7],
      new Date(Date.UTC(2025, 2, 14)),
      new Date(Date.UTC(2025, 3, 20)),
      ...row.slice(10),
    ];
    const batch = await submitted(fuzhou, 'injuries', 'dates.xlsx', await toXlsx([INJURY_HEADER, dated]));
    expect(batch).toMatchObject({ status: 'committed', validRows: 1, rejectedRows: 0 });
    expect((await injuriesByCase([211])).get(caseNo(211))?.occurredOn).toBe('2025-03-14');
  });
});

describe('resubmission and supersede', () => {
  it('identical content again is recognised: 200, same batch, no new batch, nothing changed', async () => {
    const csv = toCsv([INJURY_HEADER, injuryRow(301), injuryRow(302)]);
    const first = await submitted(fuzhou, 'injuries', 'same.csv', csv);
    expect(first.status).toBe('committed');
    const before = await batchCount();
    const rowsBefore = await injuriesByCase([301, 302]);

    const again = await upload(fuzhou, 'injuries', 'same-renamed.csv', csv);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ isDuplicate: true, batch: { id: first.id, status: 'committed' } });
    expect(await batchCount()).toBe(before);
    expect(await injuriesByCase([301, 302])).toEqual(rowsBefore);
    const [audited] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'exchange.resubmit-identical'), eq(auditLog.targetId, String(first.id))),
      );
    expect(Number(audited?.n)).toBe(1);
  });

  it('a changed file for the same domain is a new batch', async () => {
    const first = await submitted(fuzhou, 'injuries', 'v1.csv', toCsv([INJURY_HEADER, injuryRow(311)]));
    const second = await submitted(
      fuzhou,
      'injuries',
      'v1.csv',
      toCsv([INJURY_HEADER, injuryRow(311, { post: '钢筋工' })]),
    );
    expect(second.id).not.toBe(first.id);
    expect(second.status).toBe('committed');
    expect((await batchOf(fuzhou, first.id)).status).toBe('committed');
    expect((await injuriesByCase([311])).get(caseNo(311))).toMatchObject({
      post: '钢筋工',
      batchId: second.id,
    });
  });

  it('a corrected file supersedes the earlier batch with a reason; both stay visible', async () => {
    const original = await submitted(
      fuzhou,
      'injuries',
      'original.csv',
      toCsv([INJURY_HEADER, injuryRow(401, { name: '错名' }), injuryRow(402), injuryRow(403)]),
    );
    expect(original).toMatchObject({ status: 'committed', validRows: 3 });

    const corrected = toCsv([
      INJURY_HEADER,
      injuryRow(401, { name: '对名' }),
      injuryRow(402),
      injuryRow(404),
    ]);
    const res = await upload(
      fuzhou,
      'injuries',
      'corrected.csv',
      corrected,
      `&supersedes=${original.id}&reason=${encodeURIComponent('更正姓名，删去重复认定')}`,
    );
    expect(res.statusCode).toBe(202);
    const replacement = await batchOf(fuzhou, res.json().batch.id);
    expect(replacement).toMatchObject({
      status: 'committed',
      supersedesBatchId: original.id,
      supersedeReason: '更正姓名，删去重复认定',
      validRows: 3,
    });
    expect(await batchOf(fuzhou, original.id)).toMatchObject({
      status: 'superseded',
      supersededByBatchId: replacement.id,
    });

    const rows = await injuriesByCase([401, 402, 403, 404]);
    expect([...rows.keys()]).toEqual([caseNo(401), caseNo(402), caseNo(404)]);
    expect(rows.get(caseNo(401))).toMatchObject({ personName: '对名', batchId: replacement.id });
    expect(rows.get(caseNo(402))?.batchId).toBe(replacement.id);

    const list = (await fuzhou.get('/api/exchange/batches?domain=injuries&pageSize=200')).json();
    const listed = new Map(list.items.map((b: BatchDto) => [b.id, b.status]));
    expect(listed.get(original.id)).toBe('superseded');
    expect(listed.get(replacement.id)).toBe('committed');
  });

  it('refuses a supersede without a reason, of another domain, or of a batch already superseded', async () => {
    const target = await submitted(fuzhou, 'injuries', 'target.csv', toCsv([INJURY_HEADER, injuryRow(411)]));
    const corrected = toCsv([INJURY_HEADER, injuryRow(411, { post: '木工' })]);
    const before = await batchCount();

    for (const extra of [`&supersedes=${target.id}`, `&supersedes=${target.id}&reason=%20%20`]) {
      const res = await upload(fuzhou, 'injuries', 'fix.csv', corrected, extra);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'exchange.reason_required', fields: [{ field: 'reason' }] });
    }

    const fund = await submitted(
      fuzhou,
      'fund',
      'fund-target.csv',
      toCsv([FUND_HEADER, ['350181', '2023', '1', '1', '1']]),
    );
    expect(fund.status).toBe('committed');
    const otherDomain = await upload(
      fuzhou,
      'injuries',
      'fix.csv',
      corrected,
      `&supersedes=${fund.id}&reason=更正`,
    );
    expect(otherDomain.statusCode).toBe(400);
    expect(otherDomain.json()).toMatchObject({
      code: 'exchange.supersede_invalid',
      fields: [{ field: 'supersedes' }],
    });
    const wrongWay = await upload(
      fuzhou,
      'fund',
      'fix.csv',
      corrected,
      `&supersedes=${target.id}&reason=更正`,
    );
    expect(wrongWay.statusCode).toBe(400);
    expect(wrongWay.json().code).toBe('exchange.supersede_invalid');
    const unknown = await upload(fuzhou, 'injuries', 'fix.csv', corrected, '&supersedes=999999&reason=更正');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('exchange.supersede_invalid');
    expect(await batchCount()).toBe(before + 1);

    // Once superseded, a batch cannot be superseded again.
    const fix = await submitted(
      fuzhou,
      'injuries',
      'fix.csv',
      corrected,
      `&supersedes=${target.id}&reason=更正岗位`,
    );
    expect(fix.supersedesBatchId).toBe(target.id);
    const twice = await upload(
      fuzhou,
      'injuries',
      'fix2.csv',
      toCsv([INJURY_HEADER, injuryRow(411, { post: '瓦工' })]),
      `&supersedes=${target.id}&reason=再次更正`,
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json().code).toBe('exchange.supersede_invalid');
    expect((await injuriesByCase([411])).get(caseNo(411))?.post).toBe('木工');
  });
});

describe('whole-file and cross-row problems', () => {
  it('missing required columns fail the batch with file.missing_columns naming them; no rows', async () => {
    const keep = INJURY_HEADER.map((h, i) => ({ h, i })).filter(({ h }) => !['身份证号', '姓名'].includes(h));
    const csv = toCsv([
      keep.map((k) => k.h),
      ...[501, 502].map((n) => keep.map((k) => injuryRow(n)[k.i] as string)),
    ]);
    const batch = await submitted(fuzhou, 'injuries', 'missing.csv', csv);
    expect(batch).toMatchObject({
      status: 'failed',
      error: 'file.missing_columns',
      errorMessage: '缺少必需的列：身份证号、姓名',
      validRows: 0,
    });
    expect((await batchOf(fuzhou, batch.id, { 'accept-language': 'en' })).errorMessage).toBe(
      'required columns are missing: 身份证号、姓名',
    );
    expect((await injuriesByCase([501, 502])).size).toBe(0);
    const [staged] = await t.db
      .select({ n: count() })
      .from(exchangeStaging)
      .where(eq(exchangeStaging.batchId, batch.id));
    expect(Number(staged?.n)).toBe(0);
    // A failed batch does not block the corrected file.
    const fixed = await submitted(fuzhou, 'injuries', 'missing.csv', toCsv([INJURY_HEADER, injuryRow(501)]));
    expect(fixed.status).toBe('committed');
  });

  it('a natural key twice in one file: the later line is rejected naming the first', async () => {
    const batch = await submitted(
      fuzhou,
      'injuries',
      'dup.csv',
      toCsv([
        INJURY_HEADER,
        injuryRow(601, { name: '先来' }),
        injuryRow(602),
        injuryRow(601, { name: '后到' }),
      ]),
    );
    expect(batch).toMatchObject({ status: 'committed', totalRows: 3, validRows: 2, rejectedRows: 1 });
    const issues = await issuesOf(fuzhou, batch.id);
    expect(issues.rejected).toEqual([
      {
        line: 4,
        issues: [
          {
            column: '',
            columnName: '',
            code: 'row.duplicate_in_file',
            message: `与第 2 行重复（${caseNo(601)}）`,
          },
        ],
      },
    ]);
    expect((await injuriesByCase([601])).get(caseNo(601))?.personName).toBe('先来');
    // The merge rejected it, so its cells were read back from the file for the rejected-rows file.
    const file = await fuzhou.get(`/api/exchange/batches/${batch.id}/rejected`);
    const lines = file.body.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^4,${caseNo(601)},.*,后到,`));
  });

  it('a natural key repeated thousands of lines later (another chunk) is rejected naming the first', async () => {
    // 5,000 rows a chunk: on PostgreSQL line 2 is in the facts already when line 6,003 arrives.
    const rows = [INJURY_HEADER, injuryRow(700_000, { name: '先来' })];
    for (let n = 1; n <= 6_000; n++) rows.push(injuryRow(700_000 + n));
    rows.push(injuryRow(700_000, { name: '后到' }));
    const batch = await submitted(fuzhou, 'injuries', 'dup-far.csv', toCsv(rows));
    expect(batch).toMatchObject({ status: 'committed', totalRows: 6_002, validRows: 6_001, rejectedRows: 1 });
    const issues = await issuesOf(fuzhou, batch.id);
    expect(issues.rejected).toEqual([
      {
        line: 6_003,
        issues: [
          {
            column: '',
            columnName: '',
            code: 'row.duplicate_in_file',
            message: `与第 2 行重复（${caseNo(700_000)}）`,
          },
        ],
      },
    ]);
    expect((await injuriesByCase([700_000])).get(caseNo(700_000))?.personName).toBe('先来');
    const [written] = await t.db
      .select({ batchId: injuryCases.batchId, batchLine: injuryCases.batchLine })
      .from(injuryCases)
      .where(eq(injuryCases.caseNo, caseNo(700_003)));
    // Every fact records the batch and line that wrote it.
    expect(written).toEqual({ batchId: batch.id, batchLine: 5 });
  });

  it('a row naming an employer registered outside the submitter’s scope is rejected', async () => {
    const xiamenEmployer = makeCreditCode('350200', 1004); // 厦门鹭岛石材加工有限公司
    const batch = await submitted(
      fuzhou,
      'injuries',
      'outside.csv',
      toCsv([INJURY_HEADER, injuryRow(701, { creditCode: xiamenEmployer }), injuryRow(702)]),
    );
    expect(batch).toMatchObject({ status: 'committed', validRows: 1, rejectedRows: 1, pendingEmployers: 0 });
    const issues = await issuesOf(fuzhou, batch.id);
    expect(issues.rejected).toEqual([
      {
        line: 2,
        issues: [
          {
            column: 'creditCode',
            columnName: '统一社会信用代码',
            code: 'row.employer_outside',
            message: '该用人单位登记在本单位管辖范围之外',
          },
        ],
      },
    ]);
    expect([...(await injuriesByCase([701, 702])).keys()]).toEqual([caseNo(702)]);
  });
});

describe('domains by department', () => {
  let emergency: Agent;
  let health: Agent;
  beforeAll(async () => {
    const [emergencyUser, healthUser] = await Promise.all([
      t.buildUser({
        role: 'member_officer',
        jurisdictionCode: '350100',
        organisationId: await organisationId('福州市应急管理局'),
      }),
      t.buildUser({
        role: 'member_officer',
        jurisdictionCode: '350100',
        organisationId: await organisationId('福州市卫生健康委员会'),
      }),
    ]);
    [emergency, health] = await Promise.all([
      t.signIn(emergencyUser.username, TEST_PASSWORD),
      t.signIn(healthUser.username, TEST_PASSWORD),
    ]);
  });

  it('each unit is offered its own domains', async () => {
    const submittable = async (agent: Agent) => (await agent.get('/api/exchange/formats')).json().submittable;
    expect(await submittable(fuzhou)).toEqual([
      'employers',
      'headcounts',
      'insuredPersons',
      'injuries',
      'fund',
      'contributions',
    ]);
    expect(await submittable(emergency)).toEqual(['accidents']);
    expect(await submittable(health)).toEqual(['diseases']);
  });

  it('emergency management submits accidents, not injuries', async () => {
    const refused = await upload(emergency, 'injuries', 'i.csv', toCsv([INJURY_HEADER, injuryRow(801)]));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('exchange.domain_not_allowed');

    const csv = toCsv([
      ACCIDENT_HEADER,
      accidentRow(1),
      accidentRow(2, { grade: '较大事故', deaths: '3', serious: '0', lossYuan: '2,500,000.50' }),
      accidentRow(3, { grade: '一般', deaths: '10' }),
      accidentRow(4, { occurred: '2099-01-01' }),
    ]);
    const batch = await submitted(emergency, 'accidents', '生产安全事故.csv', csv);
    expect(batch).toMatchObject({ status: 'committed', totalRows: 4, validRows: 2, rejectedRows: 2 });
    const stored = await t.db.select().from(safetyAccidents).where(eq(safetyAccidents.batchId, batch.id));
    expect(stored.map((a) => [a.accidentNo, a.grade, a.deaths, a.seriousInjuries, a.directLossFen])).toEqual(
      expect.arrayContaining([
        ['FZ-2025-0001', 'ordinary', 1, 2, 125000000],
        ['FZ-2025-0002', 'larger', 3, 0, 250000050],
      ]),
    );
    expect(stored).toHaveLength(2);
    const issues = await issuesOf(emergency, batch.id);
    expect(issues.rejected.map((r) => [r.line, r.issues[0]?.code])).toEqual([
      [4, 'row.grade_mismatch'],
      [5, 'row.future_date'],
    ]);
    expect(issues.rejected[0]?.issues[0]?.message).toContain('重大事故');

    const byFuzhou = await upload(fuzhou, 'accidents', 'a.csv', csv);
    expect(byFuzhou.statusCode).toBe(403);
    expect(byFuzhou.json().code).toBe('exchange.domain_not_allowed');
  });

  it('health submits occupational-disease diagnoses, not injuries or accidents', async () => {
    for (const [domain, body] of [
      ['injuries', toCsv([INJURY_HEADER, injuryRow(802)])],
      ['accidents', toCsv([ACCIDENT_HEADER, accidentRow(11)])],
    ] as const) {
      const refused = await upload(health, domain, 'x.csv', body);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('exchange.domain_not_allowed');
    }
    const csv = toCsv([
      DISEASE_HEADER,
      diseaseRow(1),
      diseaseRow(2, {
        version: '2024',
        diseaseClass: '职业性肌肉骨骼疾病',
        disease: '腕管综合征',
        exposureYears: '12',
      }),
      diseaseRow(3, { version: '2013', diseaseClass: '职业性肌肉骨骼疾病', disease: '腕管综合征' }),
      diseaseRow(4, { exposureYears: '61' }),
    ]);
    const batch = await submitted(health, 'diseases', '职业病诊断.csv', csv);
    expect(batch).toMatchObject({ status: 'committed', validRows: 2, rejectedRows: 2 });
    const stored = await t.db
      .select()
      .from(diseaseCases)
      .where(eq(diseaseCases.batchId, batch.id))
      .orderBy(diseaseCases.caseNo);
    expect(
      stored.map((d) => [
        d.caseNo,
        d.catalogueVersion,
        d.diseaseClass,
        d.isPneumoconiosis,
        Number(d.exposureYears),
      ]),
    ).toEqual([
      ['闽职诊〔2025〕001号', '2013', '职业性尘肺病及其他呼吸系统疾病', true, 6.5],
      ['闽职诊〔2025〕002号', '2024', '职业性肌肉骨骼疾病', false, 12],
    ]);
    const issues = await issuesOf(health, batch.id);
    expect(issues.rejected.map((r) => [r.line, r.issues[0]?.code])).toEqual([
      [4, 'row.disease_class_unknown'],
      [5, 'row.bad_decimal'],
    ]);
    const byFuzhou = await upload(fuzhou, 'diseases', 'd.csv', csv);
    expect(byFuzhou.statusCode).toBe(403);
  });

  it('HRSS submits the fund accounts, amounts in yuan stored exactly in fen', async () => {
    const csv = toCsv([
      FUND_HEADER,
      ['350100', '2024', '1,856,000,000.00', '1420000000.1', '38000000.05'],
      ['350102', '2024', '12000000', '9000000.99', '0'],
      ['350200', '2024', '1', '1', '1'],
      ['350105', '2024', '1.234', '1', '1'],
    ]);
    const batch = await submitted(fuzhou, 'fund', '基金收支.csv', csv);
    expect(batch).toMatchObject({ status: 'committed', validRows: 2, rejectedRows: 2 });
    const stored = await t.db
      .select({
        code: jurisdictions.code,
        year: fundAccounts.year,
        income: fundAccounts.contributionIncomeFen,
        benefit: fundAccounts.benefitExpenditureFen,
        prevention: fundAccounts.preventionFeeSpentFen,
      })
      .from(fundAccounts)
      .innerJoin(jurisdictions, eq(jurisdictions.id, fundAccounts.jurisdictionId))
      .where(eq(fundAccounts.batchId, batch.id))
      .orderBy(jurisdictions.code);
    expect(stored).toEqual([
      { code: '350100', year: 2024, income: 185600000000, benefit: 142000000010, prevention: 3800000005 },
      { code: '350102', year: 2024, income: 1200000000, benefit: 900000099, prevention: 0 },
    ]);
    const issues = await issuesOf(fuzhou, batch.id);
    expect(issues.rejected.map((r) => [r.line, r.issues[0]?.column, r.issues[0]?.code])).toEqual([
      [4, 'jurisdictionCode', 'row.jurisdiction_outside'],
      [5, 'contributionIncomeFen', 'row.bad_amount'],
    ]);
    const refused = await upload(emergency, 'fund', 'f.csv', csv);
    expect(refused.statusCode).toBe(403);
  });

  it('HRSS submits insured headcounts per employer and year', async () => {
    const employer = makeCreditCode('350105', 1001); // 福州闽江化工有限公司
    const csv = toCsv([
      HEADCOUNT_HEADER,
      [employer, '2024', '320', '310', '335'],
      [employer, '2023', '300', '305', ''],
      [makeCreditCode('350200', 1004), '2024', '50', '50', '55'],
    ]);
    const batch = await submitted(fuzhou, 'headcounts', '参保人数.csv', csv);
    expect(batch).toMatchObject({ status: 'committed', validRows: 2, rejectedRows: 1, warningRows: 1 });
    const stored = await t.db
      .select()
      .from(insuredHeadcounts)
      .where(eq(insuredHeadcounts.batchId, batch.id))
      .orderBy(insuredHeadcounts.year);
    const employerId = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.creditCode, employer));
    expect(stored.map((h) => [h.employerId, h.year, h.averageInsured, h.averagePaying, h.employees])).toEqual(
      [
        [employerId[0]?.id, 2023, 300, 305, null],
        [employerId[0]?.id, 2024, 320, 310, 335],
      ],
    );
    const issues = await issuesOf(fuzhou, batch.id);
    expect(issues.warnings).toMatchObject([
      { line: 3, column: 'averagePaying', code: 'row.paying_exceeds_insured' },
    ]);
    expect(issues.rejected).toMatchObject([{ line: 4, issues: [{ code: 'row.employer_outside' }] }]);
  });
});

describe('JSON API', () => {
  it('accepts rows keyed by Chinese and by English column names', async () => {
    const zhRow = Object.fromEntries(INJURY_HEADER.map((h, i) => [h, injuryRow(901, { name: '中文键' })[i]]));
    const enNames = [
      'case_no',
      'credit_code',
      'jurisdiction_code',
      'id_number',
      'name',
      'sex',
      'birth_date',
      'post',
      'occurred_on',
      'determined_on',
      'ground',
      'accident_category',
      'severity',
      'disability_grade',
      'is_death',
      'fund_expenditure_fen',
    ];
    const enRow: Record<string, string | number | null> = Object.fromEntries(
      enNames.map((h, i) => [h, injuryRow(902, { name: 'English Keys' })[i] as string]),
    );
    enRow.fund_expenditure_fen = 123456;
    enRow.disability_grade = null;
    const res = await fuzhou.post('/api/exchange/batches/json', { domain: 'injuries', rows: [zhRow, enRow] });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ isDuplicate: false, batch: { format: 'json', channel: 'api' } });
    await t.app.jobs.idle();
    const batch = await batchOf(fuzhou, res.json().batch.id);
    expect(batch).toMatchObject({ status: 'committed', validRows: 2, rejectedRows: 0 });
    const stored = await injuriesByCase([901, 902]);
    expect(stored.get(caseNo(901))).toMatchObject({ personName: '中文键', fundExpenditureFen: 8650000 });
    expect(stored.get(caseNo(902))).toMatchObject({
      personName: 'English Keys',
      fundExpenditureFen: 123456,
      disabilityGrade: null,
    });

    const same = await fuzhou.post('/api/exchange/batches/json', {
      domain: 'injuries',
      rows: [zhRow, enRow],
    });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ isDuplicate: true, batch: { id: batch.id } });
  });

  it('accepts a JSON boolean for a yes/no column', async () => {
    const row = Object.fromEntries(INJURY_HEADER.map((h, i) => [h, injuryRow(911)[i]]));
    const res = await fuzhou.post('/api/exchange/batches/json', {
      domain: 'injuries',
      rows: [{ ...row, 是否死亡: false }],
    });
    expect(res.statusCode).toBe(202);
    await t.app.jobs.idle();
    expect(await batchOf(fuzhou, res.json().batch.id)).toMatchObject({ validRows: 1, rejectedRows: 0 });
  });

  it('an empty body, no rows or an unknown domain is 400; an empty file too', async () => {
    const empty = await fuzhou.post('/api/exchange/batches/json');
    expect(empty.statusCode).toBe(400);
    const noFields = await fuzhou.post('/api/exchange/batches/json', {});
    expect(noFields.statusCode).toBe(400);
    expect(noFields.json().code).toBe('validation.failed');
    expect(noFields.json().fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['domain', 'rows']),
    );
    const noRows = await fuzhou.post('/api/exchange/batches/json', { domain: 'injuries', rows: [] });
    expect(noRows.statusCode).toBe(400);
    expect(noRows.json().fields[0].field).toBe('rows');
    const badDomain = await fuzhou.post('/api/exchange/batches/json', {
      domain: 'weather',
      rows: [{ a: 1 }],
    });
    expect(badDomain.statusCode).toBe(400);
    expect(badDomain.json().fields[0].field).toBe('domain');

    const before = await batchCount();
    const emptyFile = await upload(fuzhou, 'injuries', 'empty.csv', Buffer.alloc(0));
    expect(emptyFile.statusCode).toBe(400);
    expect(emptyFile.json().code).toBe('exchange.empty_file');
    expect(await batchCount()).toBe(before);
  });
});

describe('listing batches and their issues', () => {
  it('filters by domain and status, newest first, page by page', async () => {
    for (const n of [1001, 1002, 1003]) {
      await submitted(fuzhou, 'injuries', `list-${n}.csv`, toCsv([INJURY_HEADER, injuryRow(n)]));
    }
    await submitted(fuzhou, 'injuries', 'list-failed.csv', toCsv([['认定书编号'], ['x']]));
    const [expected] = await t.db
      .select({ n: count() })
      .from(exchangeBatches)
      .where(and(eq(exchangeBatches.domain, 'injuries'), eq(exchangeBatches.status, 'committed')));
    const committed = Number(expected?.n);
    expect(committed).toBeGreaterThanOrEqual(4);

    const page1 = (
      await fuzhou.get('/api/exchange/batches?domain=injuries&status=committed&pageSize=2')
    ).json();
    const page2 = (
      await fuzhou.get('/api/exchange/batches?domain=injuries&status=committed&pageSize=2&page=2')
    ).json();
    expect(page1.total).toBe(committed);
    expect(page2.total).toBe(committed);
    const items: BatchDto[] = [...page1.items, ...page2.items];
    expect(items).toHaveLength(4);
    expect(items.every((b) => b.domain === 'injuries' && b.status === 'committed')).toBe(true);
    const ids = items.map((b) => b.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(4);
    expect(page1.items[0].fileName).toBe('list-1003.csv');

    const failed = (await fuzhou.get('/api/exchange/batches?status=failed&pageSize=200')).json();
    expect(failed.items.length).toBeGreaterThan(0);
    expect(failed.items.every((b: BatchDto) => b.status === 'failed')).toBe(true);
    expect(failed.items.map((b: BatchDto) => b.fileName)).toContain('list-failed.csv');

    const fund = (await fuzhou.get('/api/exchange/batches?domain=fund&pageSize=200')).json();
    expect(fund.items.every((b: BatchDto) => b.domain === 'fund')).toBe(true);

    const beyond = (
      await fuzhou.get(`/api/exchange/batches?domain=injuries&status=committed&page=1000`)
    ).json();
    expect(beyond).toEqual({ items: [], total: committed });
    expect((await fuzhou.get('/api/exchange/batches?status=deleted')).statusCode).toBe(400);
    expect((await fuzhou.get('/api/exchange/batches?pageSize=201')).statusCode).toBe(400);
  });

  it('pages the rejected rows of a batch and shows warnings, in Chinese or English', async () => {
    const csv = toCsv([
      INJURY_HEADER,
      injuryRow(1101, { sex: '女' }),
      injuryRow(1102, { grade: '0' }),
      injuryRow(1103, { creditCode: '91350100M0001TGQXM', jurisdiction: '350100' }),
      injuryRow(1104, { occurred: '2025-05-01' }),
      injuryRow(1105, { fen: '-1' }),
      injuryRow(1106, { idNumber: '35010219850615001' }),
    ]);
    const batch = await submitted(fuzhou, 'injuries', 'issues.csv', csv);
    expect(batch).toMatchObject({ validRows: 1, rejectedRows: 5, warningRows: 1 });

    const first = await issuesOf(fuzhou, batch.id, '?page=1&pageSize=2');
    expect(first.total).toBe(5);
    expect(first.rejected.map((r) => r.line)).toEqual([2, 3]);
    const second = await issuesOf(fuzhou, batch.id, '?page=2&pageSize=2');
    expect(second.rejected.map((r) => r.line)).toEqual([5, 6]);
    const third = await issuesOf(fuzhou, batch.id, '?page=3&pageSize=2');
    expect(third.rejected.map((r) => r.line)).toEqual([7]);
    expect(third.rejected[0]?.issues[0]).toEqual({
      column: 'idNumber',
      columnName: '身份证号',
      code: 'id.malformed',
      message: '身份证号格式不正确',
    });
    expect(first.warnings).toEqual([
      {
        line: 4,
        column: 'creditCode',
        columnName: '统一社会信用代码',
        code: 'row.credit_code_check',
        message: '统一社会信用代码校验位不符（应为 1），已按原样接收',
      },
    ]);
    const english = await issuesOf(fuzhou, batch.id, '?pageSize=1', { 'accept-language': 'en' });
    expect(english.rejected[0]?.issues[0]).toEqual({
      column: 'sex',
      columnName: 'sex',
      code: 'row.sex_mismatch',
      message: 'sex does not match the ID number',
    });
    expect((await fuzhou.get(`/api/exchange/batches/${batch.id}/issues?pageSize=501`)).statusCode).toBe(400);
  });
});

describe('access to batches', () => {
  let batchId: number;
  beforeAll(async () => {
    const batch = await submitted(
      fuzhou,
      'injuries',
      'access.csv',
      toCsv([INJURY_HEADER, injuryRow(1201), injuryRow(1202, { sex: '女', name: '保密' })]),
    );
    batchId = batch.id;
  });

  it('the rejected-rows download is audited as a view of personal data', async () => {
    const res = await fuzhou.get(`/api/exchange/batches/${batchId}/rejected`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('保密');
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'personal-data.view'), eq(auditLog.targetId, String(batchId))));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUsername: 'fuzhou',
      targetType: 'exchange_batch',
      jurisdictionPath: expect.stringContaining('350100'),
    });
  });

  it('a sibling jurisdiction’s officer sees none of it (404), and cannot submit', async () => {
    const user = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
    const xiamen = await t.signIn(user.username, TEST_PASSWORD);
    for (const url of [
      `/api/exchange/batches/${batchId}`,
      `/api/exchange/batches/${batchId}/issues`,
      `/api/exchange/batches/${batchId}/rejected`,
    ]) {
      const res = await xiamen.get(url);
      expect(res.statusCode, url).toBe(404);
    }
    const list = (await xiamen.get('/api/exchange/batches?pageSize=200')).json();
    expect(list.items.map((b: BatchDto) => b.id)).not.toContain(batchId);
    const refused = await upload(xiamen, 'injuries', 'x.csv', toCsv([INJURY_HEADER, injuryRow(1203)]));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('exchange.domain_not_allowed');
    // The refused download was not audited as a view.
    const [views] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'personal-data.view'), eq(auditLog.actorUsername, user.username)));
    expect(Number(views?.n)).toBe(0);
  });

  it('a user without the exchange permissions is refused', async () => {
    const user = await t.buildUser({ role: 'expert', jurisdictionCode: '350100' });
    const expert = await t.signIn(user.username, TEST_PASSWORD);
    expect((await expert.get('/api/exchange/batches')).statusCode).toBe(403);
    expect((await expert.get(`/api/exchange/batches/${batchId}`)).statusCode).toBe(403);
    expect((await expert.get(`/api/exchange/batches/${batchId}/rejected`)).statusCode).toBe(403);
    expect(
      (await upload(expert, 'injuries', 'x.csv', toCsv([INJURY_HEADER, injuryRow(1204)]))).statusCode,
    ).toBe(403);
  });

  it('another unit’s officer without personal-data:view is refused the cells, and no view is audited', async () => {
    const emergencyUser = await t.buildUser({
      role: 'member_officer',
      jurisdictionCode: '350100',
      organisationId: await organisationId('福州市应急管理局'),
    });
    const other = await t.signIn(emergencyUser.username, TEST_PASSWORD);
    const res = await other.get(`/api/exchange/batches/${batchId}/rejected`);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('保密');
    const [views] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'personal-data.view'), eq(auditLog.actorUsername, emergencyUser.username)),
      );
    expect(Number(views?.n)).toBe(0);
  });
});
