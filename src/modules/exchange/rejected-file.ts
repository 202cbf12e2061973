import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import type { Db } from '../../platform/db/client.js';
import { streamXlsx, XLSX_CONTENT_TYPE, type XlsxCell } from '../../platform/export/xlsx.js';
import { readRejectedRows } from './batches.service.js';
import { toCsvLine } from './csv.js';
import type { exchangeBatches } from './exchange.tables.js';
import { FORMATS } from './formats.js';
import { describeReason } from './row-messages.js';

type Batch = typeof exchangeBatches.$inferSelect;

/**
 * The rejected rows of a batch, in the file's own format (CSV in its own encoding, or XLSX): the
 * original header and cells, preceded by the line number and followed by every reason.
 */
export function buildRejectedFile(db: Db, batch: Batch, language: 'zh' | 'en') {
  const format = FORMATS[batch.domain];
  const columnName = (key: string) => {
    const column = format.columns.find((c) => c.key === key);
    return column ? (language === 'zh' ? column.zh : column.en) : '';
  };
  const headers = batch.headers ?? format.columns.map((c) => c.zh);
  const header = [
    language === 'zh' ? '行号' : 'line',
    ...headers,
    language === 'zh' ? '错误原因' : 'reasons',
  ];
  const reasonsOf = (issues: { column: string; code: string; params?: Record<string, unknown> }[]) =>
    issues
      .map((i) => {
        const where = columnName(i.column);
        const why = describeReason(i.code, language, i.params);
        return where ? `${where}：${why}` : why;
      })
      .join('；');
  const base = batch.fileName.replace(/\.(csv|xlsx|json)$/i, '');
  const suffix = language === 'zh' ? '未通过校验的行' : 'rejected';

  if (batch.format === 'xlsx') {
    async function* rows(): AsyncGenerator<XlsxCell[]> {
      yield header;
      for await (const row of readRejectedRows(db, batch.id))
        yield [row.line, ...(row.raw ?? []), reasonsOf(row.issues)];
    }
    return {
      fileName: `${base}-${suffix}.xlsx`,
      contentType: XLSX_CONTENT_TYPE,
      body: streamXlsx(suffix, rows()),
    };
  }

  const csvLine = (cells: readonly unknown[]) => `${toCsvLine(cells)}\r\n`;
  const encoding = batch.encoding ?? 'utf-8';
  const encode = (text: string) =>
    encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
  async function* lines() {
    if (encoding === 'utf-8-bom') yield Buffer.from([0xef, 0xbb, 0xbf]);
    yield encode(csvLine(header));
    for await (const row of readRejectedRows(db, batch.id))
      yield encode(csvLine([row.line, ...(row.raw ?? []), reasonsOf(row.issues)]));
  }
  return {
    fileName: `${base}-${suffix}.csv`,
    contentType: `text/csv; charset=${encoding === 'gb18030' ? 'gb18030' : 'utf-8'}`,
    body: Readable.from(lines()),
  };
}
