// Sets the internal ranges an operator allows an endpoint to reach (a provider on the same network); audited.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { webhookEndpoints } from '../../db/schema/notifications.js';
import { type Actor, recordAudit } from '../audit/index.js';

export interface ChangeWebhookEndpointNetworksInput {
  endpointId: string;
  /** CIDR ranges (validated by the caller's schema); an empty list allows public addresses only. */
  allowedPrivateNetworks: string[];
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Replaces the allowed networks in the caller's transaction. The URL is not resolved here: every delivery
 * checks its addresses against the list as it is then, so a narrower list takes effect at the next attempt.
 */
export async function changeWebhookEndpointNetworks(
  tx: DbOrTx,
  input: ChangeWebhookEndpointNetworksInput,
): Promise<void> {
  const [before] = await tx
    .select({ allowedPrivateNetworks: webhookEndpoints.allowedPrivateNetworks })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, input.endpointId))
    .for('update');
  if (!before) throw new Error(`no webhook endpoint ${input.endpointId}`);
  const after = input.allowedPrivateNetworks;
  if (before.allowedPrivateNetworks.join('\n') === after.join('\n')) return;
  await tx
    .update(webhookEndpoints)
    .set({ allowedPrivateNetworks: after })
    .where(eq(webhookEndpoints.id, input.endpointId));
  await recordAudit(tx, {
    actor: input.actor,
    action: 'webhook_endpoint.networks_changed',
    targetType: 'webhook_endpoint',
    targetId: input.endpointId,
    before: { allowedPrivateNetworks: before.allowedPrivateNetworks },
    after: { allowedPrivateNetworks: after },
    at: input.now,
  });
}
