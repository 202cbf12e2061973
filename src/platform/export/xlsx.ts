import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type XlsxCell = string | number | boolean | Date | null | undefined;

/**
 * Writes one worksheet as an XLSX file, streamed: each row is written out as it comes (no shared
 * strings table, no styles unless asked), so a 200,000-row export holds no more than a row in
 * memory. An error while writing destroys the returned stream, which ends the response.
 *
 * `textColumns`: format the first n columns as text (`@`) with a width, so that what a user types
 * into a template later (codes like 0601, 18-digit numbers) keeps its digits.
 */
export function streamXlsx(
  sheetName: string,
  rows: Iterable<XlsxCell[]> | AsyncIterable<XlsxCell[]>,
  options: { textColumns?: { count: number; width: number } } = {},
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: options.textColumns !== undefined,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  const text = options.textColumns;
  if (text)
    sheet.columns = Array.from({ length: text.count }, () => ({ width: text.width, style: { numFmt: '@' } }));
  (async () => {
    for await (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error));
  return out;
}
