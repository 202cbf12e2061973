/**
 * A small in-process job queue: jobs run one at a time, in order, off the request. Long CPU work
 * inside a job belongs in a worker thread (startWorker) so the server keeps answering.
 */
export class JobQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(private readonly onError: (error: unknown, name: string) => void) {}

  /** Queues a job; the returned promise settles when it has run. */
  enqueue(name: string, job: () => Promise<void>): Promise<void> {
    this.pending++;
    const run = this.tail.then(async () => {
      try {
        await job();
      } catch (error) {
        this.onError(error, name);
      } finally {
        this.pending--;
      }
    });
    this.tail = run;
    return run;
  }

  /** Jobs queued or running (the metrics' import queue length). */
  get length(): number {
    return this.pending;
  }

  /** Resolves once every job queued so far has run. */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }
}
