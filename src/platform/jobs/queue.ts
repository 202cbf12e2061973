/**
 * A small in-process job queue: jobs run one at a time, off the request. Long CPU work inside a
 * job belongs in a worker thread (startWorker) so the server keeps answering.
 *
 * Fair between lanes (docs/decisions/0016): each job is queued in a lane (the exchange uses one per
 * submitting unit), jobs of one lane run in order, and the lanes take turns — so one unit's backlog
 * of large files delays another unit's file by at most the one job that is running.
 */
export class JobQueue {
  /** Lanes with waiting jobs, in the order they arrived (a Map keeps insertion order). */
  private readonly lanes = new Map<string, Job[]>();
  /** When each lane last had a job started (a count of starts); lanes are few (one per unit). */
  private readonly served = new Map<string, number>();
  private turn = 0;
  private running: Promise<void> | null = null;
  private pending = 0;

  constructor(private readonly onError: (error: unknown, name: string) => void) {}

  /** Queues a job in `lane`; the returned promise settles when it has run. */
  enqueue(name: string, job: () => Promise<void>, lane = ''): Promise<void> {
    this.pending++;
    return new Promise((resolve) => {
      const waiting = this.lanes.get(lane);
      if (waiting) waiting.push({ name, run: job, done: resolve });
      else this.lanes.set(lane, [{ name, run: job, done: resolve }]);
      this.running ??= this.drain();
    });
  }

  /** Jobs queued or running. */
  get size(): number {
    return this.pending;
  }

  /** Resolves once every job queued so far has run. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Jobs start after the caller's synchronous work, as with a promise chain.
    await Promise.resolve();
    for (let job = this.take(); job; job = this.take()) {
      try {
        await job.run();
      } catch (error) {
        this.onError(error, job.name);
      } finally {
        this.pending--;
        job.done();
      }
    }
    this.running = null;
  }

  /**
   * The next job: the first of the lane served longest ago (a lane never served first, then the
   * lane that has waited longest): a unit whose file arrives behind another unit's backlog is next.
   */
  private take(): Job | undefined {
    let pick: string | undefined;
    for (const lane of this.lanes.keys())
      if (pick === undefined || (this.served.get(lane) ?? 0) < (this.served.get(pick) ?? 0)) pick = lane;
    if (pick === undefined) return undefined;
    const jobs = this.lanes.get(pick) as Job[];
    const job = jobs.shift();
    if (jobs.length === 0) this.lanes.delete(pick);
    this.served.set(pick, ++this.turn);
    return job;
  }
}

interface Job {
  name: string;
  run: () => Promise<void>;
  done: () => void;
}
