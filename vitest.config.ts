import { defineConfig } from 'vitest/config';

/**
 * Two projects, one after the other (issue 20, the suite's time): the module and API tests run two
 * files at a time (each file has its own database, cloned from one template), then the Chromium
 * tests one at a time (a browser and a server each; two at once on two cores time out). Vitest's
 * default on this 2-core machine is one worker for everything.
 */
const shared = {
  globalSetup: ['test/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'api',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
