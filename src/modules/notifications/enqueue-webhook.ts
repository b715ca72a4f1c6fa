// Writes one webhook message in the caller's transaction; the worker signs and delivers it.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { webhookMessages } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';

export interface EnqueueWebhookInput {
  endpointId: string;
  /** Dotted event name, e.g. `order.placed`. */
  eventType: string;
  data: Record<string, unknown>;
  now: Temporal.Instant;
}

/**
 * Queues the message and returns its id (the `webhook-id` header). The body follows the specification's
 * recommended envelope `{ type, timestamp, data }` and is fixed now, so every attempt signs the same bytes.
 */
export async function enqueueWebhook(tx: DbOrTx, input: EnqueueWebhookInput): Promise<string> {
  const id = newId('webhookMessage');
  const body = JSON.stringify({ type: input.eventType, timestamp: input.now.toString(), data: input.data });
  await tx.insert(webhookMessages).values({
    id,
    endpointId: input.endpointId,
    eventType: input.eventType,
    body,
    createdAt: toDate(input.now),
  });
  return id;
}
