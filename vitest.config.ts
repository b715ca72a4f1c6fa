// Vitest: unit, HTTP and scenario tests on PGlite (or PostgreSQL when DATABASE_URL is set); no browser.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Files that never touch the database under test: pure rules, and the CLI tests, whose commands always run
// on an embedded data folder. The PostgreSQL run would only repeat them, so they run once, on PGlite.
const sameOnEveryDatabase = [
  'test/unit/**',
  'test/cli/embedded-node.test.ts',
  'test/cli/bill-cli.test.ts',
  'test/cli/operators-cli.test.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', ...(process.env.DATABASE_URL ? sameOnEveryDatabase : [])],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one file at a time on two cores (cores − 1); a file spends much of its time waiting
    // for PostgreSQL, a child process or a socket, so two side by side keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The fake clock lives in code; this keeps a slow machine's timings out of the results.
    slowTestThreshold: 5_000,
  },
});
