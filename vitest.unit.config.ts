import { defineConfig } from 'vitest/config';

/**
 * The fast tier (`npm run test:unit`): pure functions with known answers, no database, no server,
 * no browser. Runs in seconds; the whole suite (`npm test`) runs these too.
 */
export default defineConfig({
  test: {
    include: [
      'src/platform/time.test.ts',
      'src/platform/http/download.test.ts',
      'src/platform/jobs/queue.test.ts',
      'src/web/time.test.ts',
      'src/modules/facts/facts.test.ts',
      'src/modules/analytics/targets.test.ts',
      'src/modules/ranking/credibility.test.ts',
      'src/modules/exchange/validate.test.ts',
      'src/modules/exchange/read-file.test.ts',
      'src/seed/generate.test.ts',
      'src/platform/auth/oidc.config.test.ts',
      'src/modules/rates/rule-sets.logic.test.ts',
      'src/modules/jurisdictions/jurisdictions.data.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
