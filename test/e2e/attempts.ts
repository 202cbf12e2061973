import { beforeEach } from 'vitest';

// A Chromium test retried after a failure (vitest.config.ts) passes without saying why its first
// attempt failed: each failed attempt prints its error, so a flaky test can still be understood.
beforeEach((context) => {
  context.onTestFailed(({ task }) => {
    const errors = (task.result?.errors ?? []).map((e) => e.stack ?? e.message).join('\n');
    console.warn(`[e2e] attempt ${(task.result?.retryCount ?? 0) + 1} of "${task.name}" failed:\n${errors}`);
  });
});
