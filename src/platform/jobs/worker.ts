import { type ResourceLimits, Worker } from 'node:worker_threads';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/**
 * Starts a TypeScript module in a worker thread; `data` arrives as workerData. With
 * `resourceLimits`, a worker that outgrows its heap ends (error ERR_WORKER_OUT_OF_MEMORY) instead of
 * taking the server's memory.
 */
export function startWorker(
  entry: URL,
  data: Record<string, unknown>,
  options: { resourceLimits?: ResourceLimits } = {},
): Worker {
  return new Worker(BOOT, {
    workerData: { ...data, entry: entry.href },
    resourceLimits: options.resourceLimits,
  });
}
