// Stops sending to an endpoint (an operator removed the provider's webhook); audited.
import { and, eq, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { webhookEndpoints } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';

export interface DisableWebhookEndpointInput {
  endpointId: string;
  reason: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** Marks the endpoint disabled in the caller's transaction; messages for it then fail without a request. */
export async function disableWebhookEndpoint(tx: DbOrTx, input: DisableWebhookEndpointInput): Promise<void> {
  const updated = await tx
    .update(webhookEndpoints)
    .set({ disabledAt: toDate(input.now), disabledReason: input.reason })
    .where(and(eq(webhookEndpoints.id, input.endpointId), isNull(webhookEndpoints.disabledAt)))
    .returning({ id: webhookEndpoints.id });
  if (updated.length === 0) return;
  await recordAudit(tx, {
    actor: input.actor,
    action: 'webhook_endpoint.disabled',
    targetType: 'webhook_endpoint',
    targetId: input.endpointId,
    reason: input.reason,
    at: input.now,
  });
}
