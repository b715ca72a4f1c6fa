// Gives an endpoint a new signing secret, shown once to the caller; audited without the secret.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { webhookEndpoints } from '../../db/schema/notifications.js';
import { sealSecret } from '../../domain/sealed-secret.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { newWebhookSecret } from './webhook-signing.js';

export interface RotateWebhookSecretInput {
  endpointId: string;
  /** `webhookSecretKey(config.secret)`. */
  sealingKey: Buffer;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Replaces the secret and returns the new `whsec_…`. Each attempt is signed when it is made, so messages
 * still waiting are signed with the new secret: the receiver switches keys once, not per message.
 */
export async function rotateWebhookSecret(tx: DbOrTx, input: RotateWebhookSecretInput): Promise<string> {
  const secret = newWebhookSecret();
  const updated = await tx
    .update(webhookEndpoints)
    .set({ sealedSecret: sealSecret(input.sealingKey, input.endpointId, secret) })
    .where(eq(webhookEndpoints.id, input.endpointId))
    .returning({ id: webhookEndpoints.id });
  if (updated.length === 0) throw new Error(`no webhook endpoint ${input.endpointId}`);
  await recordAudit(tx, {
    actor: input.actor,
    action: 'webhook_endpoint.secret_rotated',
    targetType: 'webhook_endpoint',
    targetId: input.endpointId,
    at: input.now,
  });
  return secret;
}
