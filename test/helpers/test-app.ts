// Builds the real app on a fresh test database with a fake clock, a silent logger and mail where tests choose.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type PgBoss from 'pg-boss';
import { type Config, loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { FakeClock } from '../../src/domain/clock.js';
import { registerAppDomainEventSubscribers } from '../../src/domain-event-subscribers.js';
import { createApp } from '../../src/http/app.js';
import type { AppEnv } from '../../src/http/openapi-app.js';
import { startBoss } from '../../src/jobs/boss.js';
import { type RunningWorker, type StartWorkerOptions, startWorker } from '../../src/jobs/worker.js';
import { createLogger } from '../../src/logger.js';
import { mailTransportFor, smsTransportFor } from '../../src/modules/notifications/index.js';
import { createAppWithdrawalBlockers } from '../../src/withdrawal-blockers.js';
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
  clock: FakeClock;
  database: TestDatabase;
  /** `app.request` with the Origin header a browser would send. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Starts pg-boss and the worker on this database, as `keiyaku start` does. */
  startWorker(options?: StartWorkerOptions): Promise<{ boss: PgBoss; worker: RunningWorker }>;
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
  const ctx: AppContext = {
    config,
    clock,
    database: database.handle,
    db: database.handle.db,
    logger: createLogger('silent'),
    mail: mailTransportFor(config.smtpUrl),
    sms: smsTransportFor(config.twilio),
    withdrawalBlockers: createAppWithdrawalBlockers(clock),
  };
  const app = createApp(ctx, {
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  let running: { boss: PgBoss; worker: RunningWorker } | null = null;
  return {
    app,
    ctx,
    clock,
    database,
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('origin')) headers.set('origin', TEST_ORIGIN);
      return Promise.resolve(app.request(path, { ...init, headers }));
    },
    async startWorker(workerOptions = {}) {
      const boss = await startBoss({ database: database.handle, logger: ctx.logger, supervise: false });
      const worker = await startWorker(ctx, boss, {
        pollingIntervalSeconds: 0.5,
        dispatchIntervalMs: 200,
        ...workerOptions,
      });
      running = { boss, worker };
      return running;
    },
    async close() {
      if (running) {
        await running.worker.stop();
        // Long enough for a job still running on a loaded CI machine to finish: a job that fails after the
        // database is dropped reports into a closed pool, an unhandled rejection that fails the whole run.
        await running.boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
      }
      ctx.mail.close();
      await database.drop();
    },
  };
}
