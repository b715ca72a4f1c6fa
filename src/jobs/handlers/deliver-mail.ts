// Job handler: delivers one outbox mail (thin: the notifications module does the work).
import type PgBoss from 'pg-boss';
import type { AppContext } from '../../context.js';
import { deliverMail } from '../../modules/notifications/index.js';

export interface DeliverMailJob {
  outboxId: string;
}

/** Handles a batch of mail jobs; a thrown error makes pg-boss retry that job with backoff. */
export function deliverMailHandler(ctx: AppContext) {
  return async (jobs: PgBoss.JobWithMetadata<DeliverMailJob>[]): Promise<void> => {
    for (const job of jobs) {
      const result = await deliverMail(ctx.db, {
        outboxId: job.data.outboxId,
        transport: ctx.mail,
        from: ctx.config.mailFrom,
        publicUrl: ctx.config.publicUrl,
        now: ctx.clock.now(),
        lastAttempt: job.retryCount >= job.retryLimit,
      }).catch((error: unknown) => {
        ctx.logger.warn(
          { outboxId: job.data.outboxId, retryCount: job.retryCount, err: error },
          'mail delivery failed; will retry',
        );
        throw error;
      });
      ctx.logger.info({ outboxId: job.data.outboxId, result }, 'mail delivery');
    }
  };
}
