import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildJurisdictionSeeds } from '../jurisdictions/jurisdictions.data.js';
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

  it('a template filled with its example imports', async () => {
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
      validRows: 1,
      rejectedRows: 0,
      encoding: 'utf-8-bom',
    });
  });
});
