import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { type CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { type ColumnType, type Domain, FORMATS } from './formats.js';
import type { ReasonCode } from './row-messages.js';

export type FileFormat = 'csv' | 'xlsx';
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface SourceRow {
  /** 1-based line (CSV record number + header offset) or XLSX row number, as the user sees it. */
  line: number;
  /** Cells as strings, keyed by column key of the domain's format. */
  cells: Record<string, string>;
  /** Cells in file order, to write the row back into the rejected-rows file. */
  raw: string[];
  /**
   * Problems found while reading, before validation: a row the CSV parser could not read (a stray
   * quote), or an XLSX number too long to have kept its digits. Such a row is rejected.
   */
  readIssues?: { column: string; code: ReasonCode; params?: Record<string, unknown> }[];
}

/** A whole-file problem found while reading (bad bytes for the encoding, an unclosed quote): the batch fails. */
export class FileReadError extends Error {
  constructor(
    readonly code: ReasonCode,
    readonly params: Record<string, unknown> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}

export interface HeaderInfo {
  /** The file's own header cells, in order. */
  headers: string[];
  /** Column key per header position (null for columns the format does not know). */
  keys: (string | null)[];
  missing: string[];
  /** The domain the keys belong to (their column types guide how XLSX cells are read). */
  domain?: Domain;
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
  return { headers, keys, missing, domain };
}

/**
 * Detects the text encoding of a CSV from its first 256 KB: a UTF-8 BOM, valid UTF-8, or else
 * GB18030 (a superset of GBK, which Chinese offices' spreadsheet software still writes). A sample
 * that reads as UTF-8 for at least 8 non-ASCII characters before its first invalid byte is UTF-8
 * with damage, not GBK (GBK text does not form that many UTF-8 characters by chance): the strict
 * reader then fails the file at the damaged line. The guess is only a start: the reader switches
 * a "UTF-8" file to GB18030 when its first non-ASCII bytes are not UTF-8.
 */
export async function detectEncoding(path: string): Promise<Encoding> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
    const invalid = firstInvalidUtf8(head);
    if (invalid === -1) return 'utf-8';
    let characters = 0;
    for (let i = 0; i < invalid; i++) if ((head[i] as number) >= 0xc0) characters++;
    return characters >= 8 ? 'utf-8' : 'gb18030';
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

/** Excel's day 0 of the 1900 date system (serial 1 = 1900-01-01, counting its phantom 29 February). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date cell's day: rounded to the second first, so 23:59:59.9999 from floating point is not the day before. */
function dayOf(date: Date): string {
  return new Date(Math.round(date.getTime() / 1000) * 1000).toISOString().slice(0, 10);
}

/**
 * One XLSX cell as text, by the type of the column it lands in: date cells and date serials (a
 * number in a date column, as other systems export them) become YYYY-MM-DD; numbers lose Excel's
 * floating-point noise (0.30000000000000004 → 0.3); a whole number too long for a double (an ID
 * number typed as a number) is flagged, because its last digits are already gone.
 */
function cellText(value: unknown, type: ColumnType | undefined): { text: string; lossy?: boolean } {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : dayOf(value) };
  if (typeof value === 'number') {
    if (type === 'date' && value > 0 && value < 2958466)
      return { text: dayOf(new Date(EXCEL_EPOCH_MS + value * 86_400_000)) };
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) return { text: String(value), lossy: true };
    return { text: String(Number(value.toPrecision(15))) };
  }
  if (typeof value === 'object') {
    const v = value as {
      text?: unknown;
      result?: unknown;
      richText?: { text: string }[];
      error?: string;
    };
    if (v.richText) return { text: v.richText.map((r) => r.text).join('') };
    // A formula's cached result; an error value (#N/A…) stays visible so the row is rejected.
    if (v.result !== undefined) return cellText(v.result, type);
    if (v.error !== undefined) return { text: String(v.error) };
    if (v.text !== undefined) return cellText(v.text, type);
    return { text: '' };
  }
  return { text: String(value) };
}

/** Where a UTF-8 sequence at `i` is invalid: its index, or -1 when `bytes` holds only valid (or cut-off) UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    const second = bytes[i + 1];
    if (second === undefined) return -1;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k <= n; k++) {
      const next = bytes[i + k];
      if (next === undefined) return -1;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** How many bytes at the end of `bytes` begin a UTF-8 character that the next chunk completes. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back] as number;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
  }
  return 0;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function countLineBreaks(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * The text of a CSV, decoded strictly and streamed: a byte sequence invalid in the encoding fails
 * the file naming its line, instead of becoming U+FFFD in a stored name. A file guessed as UTF-8
 * from its first 256 KB that turns out not to be UTF-8 before any non-ASCII byte (a GBK file whose
 * head is ASCII) continues as GB18030: the ASCII read so far is the same in both, so nothing is read twice.
 */
async function* decodeStrictly(
  path: string,
  encoding: Encoding,
  onEncoding: (encoding: Encoding) => void,
): AsyncGenerator<string> {
  let lines = 0;
  let current = encoding;
  let sawNonAscii = false;
  let carry: Buffer = Buffer.alloc(0);
  let gbk: ReturnType<typeof iconv.getDecoder> | null =
    current === 'gb18030' ? iconv.getDecoder('gb18030') : null;
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const decodeGbk = (bytes: Buffer): string => {
    const text = (gbk as ReturnType<typeof iconv.getDecoder>).write(bytes);
    // iconv-lite writes U+FFFD for a sequence that is not GB18030.
    const bad = text.indexOf('\uFFFD');
    if (bad !== -1)
      throw new FileReadError('file.bad_bytes', {
        line: lines + countNewlines(text, bad) + 1,
        encoding: 'GBK/GB18030',
      });
    lines += countNewlines(text, text.length);
    return text;
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    if (gbk) {
      yield decodeGbk(chunk);
      continue;
    }
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const tail = incompleteTail(bytes);
    const body = bytes.subarray(0, bytes.length - tail);
    carry = Buffer.from(bytes.subarray(bytes.length - tail));
    let text: string;
    try {
      text = utf8.decode(body, { stream: true });
    } catch {
      const at = Math.max(firstInvalidUtf8(body), 0);
      const asciiBefore = !sawNonAscii && isAscii(body.subarray(0, at));
      if (!asciiBefore)
        throw new FileReadError('file.bad_bytes', {
          line: lines + countLineBreaks(body, at) + 1,
          encoding: 'UTF-8',
        });
      current = 'gb18030';
      onEncoding(current);
      gbk = iconv.getDecoder('gb18030');
      yield decodeGbk(Buffer.concat([body, carry]));
      carry = Buffer.alloc(0);
      continue;
    }
    if (!sawNonAscii && !isAscii(body)) sawNonAscii = true;
    lines += countLineBreaks(body);
    yield text;
  }
  if (gbk) {
    // A lead byte cut off by the end of the file.
    const rest = gbk.end();
    if (rest?.includes('\uFFFD'))
      throw new FileReadError('file.bad_bytes', { line: lines + 1, encoding: 'GBK/GB18030' });
    if (rest) yield rest;
  } else if (carry.length > 0) {
    throw new FileReadError('file.bad_bytes', { line: lines + 1, encoding: 'UTF-8' });
  }
}

/** Streams the data rows of a CSV or XLSX file; the first row is the header. */
export async function* readRows(
  path: string,
  format: FileFormat,
  encoding: Encoding,
  onHeader: (headers: string[]) => HeaderInfo,
  onEncoding: (encoding: Encoding) => void = () => {},
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
    // A record the parser cannot read (a quote inside an unquoted cell) is skipped and rejected on
    // its own; the parser resumes at the next line. A quote that is never closed swallows the rest
    // of the file, so that fails the file, naming the line where the quote opened.
    const skipped: SourceRow[] = [];
    let lastLine = 0;
    const parser = parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
      info: true,
      raw: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined, raw: string | undefined) => {
        if (!error) return;
        if (error.code !== 'INVALID_OPENING_QUOTE')
          throw new FileReadError('file.bad_quote', { line: lastLine + 1 });
        const text = (raw ?? '').replace(/\r?\n$/, '');
        lastLine = Number(error.lines);
        skipped.push({
          line: Number(error.lines),
          cells: {},
          raw: [text],
          readIssues: [{ column: '', code: 'row.bad_quote', params: { value: text.slice(0, 100) } }],
        });
      },
    });
    pipeline(Readable.from(decodeStrictly(path, encoding, onEncoding)), parser, () => {});
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is where the record ends: count back the line breaks inside quoted cells.
      const breaks = record.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      const line = record.info.lines - breaks;
      while (skipped.length > 0 && (skipped[0] as SourceRow).line < line) yield skipped.shift() as SourceRow;
      lastLine = record.info.lines;
      if (!info) {
        info = onHeader(record.record.map((h) => h.replace(/^\uFEFF/, '')));
        continue;
      }
      yield toRow(record.record, line);
    }
    if (info) yield* skipped;
    return;
  }
  await checkXlsxLimits(path);
  let cellCount = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles carry the number formats that tell a date cell from a number.
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1);
      cellCount += values.length;
      if (cellCount > XLSX_LIMITS.cells)
        throw new FileReadError('file.xlsx_limit', {
          what: 'cells',
          limit: XLSX_LIMITS.cells.toLocaleString('en'),
        });
      if (!info) {
        const headers = values.map((v) => cellText(v, undefined).text);
        if (headers.every((v) => v.trim() === '')) continue;
        info = onHeader(headers);
        continue;
      }
      const keys = info.keys;
      const texts = values.map((v, i) => cellText(v, typeOfColumn(info as HeaderInfo, keys[i] ?? null)));
      const cells = texts.map((c) => c.text);
      if (cells.every((v) => v.trim() === '')) continue;
      const result = toRow(cells, row.number);
      const lossy = texts.flatMap((c, i) => (c.lossy && keys[i] ? [keys[i] as string] : []));
      if (lossy.length > 0)
        result.readIssues = lossy.map((column) => ({ column, code: 'row.number_lost_digits' as const }));
      yield result;
    }
    break; // the first worksheet only
  }
}

function typeOfColumn(info: HeaderInfo, key: string | null): ColumnType | undefined {
  if (!key || !info.domain) return undefined;
  return FORMATS[info.domain].columns.find((c) => c.key === key)?.type;
}

/**
 * What an XLSX may hold before it is read (issue 13 item 9). The streaming reader keeps the shared
 * strings (and styles) in memory while it reads the sheet: a zip of 1.2 MB can inflate to 88 MB of
 * them. They are measured first, inflating with a bounded buffer, and a file over a limit is
 * refused naming it. Larger data goes in CSV, which streams whatever its size.
 */
export const XLSX_LIMITS = {
  /** Shared strings (distinct texts) of the workbook. */
  sharedStrings: 1_000_000,
  /** Bytes of xl/sharedStrings.xml and of xl/styles.xml, inflated. */
  sharedStringBytes: 64 * 1024 * 1024,
  /** Cells of the sheet, counted while it streams (about a million rows of 20 columns). */
  cells: 20_000_000,
};

/** The entries the streaming reader holds in memory, found in the zip's central directory. */
const HELD_ENTRIES = ['xl/sharedStrings.xml', 'xl/styles.xml'];

/** Refuses an XLSX whose shared strings or styles exceed XLSX_LIMITS, reading them with bounded memory. */
export async function checkXlsxLimits(path: string, limits = XLSX_LIMITS): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const entries = await readCentralDirectory(handle);
    for (const entry of entries.filter((e) => HELD_ENTRIES.includes(e.name))) {
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, entry.localOffset);
      if (local.readUInt32LE(0) !== 0x04034b50) throw new FileReadError('file.unreadable', { reason: 'zip' });
      const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      const counting = entry.name === 'xl/sharedStrings.xml';
      let bytes = 0;
      let strings = 0;
      let tail = '';
      const raw = createReadStream(path, { start, end: start + entry.size - 1 });
      const inflated = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
      try {
        for await (const chunk of inflated as AsyncIterable<Buffer>) {
          bytes += chunk.length;
          if (bytes > limits.sharedStringBytes)
            throw new FileReadError('file.xlsx_limit', {
              what: entry.name,
              limit: `${limits.sharedStringBytes / 1024 / 1024} MiB`,
            });
          if (!counting) continue;
          const text = tail + chunk.toString('latin1');
          for (let i = text.indexOf('</si>'); i !== -1; i = text.indexOf('</si>', i + 5)) strings++;
          tail = text.slice(-4);
          if (strings > limits.sharedStrings)
            throw new FileReadError('file.xlsx_limit', {
              what: 'shared strings',
              limit: limits.sharedStrings.toLocaleString('en'),
            });
        }
      } finally {
        raw.destroy();
        inflated.destroy();
      }
    }
  } finally {
    await handle.close();
  }
}

interface ZipEntry {
  name: string;
  method: number;
  /** Compressed size. */
  size: number;
  localOffset: number;
}

/** The entries of a zip's central directory (zip64 included). */
async function readCentralDirectory(handle: Awaited<ReturnType<typeof open>>): Promise<ZipEntry[]> {
  const { size: fileSize } = await handle.stat();
  const tailSize = Math.min(fileSize, 65_557);
  const tail = Buffer.alloc(tailSize);
  await handle.read(tail, 0, tailSize, fileSize - tailSize);
  let eocd = -1;
  for (let i = tailSize - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd === -1) throw new FileReadError('file.unreadable', { reason: 'not an XLSX (zip) file' });
  let count = tail.readUInt16LE(eocd + 10);
  let dirSize = tail.readUInt32LE(eocd + 12);
  let dirOffset = tail.readUInt32LE(eocd + 16);
  if (
    (dirOffset === 0xffffffff || count === 0xffff) &&
    eocd >= 20 &&
    tail.readUInt32LE(eocd - 20) === 0x07064b50
  ) {
    const record = Buffer.alloc(56);
    await handle.read(record, 0, 56, Number(tail.readBigUInt64LE(eocd - 20 + 8)));
    count = Number(record.readBigUInt64LE(32));
    dirSize = Number(record.readBigUInt64LE(40));
    dirOffset = Number(record.readBigUInt64LE(48));
  }
  if (dirSize > 64 * 1024 * 1024)
    throw new FileReadError('file.unreadable', { reason: 'zip directory too large' });
  const dir = Buffer.alloc(dirSize);
  await handle.read(dir, 0, dirSize, dirOffset);
  const entries: ZipEntry[] = [];
  for (let p = 0, n = 0; n < count && p + 46 <= dir.length; n++) {
    if (dir.readUInt32LE(p) !== 0x02014b50) break;
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    let size = dir.readUInt32LE(p + 20);
    let localOffset = dir.readUInt32LE(p + 42);
    const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
    // Zip64: the sizes and offset that do not fit 32 bits follow in extra field 0x0001.
    const uncompressed32 = dir.readUInt32LE(p + 24);
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = dir.readUInt16LE(e);
      const length = dir.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressed32 === 0xffffffff) q += 8;
        if (size === 0xffffffff) {
          size = Number(dir.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = Number(dir.readBigUInt64LE(q));
      }
      e += 4 + length;
    }
    entries.push({ name, method: dir.readUInt16LE(p + 10), size, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
