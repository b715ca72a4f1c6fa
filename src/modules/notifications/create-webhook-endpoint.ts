// Registers a webhook endpoint with a new signing secret; the secret is shown once, to the caller.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { webhookEndpoints } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { sealSecret } from '../../domain/sealed-secret.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { newWebhookSecret } from './webhook-signing.js';
import { assertWebhookTargetAllowed, type ResolvedWebhookTarget } from './webhook-target.js';

export interface CreateWebhookEndpointInput {
  /** The URL with its host resolved before the transaction (`resolveWebhookTarget`). */
  target: ResolvedWebhookTarget;
  /** Internal ranges the operator allows for this endpoint (CIDRs); none by default. */
  allowedPrivateNetworks?: string[];
  description: string;
  /** `webhookSecretKey(config.secret)`. */
  sealingKey: Buffer;
  actor: Actor;
  now: Temporal.Instant;
}

export interface CreatedWebhookEndpoint {
  id: string;
  url: string;
  /** `whsec_…`: give it to the receiver now; it is stored sealed and never shown again. */
  secret: string;
}

/** Creates the endpoint (audited without the secret) in the caller's transaction; an internal target is refused. */
export async function createWebhookEndpoint(
  tx: DbOrTx,
  input: CreateWebhookEndpointInput,
): Promise<CreatedWebhookEndpoint> {
  const allowedPrivateNetworks = input.allowedPrivateNetworks ?? [];
  assertWebhookTargetAllowed(input.target, allowedPrivateNetworks);
  const url = input.target.url;
  const id = newId('webhookEndpoint');
  const secret = newWebhookSecret();
  await tx.insert(webhookEndpoints).values({
    id,
    url,
    description: input.description,
    sealedSecret: sealSecret(input.sealingKey, id, secret),
    allowedPrivateNetworks,
    createdAt: toDate(input.now),
  });
  await recordAudit(tx, {
    actor: input.actor,
    action: 'webhook_endpoint.created',
    targetType: 'webhook_endpoint',
    targetId: id,
    after: { url, description: input.description, allowedPrivateNetworks },
    at: input.now,
  });
  return { id, url, secret };
}
