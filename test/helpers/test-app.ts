// Builds the real app on a fresh test database with a fake clock, a silent logger and mail where tests choose.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { type Config, loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { type Clock, FakeClock, StoreClock } from '../../src/domain/clock.js';
import { registerAppDomainEventSubscribers } from '../../src/domain-event-subscribers.js';
import { createApp } from '../../src/http/app.js';
import type { AppEnv } from '../../src/http/openapi-app.js';
import { type RunningJobs, startJobs } from '../../src/jobs/start-jobs.js';
import type { StartWorkerOptions } from '../../src/jobs/worker.js';
import { createLogger } from '../../src/logger.js';
import { mailTransportFor, smsTransportFor } from '../../src/modules/notifications/index.js';
import { createAppWithdrawalBlockers } from '../../src/withdrawal-blockers.js';
import { createHostTable, type HostTable } from './host-table.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_ORIGIN = 'http://127.0.0.1:3000';

export interface TestAppOptions {
  smtpUrl?: string;
  env?: Record<string, string>;
  extraRoutes?: (app: OpenAPIHono<AppEnv>) => void;
  webRoot?: string;
  clockStart?: string;
}

export interface TestApp {
  app: OpenAPIHono<AppEnv>;
  ctx: AppContext;
  /** The clock tests travel with; with KEIYAKU_TEST_CLOCK=1 it is the base of `ctx.clock`, a StoreClock. */
  clock: FakeClock;
  database: TestDatabase;
  /**
   * The resolver of webhook hosts (`ctx.hostResolver`): names resolve only as a test sets them, so a local
   * receiver is reached through a name the test maps to 127.0.0.1 and an allowed network, never a bypass.
   */
  hosts: HostTable;
  /** `app.request` with the Origin header a browser would send. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Starts pg-boss and the worker on this database, as `keiyaku start` does. */
  startWorker(options?: StartWorkerOptions): Promise<RunningJobs>;
  close(): Promise<void>;
}

/** A complete app on its own database; call `close()` in afterAll. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  registerAppDomainEventSubscribers();
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SECRET: 'test-secret-test-secret-test-secret-0123',
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...options.env,
  });
  const clock = new FakeClock(options.clockStart ?? '2026-04-01T09:00:00+09:00');
  // As `keiyaku start` does: the rehearsal clock is the fake clock plus the offset owners move it by.
  const storeClock: Clock = config.testClock ? new StoreClock(clock) : clock;
  const hosts = createHostTable();
  const ctx: AppContext = {
    config,
    clock: storeClock,
    database: database.handle,
    db: database.handle.db,
    logger: createLogger('silent'),
    mail: mailTransportFor(config.smtpUrl),
    sms: smsTransportFor(config.twilio),
    hostResolver: hosts,
    withdrawalBlockers: createAppWithdrawalBlockers(storeClock),
  };
  const app = createApp(ctx, {
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  let running: RunningJobs | null = null;
  return {
    app,
    ctx,
    clock,
    database,
    hosts,
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('origin')) headers.set('origin', TEST_ORIGIN);
      return Promise.resolve(app.request(path, { ...init, headers }));
    },
    async startWorker(workerOptions = {}) {
      running = await startJobs({
        ctx,
        database: database.handle,
        supervise: false,
        worker: { pollingIntervalSeconds: 0.5, dispatchIntervalMs: 200, ...workerOptions },
      });
      ctx.jobs = running.worker;
      return running;
    },
    async close() {
      // The one shutdown path of every node: no job touches the database once it resolves.
      await running?.stop();
      ctx.mail.close();
      await database.drop();
    },
  };
}
