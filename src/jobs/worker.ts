// The worker: consumes the job queues and runs the outbox dispatcher and the periodic sweeps until told to stop.
import type PgBoss from 'pg-boss';
import type { AppContext } from '../context.js';
import { dispatchOutbox, dispatchWebhooks } from '../modules/notifications/index.js';
import { type DeliverMailJob, deliverMailHandler } from './handlers/deliver-mail.js';
import { type DeliverSmsJob, deliverSmsHandler } from './handlers/deliver-sms.js';
import { type DeliverWebhookJob, deliverWebhookHandler } from './handlers/deliver-webhook.js';
import { consumeQueue, type JobBatchHandler, type QueueConsumer } from './queue-consumer.js';
import { queues } from './queues.js';
import { sweeps } from './sweeps.js';

export interface RunningWorker {
  /** Runs one dispatch pass (mail and webhooks) now (tests use it instead of waiting for the next tick). */
  dispatchNow(): Promise<number>;
  /** Queues the periodic sweeps now (tests use it after moving the clock instead of waiting for the timer). */
  sweepNow(): Promise<void>;
  /**
   * Stops the timers, waits for a dispatch or sweep request in progress, then stops every queue
   * consumer: handlers in flight finish within `graceMs` or their jobs go back to the queue.
   * Afterwards nothing of the worker touches the database.
   */
  stop(graceMs?: number): Promise<void>;
}

export interface StartWorkerOptions {
  dispatchIntervalMs?: number;
  pollingIntervalSeconds?: number;
  /** How often the registered sweeps are queued; ten minutes by default. */
  sweepIntervalMs?: number;
}

/** How long a stop waits for a running job before handing it back to the queue. */
export const DEFAULT_STOP_GRACE_MS = 30_000;

/** Starts handling jobs on this process. */
export async function startWorker(
  ctx: AppContext,
  boss: PgBoss,
  options: StartWorkerOptions = {},
): Promise<RunningWorker> {
  const pollingIntervalMs = (options.pollingIntervalSeconds ?? 1) * 1000;
  const consumers: QueueConsumer[] = [];
  const consume = <T>(queue: string, handler: JobBatchHandler<T>): QueueConsumer => {
    // After each batch the consumer looks again at once, so delivery is not capped at one job per interval.
    const consumer = consumeQueue<T>(boss, queue, { batchSize: 1, pollingIntervalMs }, handler, ctx.logger);
    consumers.push(consumer);
    return consumer;
  };

  const mail = consume<DeliverMailJob>(queues.deliverMail, deliverMailHandler(ctx));
  const sms = consume<DeliverSmsJob>(queues.deliverSms, deliverSmsHandler(ctx));
  const webhooks = consume<DeliverWebhookJob>(queues.deliverWebhook, deliverWebhookHandler(ctx));
  // One queue per registered sweep, each run with the clock's now when its job is handled.
  const sweepers = sweeps.map((registered) =>
    consume<object>(registered.name, async () => {
      await registered.run(ctx, ctx.clock.now());
    }),
  );

  const dispatchAll = async (): Promise<number> => {
    const now = ctx.clock.now();
    const mails = await dispatchOutbox(ctx.db, {
      now,
      enqueue: async (outboxId, channel, jobKey) => {
        const queue = channel === 'sms' ? queues.deliverSms : queues.deliverMail;
        await boss.send(queue, { outboxId } satisfies DeliverMailJob | DeliverSmsJob, {
          id: jobKey,
        });
      },
    });
    if (mails > 0) {
      mail.notify();
      sms.notify();
    }
    const sent = await dispatchWebhooks(ctx.db, {
      now,
      enqueue: async (messageId, jobKey) => {
        await boss.send(queues.deliverWebhook, { messageId } satisfies DeliverWebhookJob, {
          id: jobKey,
        });
      },
    });
    if (sent > 0) webhooks.notify();
    return mails + sent;
  };

  // Dispatches and sweep requests run one after another on one chain, so a stop waits for exactly one tail.
  let chain: Promise<unknown> = Promise.resolve();
  const enqueueOnChain = <R>(step: () => Promise<R>, fallback: R, failure: string): Promise<R> => {
    const next = chain.then(() =>
      step().catch((error: unknown) => {
        ctx.logger.error({ err: error }, failure);
        return fallback;
      }),
    );
    chain = next;
    return next;
  };
  const dispatch = (): Promise<number> => enqueueOnChain(dispatchAll, 0, 'outbox dispatch failed');
  // The sweep decides what is due from the clock; the timer only says "look again". The queue's
  // `stately` policy drops a request while one is already waiting, so several nodes add no backlog.
  const sweep = (): Promise<void> =>
    enqueueOnChain(
      async () => {
        for (const registered of sweeps) await boss.send(registered.name, {});
        for (const sweeper of sweepers) sweeper.notify();
      },
      undefined,
      'queueing the sweeps failed',
    );

  const timer = setInterval(() => void dispatch(), options.dispatchIntervalMs ?? 1000);
  const sweepTimer = setInterval(() => void sweep(), options.sweepIntervalMs ?? 10 * 60_000);

  let stopping: Promise<void> | null = null;
  return {
    dispatchNow: dispatch,
    sweepNow: sweep,
    stop(graceMs = DEFAULT_STOP_GRACE_MS) {
      stopping ??= (async () => {
        clearInterval(timer);
        clearInterval(sweepTimer);
        await chain;
        await Promise.all(consumers.map((consumer) => consumer.stop(graceMs)));
      })();
      return stopping;
    },
  };
}
