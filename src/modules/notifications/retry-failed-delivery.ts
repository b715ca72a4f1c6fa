// An operator sends a failed mail, SMS or webhook message again: the same row goes back to pending, audited.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { outbox, webhookEndpoints, webhookMessages } from '../../db/schema/notifications.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { deliveryErrors } from './delivery-errors.js';
import { maskAddressesIn } from './mask-recipient.js';

export interface RetryFailedDeliveryInput {
  kind: 'message' | 'webhook';
  id: string;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Puts a failed row back to `pending`, keeping its Message-ID or webhook id so a receiver that did get an
 * earlier try recognises the repeat. The row is locked and must still be `failed`, so two clicks send once
 * (the second hears `delivery_retry_not_needed`). The dispatcher then queues it under a new job key
 * (the id with its attempt count), since the old job's key is spent.
 */
export async function retryFailedDelivery(db: Db, input: RetryFailedDeliveryInput): Promise<void> {
  await db.transaction(async (tx) => {
    if (input.kind === 'message') {
      const [row] = await tx.select().from(outbox).where(eq(outbox.id, input.id)).for('update');
      if (!row) throw deliveryErrors.notFound();
      if (row.status !== 'failed') throw deliveryErrors.retryNotNeeded();
      await tx.update(outbox).set({ status: 'pending', dispatchedAt: null }).where(eq(outbox.id, row.id));
      await recordAudit(tx, {
        actor: input.actor,
        action: 'delivery.retried',
        targetType: row.channel === 'sms' ? 'outbox_sms' : 'outbox_mail',
        targetId: row.id,
        before: {
          status: 'failed',
          attempts: row.attempts,
          lastError: row.lastError && maskAddressesIn(row.lastError),
        },
        after: { status: 'pending' },
        at: input.now,
      });
      return;
    }
    const [row] = await tx
      .select()
      .from(webhookMessages)
      .where(eq(webhookMessages.id, input.id))
      .for('update');
    if (!row) throw deliveryErrors.notFound();
    if (row.status !== 'failed') throw deliveryErrors.retryNotNeeded();
    const [endpoint] = await tx
      .select({ disabledAt: webhookEndpoints.disabledAt })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, row.endpointId));
    if (endpoint?.disabledAt) throw deliveryErrors.endpointDisabled();
    await tx
      .update(webhookMessages)
      .set({ status: 'pending', dispatchedAt: null })
      .where(eq(webhookMessages.id, row.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'delivery.retried',
      targetType: 'webhook_message',
      targetId: row.id,
      before: { status: 'failed', attempts: row.attempts, lastStatusCode: row.lastStatusCode },
      after: { status: 'pending' },
      at: input.now,
    });
  });
}
