import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injuryRow } from '../../../test/exchange-builders.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildJurisdictionSeeds } from '../jurisdictions/jurisdictions.data.js';
import { injuryCases } from './exchange.tables.js';
import { DOMAINS, FORMATS } from './formats.js';
import { validateRow } from './validate.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('format templates', () => {
  it.each(DOMAINS)('the example row of %s passes the importer’s own validation', (domain) => {
    const cells = Object.fromEntries(FORMATS[domain].columns.map((c) => [c.key, c.example]));
    const result = validateRow(domain, cells, {
      jurisdictionCodes: new Set(buildJurisdictionSeeds().map((s) => s.code)),
      today: '2026-11-25',
    });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('downloads a CSV template (UTF-8 with BOM) and an XLSX template with the header and the example', async () => {
    const agent = await t.signIn('fuzhou');
    const csv = await agent.get('/api/exchange/formats/injuries/template');
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, example] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(FORMATS.injuries.columns.map((c) => c.zh).join(','));
    expect(example).toContain('11010519491231002X');
    const xlsx = await agent.get('/api/exchange/formats/fund/template?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getRow(1).getCell(1).value).toBe('统筹区代码');
    expect((await t.app.inject({ url: '/api/exchange/formats/injuries/template' })).statusCode).toBe(401);
  });

  it('the template’s example row is skipped with a warning, not imported as 张三’s injury', async () => {
    const agent = await t.signIn('fuzhou');
    const csv = await agent.get('/api/exchange/formats/injuries/template');
    const res = await agent.request({
      method: 'POST',
      url: '/api/exchange/batches?domain=injuries&fileName=template.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: csv.rawPayload,
    });
    await t.app.jobs.idle();
    const batch = (await agent.get(`/api/exchange/batches/${res.json().batch.id}`)).json();
    expect(batch).toMatchObject({
      status: 'committed',
      totalRows: 0,
      validRows: 0,
      rejectedRows: 0,
      warningRows: 1,
      encoding: 'utf-8-bom',
    });
    const issues = (await agent.get(`/api/exchange/batches/${batch.id}/issues`)).json();
    expect(issues.warnings).toEqual([
      {
        line: 2,
        column: '',
        columnName: '',
        code: 'row.template_example',
        message: '模板中的示例行，已跳过，未导入',
      },
    ]);
    const stored = await t.db
      .select()
      .from(injuryCases)
      .where(eq(injuryCases.caseNo, '榕人社工认〔2025〕0001号'));
    expect(stored).toEqual([]);
  });

  it('rows added below the XLSX template’s example import; the example and a row marked 示例 do not', async () => {
    const agent = await t.signIn('fuzhou');
    const template = await agent.get('/api/exchange/formats/injuries/template?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    sheet.addRow(injuryRow(9101));
    sheet.addRow(['示例', ...injuryRow(9102).slice(1)]);
    sheet.addRow(injuryRow(9103));
    const res = await agent.request({
      method: 'POST',
      url: '/api/exchange/batches?domain=injuries&fileName=filled.xlsx',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await t.app.jobs.idle();
    const batch = (await agent.get(`/api/exchange/batches/${res.json().batch.id}`)).json();
    expect(batch).toMatchObject({ status: 'committed', totalRows: 2, validRows: 2, warningRows: 2 });
    const issues = (await agent.get(`/api/exchange/batches/${batch.id}/issues`)).json();
    expect(issues.warnings.map((w: { line: number; code: string }) => [w.line, w.code])).toEqual([
      [2, 'row.template_example'],
      [4, 'row.template_example'],
    ]);
    const stored = await t.db
      .select({ caseNo: injuryCases.caseNo, name: injuryCases.personName })
      .from(injuryCases);
    expect(stored.map((r) => r.name).sort()).toEqual(['职工9101', '职工9103']);
  });
});
