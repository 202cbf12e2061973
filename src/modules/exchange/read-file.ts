import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { type Domain, FORMATS } from './formats.js';

export type FileFormat = 'csv' | 'xlsx';
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface SourceRow {
  /** 1-based line (CSV record number + header offset) or XLSX row number, as the user sees it. */
  line: number;
  /** Cells as strings, keyed by column key of the domain's format. */
  cells: Record<string, string>;
  /** Cells in file order, to write the row back into the rejected-rows file. */
  raw: string[];
}

export interface HeaderInfo {
  /** The file's own header cells, in order. */
  headers: string[];
  /** Column key per header position (null for columns the format does not know). */
  keys: (string | null)[];
  missing: string[];
}

/** Maps header cells (Chinese or English names, any case, full-width brackets) to column keys. */
export function mapHeaders(domain: Domain, headers: string[]): HeaderInfo {
  const normalize = (s: string) =>
    s.trim().toLowerCase().replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
  const byName = new Map<string, string>();
  for (const c of FORMATS[domain].columns) {
    byName.set(normalize(c.zh), c.key);
    byName.set(normalize(c.en), c.key);
    byName.set(normalize(c.key), c.key);
  }
  const keys = headers.map((h) => byName.get(normalize(h)) ?? null);
  const present = new Set(keys.filter(Boolean));
  const missing = FORMATS[domain].columns.filter((c) => c.required && !present.has(c.key)).map((c) => c.zh);
  return { headers, keys, missing };
}

/**
 * Detects the text encoding of a CSV: a UTF-8 BOM, valid UTF-8, or else GB18030 (a superset of GBK,
 * which Chinese offices' spreadsheet software still writes).
 */
export async function detectEncoding(path: string): Promise<Encoding> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
    // A multi-byte character may be cut at the end of the sample: drop up to 3 trailing bytes.
    for (let cut = 0; cut <= Math.min(3, head.length); cut++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
        return 'utf-8';
      } catch {
        // try a shorter sample
      }
    }
    return 'gb18030';
  } finally {
    await handle.close();
  }
}

export function detectFormat(fileName: string, firstBytes: Buffer): FileFormat {
  // XLSX is a ZIP archive: "PK\x03\x04".
  if (firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && firstBytes[2] === 0x03 && firstBytes[3] === 0x04)
    return 'xlsx';
  return fileName.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates arrive as UTC midnight.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    const v = value as { text?: string; result?: unknown; richText?: { text: string }[]; hyperlink?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return String(v.text);
    return '';
  }
  return String(value);
}

/** Streams the data rows of a CSV or XLSX file; the first row is the header. */
export async function* readRows(
  path: string,
  format: FileFormat,
  encoding: Encoding,
  onHeader: (headers: string[]) => HeaderInfo,
): AsyncGenerator<SourceRow> {
  let info: HeaderInfo | null = null;
  const toRow = (cellsInOrder: string[], line: number): SourceRow => {
    const cells: Record<string, string> = {};
    (info as HeaderInfo).keys.forEach((key, i) => {
      if (key) cells[key] = cellsInOrder[i] ?? '';
    });
    return { line, cells, raw: cellsInOrder };
  };
  if (format === 'csv') {
    const input = createReadStream(path);
    const decoded = encoding === 'gb18030' ? input.pipe(iconv.decodeStream('gb18030')) : input;
    const parser = decoded.pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: false, info: true }),
    );
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!info) {
        info = onHeader(record.record.map((h) => h.replace(/^\uFEFF/, '')));
        continue;
      }
      // info.lines is where the record ends: count back the line breaks inside quoted cells.
      const breaks = record.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      yield toRow(record.record, record.info.lines - breaks);
    }
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles carry the number formats that tell a date cell from a number.
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (values.every((v) => v.trim() === '')) continue;
      if (!info) {
        info = onHeader(values);
        continue;
      }
      yield toRow(values, row.number);
    }
    break; // the first worksheet only
  }
}
