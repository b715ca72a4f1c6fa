// The worker: registers job handlers and runs the outbox dispatcher until told to stop.
import type PgBoss from 'pg-boss';
import type { AppContext } from '../context.js';
import { uuidOf } from '../domain/ids.js';
import { dispatchOutbox, dispatchWebhooks } from '../modules/notifications/index.js';
import { type DeliverMailJob, deliverMailHandler } from './handlers/deliver-mail.js';
import { type DeliverWebhookJob, deliverWebhookHandler } from './handlers/deliver-webhook.js';
import { queues } from './queues.js';

export interface RunningWorker {
  /** Runs one dispatch pass (mail and webhooks) now (tests use it instead of waiting for the next tick). */
  dispatchNow(): Promise<number>;
  /** Stops polling; pg-boss's own graceful stop waits for jobs in flight. */
  stop(): Promise<void>;
}

export interface StartWorkerOptions {
  dispatchIntervalMs?: number;
  pollingIntervalSeconds?: number;
}

/** Starts handling jobs on this process. */
export async function startWorker(
  ctx: AppContext,
  boss: PgBoss,
  options: StartWorkerOptions = {},
): Promise<RunningWorker> {
  const deliver = deliverMailHandler(ctx);
  // pg-boss 10 sleeps out the polling interval after every fetch unless notified, which would cap
  // delivery at one mail per interval: after a job is handled, and after a dispatch, ask for more now.
  const mailWorkerId: string = await boss.work<DeliverMailJob>(
    queues.deliverMail,
    { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
    async (jobs) => {
      await deliver(jobs);
      boss.notifyWorker(mailWorkerId);
    },
  );

  const deliverWebhooks = deliverWebhookHandler(ctx);
  const webhookWorkerId: string = await boss.work<DeliverWebhookJob>(
    queues.deliverWebhook,
    { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
    async (jobs) => {
      await deliverWebhooks(jobs);
      boss.notifyWorker(webhookWorkerId);
    },
  );

  const dispatchAll = async (): Promise<number> => {
    const now = ctx.clock.now();
    const mails = await dispatchOutbox(ctx.db, {
      now,
      enqueue: async (outboxId) => {
        await boss.send(queues.deliverMail, { outboxId } satisfies DeliverMailJob, { id: uuidOf(outboxId) });
      },
    });
    if (mails > 0) boss.notifyWorker(mailWorkerId);
    const webhooks = await dispatchWebhooks(ctx.db, {
      now,
      enqueue: async (messageId) => {
        await boss.send(queues.deliverWebhook, { messageId } satisfies DeliverWebhookJob, {
          id: uuidOf(messageId),
        });
      },
    });
    if (webhooks > 0) boss.notifyWorker(webhookWorkerId);
    return mails + webhooks;
  };

  let running: Promise<number> = Promise.resolve(0);
  const dispatch = (): Promise<number> => {
    running = running.then(() =>
      dispatchAll().catch((error: unknown) => {
        ctx.logger.error({ err: error }, 'outbox dispatch failed');
        return 0;
      }),
    );
    return running;
  };
  const timer = setInterval(() => void dispatch(), options.dispatchIntervalMs ?? 1000);

  return {
    dispatchNow: dispatch,
    async stop() {
      clearInterval(timer);
      await running;
      await boss.offWork(queues.deliverMail);
      await boss.offWork(queues.deliverWebhook);
    },
  };
}
