import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJURY_HEADER, injuryRow, toCsv } from '../../../test/exchange-builders.js';
import { DOMAINS, type Domain, FORMATS } from './formats.js';
import {
  checkXlsxLimits,
  detectEncoding,
  detectFormat,
  type Encoding,
  type FileFormat,
  mapHeaders,
  readRows,
  type SourceRow,
  XLSX_LIMITS,
} from './read-file.js';

let dir: string;
let counter = 0;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yufang-read-file-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeTemp(content: Buffer | string, extension = 'csv'): Promise<string> {
  const file = path.join(dir, `f${counter++}.${extension}`);
  await fs.writeFile(file, content);
  return file;
}

/** Reads every row as the import does: headers mapped for the domain, header info kept. */
async function readAll(file: string, format: FileFormat, encoding: Encoding, domain: Domain = 'injuries') {
  let header: ReturnType<typeof mapHeaders> | undefined;
  const rows: SourceRow[] = [];
  for await (const row of readRows(file, format, encoding, (headers) => {
    header = mapHeaders(domain, headers);
    return header;
  })) {
    rows.push(row);
  }
  return { header, rows };
}

/** Rows keyed by the file's own header cells, no domain involved. */
async function readPlain(file: string, format: FileFormat, encoding: Encoding) {
  const rows: SourceRow[] = [];
  for await (const row of readRows(file, format, encoding, (headers) => ({
    headers,
    keys: headers,
    missing: [],
  }))) {
    rows.push(row);
  }
  return rows;
}

const NAMES = ['张三', '欧阳娜娜', '李𫟹', '王喆'];
function injuryCsv() {
  return toCsv([INJURY_HEADER, ...NAMES.map((name, i) => injuryRow(i + 1, { name }))]);
}

describe('encoding detection', () => {
  it('plain UTF-8, also when ASCII only', async () => {
    expect(await detectEncoding(await writeTemp(injuryCsv()))).toBe('utf-8');
    expect(await detectEncoding(await writeTemp('case_no,name\nA1,Zhang\n'))).toBe('utf-8');
  });

  it('UTF-8 with a BOM', async () => {
    const file = await writeTemp(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(injuryCsv())]));
    expect(await detectEncoding(file)).toBe('utf-8-bom');
  });

  it('GBK and GB18030 are read as GB18030', async () => {
    expect(await detectEncoding(await writeTemp(iconv.encode(injuryCsv(), 'gbk')))).toBe('gb18030');
    expect(await detectEncoding(await writeTemp(iconv.encode(injuryCsv(), 'gb18030')))).toBe('gb18030');
  });

  it('a UTF-8 file whose sample ends inside a character is still UTF-8', async () => {
    // 256 KiB sample: a 2-byte header line, then 3-byte characters, so the sample cuts one in two.
    const big = `a\n${'榕'.repeat(100_000)}\n`;
    expect((262_144 - 2) % 3).not.toBe(0);
    expect(await detectEncoding(await writeTemp(big))).toBe('utf-8');
  });

  it('detects XLSX by its ZIP signature, else by the name', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect(detectFormat('data.csv', zip)).toBe('xlsx');
    expect(detectFormat('工伤认定.XLSX', Buffer.from('abc'))).toBe('xlsx');
    expect(detectFormat('工伤认定.csv', Buffer.from('认定书编号'))).toBe('csv');
    expect(detectFormat('noextension', Buffer.from('a,b'))).toBe('csv');
  });
});

describe('reading CSV in each encoding', () => {
  it('UTF-8: headers mapped, Chinese names intact, line numbers from 2', async () => {
    const { header, rows } = await readAll(await writeTemp(injuryCsv()), 'csv', 'utf-8');
    expect(header?.missing).toEqual([]);
    expect(rows.map((r) => r.cells.personName)).toEqual(NAMES);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(rows[0]?.cells.caseNo).toBe('榕人社工认〔2025〕0001号');
    expect(rows[0]?.raw).toEqual(injuryRow(1, { name: '张三' }));
  });

  it('UTF-8 with BOM: the BOM does not stick to the first header', async () => {
    const file = await writeTemp(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(injuryCsv())]));
    const { header, rows } = await readAll(file, 'csv', 'utf-8-bom');
    expect(header?.headers[0]).toBe('认定书编号');
    expect(header?.keys[0]).toBe('caseNo');
    expect(header?.missing).toEqual([]);
    expect(rows[0]?.cells.caseNo).toBe('榕人社工认〔2025〕0001号');
  });

  it('GBK (as Excel in Chinese Windows saves it): headers and names decode', async () => {
    const csv = toCsv([INJURY_HEADER, injuryRow(1, { name: '张三' }), injuryRow(2, { name: '欧阳娜娜' })]);
    const bytes = iconv.encode(csv, 'gbk');
    // Not UTF-8: the same bytes read as UTF-8 would be garbage.
    expect(bytes.toString('utf8')).not.toContain('张三');
    const file = await writeTemp(bytes);
    const encoding = await detectEncoding(file);
    const { header, rows } = await readAll(file, 'csv', encoding);
    expect(header?.headers).toEqual(INJURY_HEADER);
    expect(header?.missing).toEqual([]);
    expect(rows.map((r) => r.cells.personName)).toEqual(['张三', '欧阳娜娜']);
    expect(rows[1]?.cells.caseNo).toBe('榕人社工认〔2025〕0002号');
    expect(rows[1]?.cells.fundExpenditureFen).toBe('8650000');
  });

  it('GB18030: characters beyond GBK (extension A and B) decode', async () => {
    const names = ['刘䶮', '吉𠮷', '张三'];
    const csv = toCsv([INJURY_HEADER, ...names.map((name, i) => injuryRow(i + 1, { name }))]);
    const bytes = iconv.encode(csv, 'gb18030');
    const file = await writeTemp(bytes);
    const { rows } = await readAll(file, 'csv', await detectEncoding(file));
    expect(rows.map((r) => r.cells.personName)).toEqual(names);
  });

  it('CRLF line ends leave no carriage return in the cells', async () => {
    const csv = injuryCsv().replaceAll('\n', '\r\n');
    const { rows } = await readAll(await writeTemp(iconv.encode(csv, 'gbk')), 'csv', 'gb18030');
    expect(rows).toHaveLength(4);
    expect(rows[3]?.cells.fundExpenditureFen).toBe('8650000');
    expect(rows.every((r) => r.raw.every((c) => !c.includes('\r')))).toBe(true);
  });

  it('quoted fields keep commas, quotes and line breaks', async () => {
    const csv =
      'a,b,c\n' + '1,"福州市, 鼓楼区","他说""好"""\n' + '2,"第一行\n第二行",x\n' + '3,plain,"尾部,逗号"\n';
    const rows = await readPlain(await writeTemp(csv), 'csv', 'utf-8');
    expect(rows.map((r) => r.raw)).toEqual([
      ['1', '福州市, 鼓楼区', '他说"好"'],
      ['2', '第一行\n第二行', 'x'],
      ['3', 'plain', '尾部,逗号'],
    ]);
    expect(rows[1]?.cells).toEqual({ a: '2', b: '第一行\n第二行', c: 'x' });
    // The record after the two-line one starts on line 5 of the file.
    expect(rows[2]?.line).toBe(5);
  });

  it('the same quoting survives GBK', async () => {
    const csv = 'a,b\n1,"福州市, 鼓楼区\n五一路"\n';
    const rows = await readPlain(await writeTemp(iconv.encode(csv, 'gbk')), 'csv', 'gb18030');
    expect(rows[0]?.raw).toEqual(['1', '福州市, 鼓楼区\n五一路']);
  });

  it('a record spanning two lines is numbered by the line it starts on', async () => {
    const rows = await readPlain(await writeTemp('a,b\n1,"x\ny"\n2,z\n'), 'csv', 'utf-8');
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('blank lines are skipped and rows with fewer cells are padded with empty strings', async () => {
    const rows = await readPlain(await writeTemp('a,b,c\n\n1,2\n\n3,4,5\n'), 'csv', 'utf-8');
    expect(rows.map((r) => r.cells)).toEqual([
      { a: '1', b: '2', c: '' },
      { a: '3', b: '4', c: '5' },
    ]);
    expect(rows.map((r) => r.line)).toEqual([3, 5]);
  });
});

describe('header mapping', () => {
  it('maps Chinese names, English names in any case and column keys', () => {
    const info = mapHeaders('injuries', [
      '认定书编号',
      'CREDIT_CODE',
      'jurisdictionCode',
      ' 身份证号 ',
      'Name',
      '性 别',
      'birth_date',
      '岗位',
      'Occurred_On',
      '认定日期',
      'ground',
      '事故类别',
      'severity',
      '伤残等级',
      'is_death',
      'fund_expenditure_fen',
    ]);
    expect(info.keys).toEqual(FORMATS.injuries.columns.map((c) => c.key));
    expect(info.missing).toEqual([]);
  });

  it('full-width and half-width brackets are the same', () => {
    expect(mapHeaders('injuries', ['基金支出（分）']).keys).toEqual(['fundExpenditureFen']);
    expect(mapHeaders('injuries', ['基金支出(分)']).keys).toEqual(['fundExpenditureFen']);
    expect(mapHeaders('accidents', ['直接经济损失(元)']).keys).toEqual(['directLossFen']);
    expect(mapHeaders('diseases', ['接害工龄（年）']).keys).toEqual(['exposureYears']);
    expect(mapHeaders('fund', ['征缴收入（元）', '工伤预防费支出(元)']).keys).toEqual([
      'contributionIncomeFen',
      'preventionFeeSpentFen',
    ]);
  });

  it('unknown columns map to null and are ignored', () => {
    const info = mapHeaders('headcounts', [
      '统一社会信用代码',
      '备注',
      '年度',
      '年平均参保人数',
      '年平均缴费人数',
    ]);
    expect(info.keys).toEqual(['creditCode', null, 'year', 'averageInsured', 'averagePaying']);
    expect(info.missing).toEqual([]);
  });

  it('lists missing required columns by their Chinese names; optional ones are not required', () => {
    const headers = INJURY_HEADER.filter((h) => !['身份证号', '姓名', '岗位', '出生日期'].includes(h));
    expect(mapHeaders('injuries', headers).missing).toEqual(['身份证号', '姓名']);
    expect(mapHeaders('employers', ['统一社会信用代码', '单位名称']).missing).toEqual([
      '行政区划代码',
      '行业代码',
      '参保状态',
    ]);
    expect(mapHeaders('fund', []).missing).toEqual(FORMATS.fund.columns.map((c) => c.zh));
  });

  it('the fund file names its jurisdiction 统筹区代码', () => {
    expect(mapHeaders('fund', ['统筹区代码', 'jurisdiction_code']).keys).toEqual([
      'jurisdictionCode',
      'jurisdictionCode',
    ]);
    expect(mapHeaders('fund', ['行政区划代码']).keys).toEqual([null]);
  });

  it('no two columns of a domain share a header name', () => {
    const normalize = (s: string) => s.toLowerCase().replace(/（/g, '(').replace(/）/g, ')');
    for (const domain of DOMAINS) {
      const owner = new Map<string, string>();
      for (const c of FORMATS[domain].columns) {
        for (const name of new Set([c.zh, c.en, c.key].map(normalize))) {
          expect(owner.get(name) ?? c.key, `${domain}: ${name}`).toBe(c.key);
          owner.set(name, c.key);
        }
      }
    }
  });
});

describe('reading XLSX', () => {
  /** A workbook written by exceljs, like one saved from Excel. */
  async function writeWorkbook(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('工伤认定');
    build(sheet, workbook);
    const file = path.join(dir, `w${counter++}.xlsx`);
    await workbook.xlsx.writeFile(file);
    return file;
  }

  it('reads text, numeric, rich-text and formula cells of the first sheet, numbered as Excel rows', async () => {
    const file = await writeWorkbook((sheet, workbook) => {
      sheet.addRow(INJURY_HEADER);
      const first = injuryRow(1, { name: '张三' });
      sheet.addRow([...first.slice(0, 13), 8, first[14], 8650000]);
      sheet.addRow([]);
      const second = injuryRow(2, { name: '欧阳娜娜' });
      const row = sheet.addRow(second);
      row.getCell(5).value = { richText: [{ text: '欧阳' }, { text: '娜娜', font: { bold: true } }] };
      row.getCell(16).value = { formula: '8000*100', result: 800000 };
      workbook.addWorksheet('说明').addRow(['这张表不读']);
    });
    expect(detectFormat(file, await fs.readFile(file))).toBe('xlsx');
    const { header, rows } = await readAll(file, 'xlsx', 'utf-8');
    expect(header?.missing).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[0]?.cells).toMatchObject({
      personName: '张三',
      disabilityGrade: '8',
      fundExpenditureFen: '8650000',
      occurredOn: '2025-03-14',
    });
    expect(rows[1]?.cells).toMatchObject({ personName: '欧阳娜娜', fundExpenditureFen: '800000' });
  });

  it('a decimal number cell keeps its decimals', async () => {
    const file = await writeWorkbook((sheet) => {
      sheet.addRow(['统筹区代码', '年度', '征缴收入（元）', '待遇支出（元）', '工伤预防费支出（元）']);
      sheet.addRow([350100, 2024, 1856000000.5, 1420000000, 38000000.25]);
    });
    const { rows } = await readAll(file, 'xlsx', 'utf-8', 'fund');
    expect(rows[0]?.cells).toEqual({
      jurisdictionCode: '350100',
      year: '2024',
      contributionIncomeFen: '1856000000.5',
      benefitExpenditureFen: '1420000000',
      preventionFeeSpentFen: '38000000.25',
    });
  });

  it('reports missing columns of an XLSX header', async () => {
    const file = await writeWorkbook((sheet) => {
      sheet.addRow(['统一社会信用代码', '年度']);
      sheet.addRow(['91350102MA00010003', 2024]);
    });
    const { header } = await readAll(file, 'xlsx', 'utf-8', 'headcounts');
    expect(header?.missing).toEqual(['年平均参保人数', '年平均缴费人数']);
  });

  it('a date cell is read as YYYY-MM-DD', async () => {
    const file = await writeWorkbook((sheet) => {
      sheet.addRow(INJURY_HEADER);
      const row = injuryRow(1);
      sheet.addRow([
        ...row.slice(0, 6),
        new Date(Date.UTC(1985, 5, 15)),
        row[7],
        new Date(Date.UTC(2025, 2, 14)),
        new Date(Date.UTC(2025, 3, 20)),
        ...row.slice(10),
      ]);
    });
    const { rows } = await readAll(file, 'xlsx', 'utf-8');
    expect(rows[0]?.cells).toMatchObject({
      birthDate: '1985-06-15',
      occurredOn: '2025-03-14',
      determinedOn: '2025-04-20',
    });
  });
});

describe('strict decoding (a damaged value is never read)', () => {
  /** An ASCII head longer than the 256 KB that detectEncoding samples. */
  function asciiRows(from: number, count: number) {
    return Array.from({ length: count }, (_, i) =>
      injuryRow(from + i, {
        caseNo: `FZ-2025-${from + i}`,
        name: `worker${from + i}`,
        sex: 'M',
        post: 'scaffolder',
        severity: 'serious',
        death: 'N',
      }),
    );
  }

  it('a GBK file whose first 256 KB are ASCII continues as GB18030: its later Chinese names intact', async () => {
    const head = asciiRows(1, 2000);
    const english = FORMATS.injuries.columns.map((c) => c.en);
    const csv = toCsv([
      english,
      ...head,
      injuryRow(3001, { name: '张三' }),
      injuryRow(3002, { name: '欧阳娜娜' }),
    ]);
    const bytes = iconv.encode(csv, 'gbk');
    expect(bytes.indexOf(Buffer.from(iconv.encode('张三', 'gbk')))).toBeGreaterThan(256 * 1024);
    const file = await writeTemp(bytes);
    expect(await detectEncoding(file)).toBe('utf-8');
    const switched: Encoding[] = [];
    const rows: SourceRow[] = [];
    for await (const row of readRows(
      file,
      'csv',
      'utf-8',
      (headers) => mapHeaders('injuries', headers),
      (e) => switched.push(e),
    ))
      rows.push(row);
    expect(switched).toEqual(['gb18030']);
    expect(rows).toHaveLength(2002);
    expect(rows.slice(-2).map((r) => [r.line, r.cells.personName])).toEqual([
      [2002, '张三'],
      [2003, '欧阳娜娜'],
    ]);
    expect(rows.some((r) => Object.values(r.cells).some((c) => c.includes('\uFFFD')))).toBe(false);
  });

  it('a UTF-8 file with a byte invalid in UTF-8 after UTF-8 Chinese fails naming the line', async () => {
    const good = Buffer.from(toCsv([INJURY_HEADER, injuryRow(1, { name: '张三' }), injuryRow(2)]), 'utf8');
    const bad = Buffer.concat([good, iconv.encode(`${toCsv([injuryRow(3, { name: '李四' })])}`, 'gbk')]);
    const file = await writeTemp(bad);
    await expect(readAll(file, 'csv', 'utf-8')).rejects.toMatchObject({
      code: 'file.bad_bytes',
      params: { line: 4, encoding: 'UTF-8' },
    });
  });

  it('a GBK file with a sequence invalid in GB18030 fails naming the line', async () => {
    const head = iconv.encode(toCsv([INJURY_HEADER, injuryRow(1, { name: '张三' }), injuryRow(2)]), 'gbk');
    // 0x81 0x20: a lead byte followed by a space is no GB18030 character.
    const tail = Buffer.concat([Buffer.from('x,'), Buffer.from([0x81, 0x20]), Buffer.from(',y\n')]);
    const file = await writeTemp(Buffer.concat([head, tail]));
    await expect(readAll(file, 'csv', 'gb18030')).rejects.toMatchObject({
      code: 'file.bad_bytes',
      params: { line: 4, encoding: 'GBK/GB18030' },
    });
  });

  it('a UTF-8 file cut inside its last character fails naming the last line', async () => {
    const bytes = Buffer.from(toCsv([INJURY_HEADER, injuryRow(1, { name: '张三' })]).trimEnd(), 'utf8');
    const file = await writeTemp(bytes.subarray(0, bytes.length - 1 - '8650000'.length - 2));
    await expect(readAll(file, 'csv', 'utf-8')).rejects.toMatchObject({ code: 'file.bad_bytes' });
  });
});

describe('stray quotes', () => {
  it('a quote inside an unquoted cell rejects only its own line; the lines after it are read', async () => {
    const rows = [INJURY_HEADER, injuryRow(1), injuryRow(2), injuryRow(3)];
    const lines = toCsv(rows).split('\n');
    lines[2] = lines[2]?.replace('职工2', '职工"2') ?? '';
    const file = await writeTemp(lines.join('\n'));
    const { rows: read } = await readAll(file, 'csv', 'utf-8');
    expect(read.map((r) => [r.line, r.cells.personName ?? null, r.readIssues?.[0]?.code ?? null])).toEqual([
      [2, '职工1', null],
      [3, null, 'row.bad_quote'],
      [4, '职工3', null],
    ]);
    // The text of the line as far as the parser read it.
    expect(read[1]?.raw[0]).toContain('职工"');
  });

  it('a quote that is never closed fails the file naming the line where it opened', async () => {
    const lines = toCsv([INJURY_HEADER, injuryRow(1), injuryRow(2), injuryRow(3)]).split('\n');
    lines[2] = lines[2]?.replace('职工2', '"职工2') ?? '';
    const file = await writeTemp(lines.join('\n'));
    await expect(readAll(file, 'csv', 'utf-8')).rejects.toMatchObject({
      code: 'file.bad_quote',
      params: { line: 3 },
    });
  });
});

describe('XLSX cells as other systems write them', () => {
  async function workbookOf(rows: unknown[][], style?: (sheet: ExcelJS.Worksheet) => void) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('工伤认定');
    for (const row of rows) sheet.addRow(row);
    style?.(sheet);
    const file = path.join(dir, `x${counter++}.xlsx`);
    await workbook.xlsx.writeFile(file);
    return file;
  }

  it('a date serial in a General-format date column is a date; a date with a time is its day', async () => {
    const row = injuryRow(1);
    const file = await workbookOf([
      INJURY_HEADER,
      [
        ...row.slice(0, 6),
        31213,
        row[7],
        45730,
        new Date(Date.UTC(2025, 3, 20, 23, 59, 59, 999)),
        ...row.slice(10),
      ],
    ]);
    const { rows } = await readAll(file, 'xlsx', 'utf-8');
    expect(rows[0]?.cells).toMatchObject({
      birthDate: '1985-06-15',
      occurredOn: '2025-03-14',
      determinedOn: '2025-04-21',
    });
  });

  it('numbers where text is expected read as their digits; floating-point noise is dropped', async () => {
    const row = injuryRow(1);
    const file = await workbookOf([
      [...INJURY_HEADER],
      [20250001, ...row.slice(1, 13), 8, row[14], 0.1 + 0.2],
    ]);
    const { rows } = await readAll(file, 'xlsx', 'utf-8');
    expect(rows[0]?.cells).toMatchObject({
      caseNo: '20250001',
      disabilityGrade: '8',
      fundExpenditureFen: '0.3',
    });
    expect(rows[0]?.readIssues).toBeUndefined();
  });

  it('an ID number typed as a number has lost its last digits: the row says so', async () => {
    const row = injuryRow(1, { idNumber: '350102198506150016' });
    const file = await workbookOf([INJURY_HEADER, [...row.slice(0, 3), Number(row[3]), ...row.slice(4)]]);
    const { rows } = await readAll(file, 'xlsx', 'utf-8');
    expect(rows[0]?.readIssues).toEqual([{ column: 'idNumber', code: 'row.number_lost_digits' }]);
  });

  it('an error cell (#N/A) is read as its text, so the row is rejected rather than read as empty', async () => {
    const row = injuryRow(1);
    const file = await workbookOf([INJURY_HEADER, row], (sheet) => {
      sheet.getRow(2).getCell(5).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    });
    const { rows } = await readAll(file, 'xlsx', 'utf-8');
    expect(rows[0]?.cells.personName).toBe('#N/A');
  });
});

/** A zip of `entries` (deflated), written by hand so an entry can be far larger than the file. */
async function buildZip(entries: { name: string; chunks: () => Iterable<string> }[]): Promise<Buffer> {
  const { createDeflateRaw, crc32 } = await import('node:zlib');
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const deflate = createDeflateRaw({ level: 1 });
    const out: Buffer[] = [];
    deflate.on('data', (b: Buffer) => out.push(b));
    let crc = 0;
    let size = 0;
    for (const text of entry.chunks()) {
      const bytes = Buffer.from(text, 'utf8');
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
    await new Promise((resolve) => deflate.end(resolve));
    const data = Buffer.concat(out);
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(crc >>> 0, 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    parts.push(header, name, data);
    offset += header.length + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

/** An XLSX whose sheet has one row naming shared string 0, and `strings` of the shared-strings part. */
function bombEntries(strings: () => Iterable<string>) {
  const once = (text: string) => () => [text];
  return [
    {
      name: '[Content_Types].xml',
      chunks: once(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      chunks: once('<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>'),
    },
    {
      name: 'xl/sharedStrings.xml',
      chunks: function* () {
        yield '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
        yield* strings();
        yield '</sst>';
      },
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      chunks: once(
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
      ),
    },
  ];
}

describe('XLSX limits (issue 13 item 9)', () => {
  it('refuses 88 MB of shared strings in a small zip before holding them, naming the limit', async () => {
    const text = `<si><t>${'工伤预防'.repeat(250)}</t></si>`.repeat(1_000); // 3,015,000 bytes
    const zip = await buildZip(
      bombEntries(function* () {
        for (let i = 0; i < 29; i++) yield text; // 87.4 MB
      }),
    );
    expect(zip.length).toBeLessThan(1_300_000);
    const file = await writeTemp(zip, 'xlsx');
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const error = await drain(readRows(file, 'xlsx', 'utf-8', (h) => mapHeaders('injuries', h))).catch(
      (e: unknown) => e,
    );
    clearInterval(sampler);
    expect(error).toMatchObject({
      code: 'file.xlsx_limit',
      params: { what: 'xl/sharedStrings.xml', limit: '64 MiB' },
    });
    // Inflated through a bounded buffer: far below the 88 MB a cache of them would take.
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
  });

  it('refuses more shared strings than the limit, and more cells while the sheet streams', async () => {
    const file = await writeTemp(
      await toXlsxFile([INJURY_HEADER, ...[1, 2, 3].map((n) => injuryRow(n))]),
      'xlsx',
    );
    await expect(checkXlsxLimits(file, { ...XLSX_LIMITS, sharedStrings: 10 })).rejects.toMatchObject({
      code: 'file.xlsx_limit',
      params: { what: 'shared strings', limit: '10' },
    });
    await expect(checkXlsxLimits(file)).resolves.toBeUndefined();
    const cells = XLSX_LIMITS.cells;
    XLSX_LIMITS.cells = 40; // the header and two rows of 16 cells pass; the third row does not
    try {
      const rows: SourceRow[] = [];
      const error = await drain(
        readRows(file, 'xlsx', 'utf-8', (h) => mapHeaders('injuries', h)),
        rows,
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'file.xlsx_limit', params: { what: 'cells', limit: '40' } });
      expect(rows.map((r) => r.line)).toEqual([2]);
    } finally {
      XLSX_LIMITS.cells = cells;
    }
  });
});

async function drain(rows: AsyncIterable<SourceRow>, into: SourceRow[] = []) {
  for await (const row of rows) into.push(row);
  return into;
}

async function toXlsxFile(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('S');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
