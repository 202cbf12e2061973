import { describe, expect, it } from 'vitest';
import { JobQueue } from './queue.js';

describe('JobQueue', () => {
  it('runs one job at a time, in order within a lane, the lanes taking turns', async () => {
    const ran: string[] = [];
    let running = 0;
    const queue = new JobQueue(() => undefined);
    const job = (name: string) => async () => {
      expect(++running).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1));
      ran.push(name);
      running--;
    };
    for (let i = 1; i <= 5; i++) void queue.enqueue(`a${i}`, job(`a${i}`), 'A');
    void queue.enqueue('b1', job('b1'), 'B');
    void queue.enqueue('b2', job('b2'), 'B');
    void queue.enqueue('c1', job('c1'), 'C');
    expect(queue.size).toBe(8);
    await queue.idle();
    // A's backlog holds up B and C by one job: A, B, C, A, B, A, A, A.
    expect(ran).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4', 'a5']);
    expect(queue.size).toBe(0);
  });

  it('a lane that arrives behind a backlog goes next', async () => {
    const ran: string[] = [];
    const queue = new JobQueue(() => undefined);
    let started: () => void = () => undefined;
    const first = new Promise<void>((resolve) => {
      started = resolve;
    });
    const job = (name: string) => async () => {
      if (name === 'a1') started();
      await new Promise((resolve) => setTimeout(resolve, 1));
      ran.push(name);
    };
    for (let i = 1; i <= 3; i++) void queue.enqueue(`a${i}`, job(`a${i}`), 'A');
    await first;
    void queue.enqueue('b1', job('b1'), 'B');
    await queue.idle();
    expect(ran).toEqual(['a1', 'b1', 'a2', 'a3']);
  });

  it('reports a failed job and runs the next; a job queued while idle runs too', async () => {
    const failed: string[] = [];
    const queue = new JobQueue((_error, name) => failed.push(name));
    let ran = 0;
    await queue.enqueue('bad', async () => {
      throw new Error('boom');
    });
    await queue.enqueue('good', async () => {
      ran++;
    });
    await queue.idle();
    expect(failed).toEqual(['bad']);
    expect(ran).toBe(1);
  });
});
