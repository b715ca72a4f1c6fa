// Job handler: delivers one webhook message (thin: the notifications module does the work).
import type PgBoss from 'pg-boss';
import type { AppContext } from '../../context.js';
import { deliverWebhook, webhookSecretKey } from '../../modules/notifications/index.js';

export interface DeliverWebhookJob {
  messageId: string;
}

/** Handles a batch of webhook jobs; a thrown error makes pg-boss retry that job with backoff. */
export function deliverWebhookHandler(ctx: AppContext) {
  let sealingKey: Buffer | undefined;
  return async (jobs: PgBoss.JobWithMetadata<DeliverWebhookJob>[]): Promise<void> => {
    // Derived on first use: the secret is resolved before any job runs, not before the worker is built.
    sealingKey ??= webhookSecretKey(ctx.config.secret);
    for (const job of jobs) {
      const result = await deliverWebhook(ctx.db, {
        messageId: job.data.messageId,
        sealingKey,
        now: ctx.clock.now(),
        lastAttempt: job.retryCount >= job.retryLimit,
        resolver: ctx.hostResolver,
      }).catch((error: unknown) => {
        ctx.logger.warn(
          { messageId: job.data.messageId, retryCount: job.retryCount, err: error },
          'webhook delivery failed; will retry',
        );
        throw error;
      });
      ctx.logger.info({ messageId: job.data.messageId, result }, 'webhook delivery');
    }
  };
}
