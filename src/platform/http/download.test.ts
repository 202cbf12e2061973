import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { streamXlsx } from '../export/xlsx.js';
import { contentDisposition } from './download.js';

describe('contentDisposition (RFC 6266 with RFC 5987 filename*)', () => {
  it('sends a Chinese name as UTF-8 percent-encoding, with an ASCII fallback keeping the extension', () => {
    // 工 = E5 B7 A5, 伤 = E4 BC A4, … full-width （ = EF BC 88 and ） = EF BC 89.
    expect(contentDisposition('工伤认定（GBK）-未通过校验的行.csv')).toBe(
      'attachment; filename="download.csv"; ' +
        "filename*=UTF-8''%E5%B7%A5%E4%BC%A4%E8%AE%A4%E5%AE%9A%EF%BC%88GBK%EF%BC%89-" +
        '%E6%9C%AA%E9%80%9A%E8%BF%87%E6%A0%A1%E9%AA%8C%E7%9A%84%E8%A1%8C.csv',
    );
    expect(contentDisposition('福州市2025年度实施情况报告.xlsx', 'inline')).toBe(
      'inline; filename="download.xlsx"; ' +
        "filename*=UTF-8''%E7%A6%8F%E5%B7%9E%E5%B8%822025%E5%B9%B4%E5%BA%A6%E5%AE%9E%E6%96%BD%E6%83%85%E5%86%B5%E6%8A%A5%E5%91%8A.xlsx",
    );
  });

  it("keeps a plain ASCII name, encodes ' ( ) * that encodeURIComponent leaves, and never breaks the quotes", () => {
    expect(contentDisposition('key-enterprises-2025.xlsx')).toBe(
      `attachment; filename="key-enterprises-2025.xlsx"; filename*=UTF-8''key-enterprises-2025.xlsx`,
    );
    expect(contentDisposition("report (2025)*'.xlsx")).toBe(
      `attachment; filename="report (2025)*'.xlsx"; filename*=UTF-8''report%20%282025%29%2A%27.xlsx`,
    );
    expect(contentDisposition('a"b\\c.csv')).toBe(
      `attachment; filename="a_b_c.csv"; filename*=UTF-8''a%22b%5Cc.csv`,
    );
    expect(contentDisposition('名单')).toBe(
      `attachment; filename="download"; filename*=UTF-8''%E5%90%8D%E5%8D%95`,
    );
  });
});

describe('streamXlsx', () => {
  it('writes the rows as they come, and text columns as @', async () => {
    async function* rows() {
      yield ['代码', '名称'];
      yield ['0601', '烟煤和无烟煤开采洗选'];
      yield [1.5, null];
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await buffer(streamXlsx('模板', rows(), { textColumns: { count: 2, width: 18 } }))) as never,
    );
    const sheet = workbook.getWorksheet('模板');
    expect(sheet?.getSheetValues().slice(1)).toEqual([
      [undefined, '代码', '名称'],
      [undefined, '0601', '烟煤和无烟煤开采洗选'],
      [undefined, 1.5],
    ]);
    expect(sheet?.getColumn(1).numFmt).toBe('@');
    expect(sheet?.getColumn(2).width).toBe(18);
  });
});
