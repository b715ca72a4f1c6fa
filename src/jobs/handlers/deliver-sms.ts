// Job handler: delivers one outbox SMS (thin: the notifications module does the work).
import type PgBoss from 'pg-boss';
import type { AppContext } from '../../context.js';
import { deliverSms } from '../../modules/notifications/index.js';

export interface DeliverSmsJob {
  outboxId: string;
}

/** Handles a batch of SMS jobs; a thrown error makes pg-boss retry that job with backoff. */
export function deliverSmsHandler(ctx: AppContext) {
  return async (jobs: PgBoss.JobWithMetadata<DeliverSmsJob>[]): Promise<void> => {
    for (const job of jobs) {
      // Only ids and the provider's answer are logged: the text holds a sign-in code.
      const result = await deliverSms(ctx.db, {
        outboxId: job.data.outboxId,
        transport: ctx.sms,
        now: ctx.clock.now(),
        lastAttempt: job.retryCount >= job.retryLimit,
      }).catch((error: unknown) => {
        ctx.logger.warn(
          { outboxId: job.data.outboxId, retryCount: job.retryCount, err: error },
          'SMS delivery failed; will retry',
        );
        throw error;
      });
      if (result === 'failed')
        ctx.logger.warn({ outboxId: job.data.outboxId }, 'SMS refused by the provider');
      else ctx.logger.info({ outboxId: job.data.outboxId, result }, 'SMS delivery');
    }
  };
}
