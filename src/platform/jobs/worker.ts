import { Worker } from 'node:worker_threads';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/** Starts a TypeScript module in a worker thread; `data` arrives as workerData. */
export function startWorker(entry: URL, data: Record<string, unknown>): Worker {
  return new Worker(BOOT, { workerData: { ...data, entry: entry.href } });
}
