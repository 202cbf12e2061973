/**
 * HTML to PDF through Chromium's own print-to-PDF (headless), the browser a deployment installs
 * from its distribution (Debian's `chromium`; CHROMIUM_PATH elsewhere). No browser is downloaded
 * and none stays running: one short-lived process per document, at most two at a time.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../http/errors.js';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-extensions',
  '--no-pdf-header-footer',
];
const MAX_RUNNING = 2;
const TIMEOUT_MS = 60_000;

/** Where Chromium is: CHROMIUM_PATH, or the distribution's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

let running = 0;
const waiting: (() => void)[] = [];
async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** Prints a self-contained HTML page (A4 and margins from its @page rule) to PDF bytes. */
export async function renderPdf(html: string): Promise<Buffer> {
  const binary = chromiumPath();
  try {
    await fs.access(binary);
  } catch {
    throw new AppError(503, 'document.pdf_unavailable');
  }
  return withSlot(async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), `yufang-pdf-${randomUUID().slice(0, 8)}-`));
    try {
      const input = path.join(dir, 'document.html');
      const output = path.join(dir, 'document.pdf');
      await fs.writeFile(input, html, 'utf8');
      await new Promise<void>((resolve, reject) => {
        execFile(
          binary,
          [
            ...CHROMIUM_FLAGS,
            `--user-data-dir=${path.join(dir, 'profile')}`,
            `--print-to-pdf=${output}`,
            pathToFileURL(input).href,
          ],
          { timeout: TIMEOUT_MS },
          (error) => (error ? reject(error) : resolve()),
        );
      });
      return await fs.readFile(output);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
}
