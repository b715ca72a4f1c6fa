// Benchmark 3: outbox mail — how fast mails are queued in transactions, and how fast a real worker delivers them.
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Config } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import type { Db } from '../src/db/client.js';
import { devMailbox, outbox } from '../src/db/schema/notifications.js';
import { systemClock } from '../src/domain/clock.js';
import { uuidOf } from '../src/domain/ids.js';
import { startBoss } from '../src/jobs/boss.js';
import { queues } from '../src/jobs/queues.js';
import { type RunningWorker, startWorker } from '../src/jobs/worker.js';
import { createLogger } from '../src/logger.js';
import { createWithdrawalBlockerRegistry } from '../src/modules/identity/index.js';
import {
  deliverMail,
  devMailboxTransport,
  devSmsTransport,
  enqueueMail,
  systemHostResolver,
} from '../src/modules/notifications/index.js';
import { openStore } from '../src/runtime.js';
import { resolveSecret } from '../src/secret.js';
import {
  embeddedConfig,
  now,
  onScratch,
  postgresConfig,
  progress,
  type ResultRow,
  round,
  type Section,
  sleep,
  timed,
} from './support.js';

const MAILS = 500;
/** How long the real worker gets; past it the rate so far is reported (env: BENCH_OUTBOX_WAIT_S). */
const WORKER_WAIT_MS = Number(process.env.BENCH_OUTBOX_WAIT_S ?? 20) * 1000;
/** Bound on the handler-only pass that finishes what the worker left. */
const DIRECT_MAX_MS = 15_000;
const POLL_MS = 200;
/** Recipients in a reserved domain, so leftovers of an interrupted run are recognisable. */
const RECIPIENT_DOMAIN = 'bench.keiyaku.invalid';

async function countDelivered(db: Db, ids: string[]): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(inArray(outbox.id, ids), eq(outbox.status, 'delivered')));
  return row?.n ?? 0;
}

async function measureOn(target: string, config: Config): Promise<Section> {
  const store = await openStore(config, 'bench outbox');
  const logger = createLogger('silent');
  const ctx: AppContext = {
    config: { ...config, secret: resolveSecret(config) },
    clock: systemClock,
    withdrawalBlockers: createWithdrawalBlockerRegistry(),
    hostResolver: systemHostResolver,
    database: store.database,
    db: store.database.db,
    logger,
    mail: devMailboxTransport(),
    sms: devSmsTransport(),
  };
  const ids: string[] = [];
  let boss: PgBoss | null = null;
  let worker: RunningWorker | null = null;
  try {
    // Someone else's pending mail would be dispatched first (oldest first) and slow our numbers down.
    const [foreign] = await ctx.db
      .select({ n: count() })
      .from(outbox)
      .where(inArray(outbox.status, ['pending', 'dispatched']));
    const foreignPending = foreign?.n ?? 0;

    // One transaction per mail, as a business change that sends one mail would do.
    const enqueue = await timed(async () => {
      for (let i = 0; i < MAILS; i++) {
        const id = await ctx.db.transaction((tx) =>
          enqueueMail(tx, {
            template: 'smtp-test',
            locale: i % 2 === 0 ? 'ja' : 'en',
            to: `member-${i}@${RECIPIENT_DOMAIN}`,
            payload: { requestedBy: 'bench' },
            now: ctx.clock.now(),
          }),
        );
        ids.push(id);
      }
    });
    progress(`${target} outbox: queued ${MAILS} mails in ${Math.round(enqueue.ms)} ms`);

    // The same wiring as `startNode` for role all: supervised pg-boss, default worker intervals.
    const started = now();
    boss = await startBoss({ database: store.database, logger, supervise: true });
    worker = await startWorker(ctx, boss);
    const workerUp = now() - started;
    let delivered = 0;
    let firstMs: number | null = null;
    const deadline = started + WORKER_WAIT_MS;
    while (now() < deadline) {
      delivered = await countDelivered(ctx.db, ids);
      if (delivered > 0 && firstMs === null) firstMs = now() - started;
      if (delivered >= MAILS) break;
      await sleep(POLL_MS);
    }
    const workerMs = now() - started;
    await worker.stop();
    worker = null;
    delivered = await countDelivered(ctx.db, ids);
    const drained = delivered >= MAILS;
    const workerRate = (delivered / workerMs) * 1000;
    progress(
      `${target} outbox: worker delivered ${delivered}/${MAILS} in ${(workerMs / 1000).toFixed(1)} s${drained ? '' : ' (time limit)'}`,
    );

    // What the job's own work costs without pg-boss polling: deliver the rest by calling the handler's function.
    const left = await ctx.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(inArray(outbox.id, ids), ne(outbox.status, 'delivered')));
    let directCount = 0;
    const direct = await timed(async () => {
      const until = now() + DIRECT_MAX_MS;
      for (const row of left) {
        if (now() > until) break;
        await deliverMail(ctx.db, {
          outboxId: row.id,
          transport: ctx.mail,
          from: ctx.config.mailFrom,
          publicUrl: ctx.config.publicUrl,
          now: ctx.clock.now(),
          lastAttempt: false,
        });
        directCount++;
      }
    });

    // Our queued jobs must not outlive the run: a reused PostgreSQL database would work them next time.
    await boss.deleteJob(queues.deliverMail, ids.map(uuidOf));

    const rows: ResultRow[] = [
      {
        metric: `enqueue ${MAILS} mails (1 tx each)`,
        value: round((MAILS / enqueue.ms) * 1000),
        unit: 'mails/s',
        note: `${Math.round(enqueue.ms)} ms total, ${round(enqueue.ms / MAILS)} ms per mail`,
      },
      {
        metric: 'worker delivery (real pg-boss worker)',
        value: round(workerRate),
        unit: 'mails/s',
        note: drained
          ? `all ${MAILS} delivered in ${round(workerMs)} ms`
          : `only ${delivered}/${MAILS} in the ${Math.round(WORKER_WAIT_MS / 1000)} s limit; draining all would take ~${Math.round(MAILS / Math.max(workerRate, 0.001))} s`,
      },
      {
        metric: 'worker: time to all delivered',
        value: drained ? round(workerMs) : Number.NaN,
        unit: 'ms',
        note: drained ? 'from pg-boss start' : 'not reached within the limit',
      },
      {
        metric: 'worker: first mail delivered after',
        value: round(firstMs ?? Number.NaN),
        unit: 'ms',
        note: `pg-boss + worker start took ${Math.round(workerUp)} ms`,
      },
    ];
    if (directCount > 0) {
      rows.push({
        metric: 'deliverMail alone (no queue)',
        value: round((directCount / direct.ms) * 1000),
        unit: 'mails/s',
        note: `${directCount} mails the worker had not reached, ${round(direct.ms / directCount)} ms each: the handler's own cost`,
      });
    }
    return {
      benchmark: 'outbox mail',
      target,
      rows,
      details: {
        mails: MAILS,
        workerWaitLimitMs: WORKER_WAIT_MS,
        enqueueMs: enqueue.ms,
        workerStartMs: workerUp,
        workerElapsedMs: workerMs,
        deliveredByWorker: delivered,
        firstDeliveredMs: firstMs,
        directDelivered: directCount,
        directMs: direct.ms,
        pendingMailFromOthersBefore: foreignPending,
      },
    };
  } finally {
    await worker?.stop().catch(() => {});
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000, close: false }).catch(() => {});
    if (store.database.kind === 'postgres' && ids.length > 0) {
      // Leave the shared database as we found it.
      await ctx.db.delete(devMailbox).where(inArray(devMailbox.outboxId, ids));
      await ctx.db.delete(outbox).where(inArray(outbox.id, ids));
    }
    await store.close();
  }
}

/** On a new embedded data folder. */
export async function outboxEmbedded(): Promise<Section> {
  return onScratch('outbox', embeddedConfig, (config) => measureOn('pglite (disk)', config));
}

/** On PostgreSQL; the rows it writes are deleted afterwards. */
export async function outboxPostgres(url: string): Promise<Section> {
  return onScratch(
    'outbox-pg',
    (dir) => postgresConfig(url, dir),
    (config) => measureOn('postgres', config),
  );
}
