// Starting and stopping a keiyaku node: database, migrations, jobs, HTTP, and a clean shutdown.
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import type PgBoss from 'pg-boss';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { type DatabaseHandle, openDatabase } from './db/client.js';
import { acquireDataDirLock, type DataDirLock } from './db/data-dir-lock.js';
import { migrateDatabase } from './db/migrate.js';
import { type Clock, StoreClock, systemClock, toDate } from './domain/clock.js';
import { AppError } from './domain/errors.js';
import { registerAppDomainEventSubscribers } from './domain-event-subscribers.js';
import { createDemoOperator } from './flows/create-demo-operator.js';
import { seedDemoCatalog } from './flows/seed-demo-catalog.js';
import { seedDemoLicences } from './flows/seed-demo-licences.js';
import { createApp } from './http/app.js';
import { type RunningJobs, startJobs } from './jobs/start-jobs.js';
import type { RunningWorker } from './jobs/worker.js';
import { createLogger, type Logger } from './logger.js';
import { backfillProductSearch } from './modules/catalog/index.js';
import { mailTransportFor, smsTransportFor, systemHostResolver } from './modules/notifications/index.js';
import { loadStoreClock, STORE_CLOCK_REFRESH_MS } from './modules/store/index.js';
import { resolveSecret } from './secret.js';
import { createAppWithdrawalBlockers } from './withdrawal-blockers.js';

export type Role = 'all' | 'web' | 'worker';

/** An open database with the folder lock that guards it, for CLI commands and the server alike. */
export interface OpenedStore {
  database: DatabaseHandle;
  /** Notes in the folder's lock where this process answers, for commands that find it busy. */
  announce(url: string): void;
  close(): Promise<void>;
}

/** Opens (and migrates) the configured database; an embedded folder is locked for this process. */
export async function openStore(
  config: Config,
  purpose: string,
  clock: Clock = systemClock,
): Promise<OpenedStore> {
  // Every process that can record a domain event (server, worker, CLI) runs its subscribers in that transaction.
  registerAppDomainEventSubscribers();
  let lock: DataDirLock | undefined;
  if (config.database.kind === 'pglite')
    lock = acquireDataDirLock(config.dataDir, purpose, toDate(clock.now()));
  try {
    const database =
      config.database.kind === 'pglite'
        ? await openDatabase({ kind: 'pglite', dataDir: config.database.dataDir })
        : await openDatabase({ kind: 'postgres', url: config.database.url });
    await migrateDatabase(database, config.database.kind === 'postgres' ? config.database.url : undefined);
    // Products stored before the search columns existed get them once (a no-op query afterwards).
    await database.db.transaction((tx) => backfillProductSearch(tx));
    return {
      database,
      announce: (url) => lock?.describe(url),
      async close() {
        await database.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export interface RunningNode {
  url: string | null;
  /** The file holding the demo owner's credentials (embedded stores only), for the banner to name. */
  demoOperatorFile: string | null;
  context: AppContext;
  boss: PgBoss | null;
  worker: RunningWorker | null;
  stop(): Promise<void>;
}

export interface StartNodeInput {
  config: Config;
  role: Role;
  clock?: Clock;
  logger?: Logger;
}

/** What the start-up banner says about where the data lives. */
export function durabilityNotice(config: Config): string {
  if (config.database.kind === 'postgres') return 'Database: PostgreSQL.';
  return [
    `Database: embedded PGlite in ${config.database.dataDir}, for evaluation and small stores.`,
    'PGlite cannot fsync: committed data survives a crash of this process, but a power loss or OS crash',
    'can lose the last writes. Real money belongs on PostgreSQL (set DATABASE_URL).',
  ].join('\n');
}

/** Starts a node in a role: `web` serves HTTP, `worker` runs jobs, `all` does both (the only embedded role). */
export async function startNode(input: StartNodeInput): Promise<RunningNode> {
  const { config, role } = input;
  if (role !== 'all' && config.database.kind === 'pglite') {
    throw new AppError({
      code: 'role_needs_postgres',
      status: 400,
      message: {
        ja: '--role web / worker は PostgreSQL（DATABASE_URL）でのみ使えます。組み込みデータベースは1プロセスで --role all として動かしてください。',
        en: '--role web and --role worker need PostgreSQL (DATABASE_URL). The embedded database runs as one process with --role all.',
      },
    });
  }
  const baseClock = input.clock ?? systemClock;
  // Rehearsals: the store's "now" is the base clock plus the offset owners moved it by (store_clock).
  const clock: Clock = config.testClock ? new StoreClock(baseClock) : baseClock;
  const logger = input.logger ?? createLogger(config.logLevel);
  const store = await openStore(config, `keiyaku start --role ${role}`, baseClock);
  // After the lock: two processes racing on a new folder must not both write a secret.
  let secret: string;
  try {
    secret = resolveSecret(config);
  } catch (error) {
    await store.close();
    throw error;
  }
  const context: AppContext = {
    config: { ...config, secret },
    clock,
    database: store.database,
    db: store.database.db,
    logger,
    mail: mailTransportFor(config.smtpUrl),
    sms: smsTransportFor(config.twilio),
    // Contracts and billing add their blockers in createAppWithdrawalBlockers once they exist.
    hostResolver: systemHostResolver,
    withdrawalBlockers: createAppWithdrawalBlockers(clock),
  };

  let jobs: RunningJobs | null = null;
  let server: ServerType | null = null;
  let url: string | null = null;
  let demoOperatorFile: string | null = null;
  let clockRefresh: NodeJS.Timeout | null = null;
  try {
    if (clock instanceof StoreClock) {
      await loadStoreClock(store.database.db, clock);
      // Another node's move reaches this one within the refresh interval; the moving node applies it at once.
      clockRefresh = setInterval(
        () =>
          void loadStoreClock(store.database.db, clock).catch((error: unknown) =>
            logger.error({ err: error }, 'reading the store clock failed'),
          ),
        STORE_CLOCK_REFRESH_MS,
      );
      clockRefresh.unref();
    }
    if (config.database.kind === 'pglite') {
      demoOperatorFile = await createDemoOperator(store.database.db, {
        dataDir: config.dataDir,
        publicUrl: config.publicUrl,
        actor: { kind: 'system', id: null },
        now: clock.now(),
      });
    }
    if (role !== 'web') {
      jobs = await startJobs({ ctx: context, database: store.database, supervise: true });
      context.jobs = jobs.worker;
    }
    if (config.database.kind === 'pglite') {
      // A new embedded store has something to browse; a store with any provider of its own is left alone.
      // After the worker (queued mail goes out meanwhile), before the server (nobody sees half a catalog).
      await seedDemoCatalog(store.database.db, {
        actor: { kind: 'system', id: null },
        now: clock.now(),
        onlyIfEmpty: true,
      });
      // Its software product's printed packages, once, so the console and the licence API have licences to show.
      await seedDemoLicences(store.database.db, { actor: { kind: 'system', id: null }, now: clock.now() });
    }
    if (role !== 'worker') {
      const app = createApp(context);
      server = await new Promise<ServerType>((resolve, reject) => {
        const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
        s.once('error', reject);
      });
      const address = server.address() as AddressInfo;
      url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
      store.announce(url);
    }
  } catch (error) {
    if (clockRefresh) clearInterval(clockRefresh);
    await jobs?.stop().catch(() => {});
    context.mail.close();
    await store.close();
    throw error;
  }

  let stopping: Promise<void> | null = null;
  return {
    url,
    demoOperatorFile,
    context,
    boss: jobs?.boss ?? null,
    worker: jobs?.worker ?? null,
    stop() {
      stopping ??= (async () => {
        // Stop taking requests first; requests in flight finish before close() resolves.
        if (server) {
          const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
          (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          await closing;
        }
        if (clockRefresh) clearInterval(clockRefresh);
        // Jobs already running finish (up to 30 s, else they go back to the queue) before the pool closes.
        await jobs?.stop();
        context.mail.close();
        await store.close();
      })();
      return stopping;
    },
  };
}
