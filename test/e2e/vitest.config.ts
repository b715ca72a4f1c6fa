// Vitest settings for the browser tests, which start the real server and drive Chromium against it.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.e2e.test.ts'],
    // The server serves dist/web: build it once from the sources under test, not whatever was built last.
    globalSetup: ['test/e2e/build-web.ts'],
    // Building the app, starting the server and launching Chromium take seconds each on a 2-core machine;
    // a test that starts its own server on a new folder waits for migrations and the demo seed (a minute
    // and more when the machine is loaded).
    testTimeout: 240_000,
    hookTimeout: 240_000,
    // Pages wait for the API, fonts and a retried request; a second is too short for that on a busy machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // Each file starts its own server and browser; running them side by side would only fight for CPU.
    fileParallelism: false,
  },
});
