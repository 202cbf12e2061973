// Entry of every worker thread: registers the TypeScript loader (tsx), then runs the worker module
// named in workerData.entry. Works the same under `tsx`, Vitest and a plain `node`.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
