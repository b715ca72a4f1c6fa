// Vitest: unit, HTTP and scenario tests on PGlite (or PostgreSQL when DATABASE_URL is set); no browser.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The fake clock lives in code; this keeps a slow machine's timings out of the results.
    slowTestThreshold: 5_000,
  },
});
