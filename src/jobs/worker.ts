// The worker: registers job handlers and runs the outbox dispatcher and the periodic sweeps until told to stop.
import type PgBoss from 'pg-boss';
import type { AppContext } from '../context.js';
import { uuidOf } from '../domain/ids.js';
import { dispatchOutbox, dispatchWebhooks } from '../modules/notifications/index.js';
import { type DeliverMailJob, deliverMailHandler } from './handlers/deliver-mail.js';
import { type DeliverSmsJob, deliverSmsHandler } from './handlers/deliver-sms.js';
import { type DeliverWebhookJob, deliverWebhookHandler } from './handlers/deliver-webhook.js';
import { queues } from './queues.js';
import { sweeps } from './sweeps.js';

export interface RunningWorker {
  /** Runs one dispatch pass (mail and webhooks) now (tests use it instead of waiting for the next tick). */
  dispatchNow(): Promise<number>;
  /** Queues the periodic sweeps now (tests use it after moving the clock instead of waiting for the timer). */
  sweepNow(): Promise<void>;
  /** Stops polling; pg-boss's own graceful stop waits for jobs in flight. */
  stop(): Promise<void>;
}

export interface StartWorkerOptions {
  dispatchIntervalMs?: number;
  pollingIntervalSeconds?: number;
  /** How often the sweeps (src/jobs/sweeps.ts) are queued; ten minutes by default. */
  sweepIntervalMs?: number;
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
  const deliverSms = deliverSmsHandler(ctx);
  const smsWorkerId: string = await boss.work<DeliverSmsJob>(
    queues.deliverSms,
    { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
    async (jobs) => {
      await deliverSms(jobs);
      boss.notifyWorker(smsWorkerId);
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
      enqueue: async (outboxId, channel) => {
        const queue = channel === 'sms' ? queues.deliverSms : queues.deliverMail;
        await boss.send(queue, { outboxId } satisfies DeliverMailJob | DeliverSmsJob, {
          id: uuidOf(outboxId),
        });
      },
    });
    if (mails > 0) {
      boss.notifyWorker(mailWorkerId);
      boss.notifyWorker(smsWorkerId);
    }
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

  // One queue per registered sweep, each run with the clock's now when its job is handled.
  const sweepWorkerIds: string[] = [];
  for (const registered of sweeps) {
    sweepWorkerIds.push(
      await boss.work(
        registered.name,
        { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async () => {
          await registered.run(ctx, ctx.clock.now());
        },
      ),
    );
  }
  // The sweep decides what is due from the clock; the timer only says "look again". The queue's
  // `stately` policy drops a request while one is already waiting, so several nodes add no backlog.
  const sweep = async (): Promise<void> => {
    for (const registered of sweeps) await boss.send(registered.name, {});
    for (const id of sweepWorkerIds) boss.notifyWorker(id);
  };
  const sweepTimer = setInterval(
    () =>
      void sweep().catch((error: unknown) => ctx.logger.error({ err: error }, 'queueing the sweeps failed')),
    options.sweepIntervalMs ?? 10 * 60_000,
  );

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
    sweepNow: sweep,
    async stop() {
      clearInterval(timer);
      clearInterval(sweepTimer);
      await running;
      await boss.offWork(queues.deliverMail);
      await boss.offWork(queues.deliverWebhook);
      await boss.offWork(queues.deliverSms);
      for (const registered of sweeps) await boss.offWork(registered.name);
    },
  };
}
