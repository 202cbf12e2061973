/**
 * Worker thread of an import: streams the file, validates every row and hands the main thread
 * chunks of staged values and rejected rows (at most one unacknowledged chunk), so memory stays
 * flat whatever the file size and the server thread never parses.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { toCopyCsvLine } from '../../platform/db/copy-csv.js';
import { piiCrypto } from '../../platform/privacy/crypto.js';
import { checkCreditCode } from '../organisations/credit-code.js';
import type { Plausibility } from './exchange.settings.js';
import { type Domain, FORMATS } from './formats.js';
import { checkIdNumber } from './id-number.js';
import { type Encoding, type FileFormat, FileReadError, mapHeaders, readRows } from './read-file.js';
import { type StoredIssue, sealCells, sealIssues } from './rejected-cells.js';
import { stagingKeys } from './staging.js';
import { isTemplateExample, validateRow } from './validate.js';

export interface WorkerInput {
  batchId: number;
  path: string;
  format: FileFormat;
  encoding: Encoding;
  domain: Domain;
  jurisdictionCodes: string[];
  /** YYYY-MM-DD in China, from the main thread's clock (platform/time.ts). */
  today: string;
  chunkSize: number;
  plausibility: Plausibility;
}

export type WorkerMessage =
  | { type: 'header'; headers: string[]; missing: string[] }
  | { type: 'total'; expectedRows: number }
  /** The file, guessed UTF-8 from its head, continued as GB18030 (its first non-ASCII bytes were GBK). */
  | { type: 'encoding'; encoding: Encoding }
  | {
      type: 'chunk';
      /** COPY input (copy-csv.ts) for exchange_staging, exchange_rejected_rows and exchange_row_warnings. */
      staged: string;
      rejected: string;
      warnings: string;
      rowsDone: number;
      /** The file line of the chunk's last row: chunks are consecutive ranges of lines. */
      lastLine: number;
    }
  | { type: 'done'; totalRows: number }
  /** A whole-file problem: a reason code (row-messages.ts) and its parameters when it is known. */
  | { type: 'error'; message: string; code?: string; params?: Record<string, unknown> };

const port = parentPort;
if (!port) throw new Error('import.worker runs in a worker thread');
const input = workerData as WorkerInput;

function waitForAck(): Promise<void> {
  return new Promise((resolve) => port?.once('message', () => resolve()));
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

/** Counts line breaks of a CSV (a close upper bound of its records) so the UI can show done of total. */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
    last = chunk[chunk.length - 1] ?? last;
  }
  return last === 0x0a ? lines : lines + 1;
}

/** This thread's PII crypto, built from the same environment as the server's (worker threads copy it). */
const crypto = piiCrypto();

/**
 * A valid row's person fields as stored (decision 0022): the lookup key beside the 身份证号, the
 * insured list's sex and birth date read from it, and with PII_ENCRYPTION=sm4 the number and the
 * name as SM4 ciphertext. Done here, off the server thread, so no plaintext is staged.
 */
function protectPerson(value: Record<string, unknown>) {
  const idNumber = value.idNumber as string;
  value.idNumberIndex = crypto.index(idNumber);
  if (input.domain === 'insuredPersons') {
    const id = checkIdNumber(idNumber);
    if (id.ok) {
      value.sex = id.sex;
      value.birthDate = id.birthDate;
    }
  }
  if (crypto.isEnabled) {
    value.idNumber = crypto.encrypt(idNumber);
    if (typeof value.personName === 'string') value.personName = crypto.encrypt(value.personName);
  }
}

async function run() {
  if (input.format === 'csv') {
    port?.postMessage({
      type: 'total',
      expectedRows: Math.max((await countLines(input.path)) - 1, 0),
    } satisfies WorkerMessage);
  }
  const keys = stagingKeys(input.domain);
  const context = {
    jurisdictionCodes: new Set(input.jurisdictionCodes),
    today: input.today,
    plausibility: input.plausibility,
  };
  const batch = String(input.batchId);
  let staged = '';
  let rejected = '';
  let warnings = '';
  let inChunk = 0;
  let rowsDone = 0;
  let lastLine = 0;
  // Natural keys of the chunk's valid rows → their line: a later row with the same key is rejected
  // here, so the merge upserts each chunk in one statement (a key repeated in a later chunk is
  // found by the merge).
  const naturalKey = FORMATS[input.domain].naturalKey;
  let keysInChunk = new Map<string, number>();
  const keyOf = (value: Record<string, unknown>) => naturalKey.map((k) => toText(value[k]) ?? '').join('|');
  /** The line of an earlier row of this chunk with the same key, or undefined (then this row is noted). */
  const firstLineOf = (key: string, line: number) => {
    const first = keysInChunk.get(key);
    if (first === undefined) keysInChunk.set(key, line);
    return first;
  };
  let headerMissing = false;

  // Double buffering: the main thread stores one chunk while this thread validates the next; at
  // most two chunks are ever in memory. COPY input is built here, off the server thread.
  let previousAck: Promise<void> = Promise.resolve();
  const flush = async () => {
    await previousAck;
    port?.postMessage({
      type: 'chunk',
      staged,
      rejected,
      warnings,
      rowsDone,
      lastLine,
    } satisfies WorkerMessage);
    previousAck = waitForAck();
    staged = '';
    rejected = '';
    warnings = '';
    inChunk = 0;
    keysInChunk = new Map();
  };

  const rows = readRows(
    input.path,
    input.format,
    input.encoding,
    (headers) => {
      const info = mapHeaders(input.domain, headers);
      port?.postMessage({ type: 'header', headers, missing: info.missing } satisfies WorkerMessage);
      headerMissing = info.missing.length > 0;
      return info;
    },
    (encoding) => port?.postMessage({ type: 'encoding', encoding } satisfies WorkerMessage),
  );
  for await (const row of rows) {
    if (headerMissing) break;
    const line = String(row.line);
    const warn = (column: string, code: string, params?: Record<string, unknown>) => {
      warnings += `${toCopyCsvLine([batch, line, column, code, params ? JSON.stringify(params) : null])}\n`;
    };
    if (!row.readIssues && isTemplateExample(input.domain, row.cells, row.raw)) {
      // Not a row of the batch: neither counted nor imported, only noted.
      warn('', 'row.template_example');
      continue;
    }
    rowsDone++;
    lastLine = row.line;
    // With PII_ENCRYPTION=sm4 the cells and the reasons quoting them are stored encrypted (issue 13).
    const rejectRow = (issues: StoredIssue[]) => {
      const cells = JSON.stringify(sealCells(row.raw, crypto));
      rejected += `${toCopyCsvLine([batch, line, cells, JSON.stringify(sealIssues(issues, crypto))])}\n`;
    };
    if (row.readIssues) {
      rejectRow(row.readIssues);
      if (++inChunk >= input.chunkSize) await flush();
      continue;
    }
    const result = validateRow(input.domain, row.cells, context);
    const key = result.ok ? keyOf(result.value) : '';
    const firstLine = result.ok ? firstLineOf(key, row.line) : undefined;
    if (firstLine !== undefined) {
      rejectRow([{ column: '', code: 'row.duplicate_in_file', params: { line: firstLine, key } }]);
    } else {
      for (const w of result.warnings) warn(w.column, w.code, w.params);
      if (result.ok) {
        const value = result.value;
        if (typeof value.creditCode === 'string')
          value.creditCodeStatus = checkCreditCode(value.creditCode).status;
        if (typeof value.idNumber === 'string') protectPerson(value);
        // In the order of stagedColumnsOf(domain).
        staged += `${toCopyCsvLine([batch, line, ...keys.map((k) => toText(value[k]))])}\n`;
      } else rejectRow(result.errors);
    }
    if (++inChunk >= input.chunkSize) await flush();
  }
  if (!headerMissing) await flush();
  await previousAck;
  port?.postMessage({ type: 'done', totalRows: rowsDone } satisfies WorkerMessage);
}

run().catch((error: unknown) => {
  port.postMessage({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
    ...(error instanceof FileReadError ? { code: error.code, params: error.params } : {}),
  } satisfies WorkerMessage);
});
