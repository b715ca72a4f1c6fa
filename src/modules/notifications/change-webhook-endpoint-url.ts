// Points an endpoint at a new URL (or changes its allowed networks) and enables it again, keeping its signing secret; audited.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { webhookEndpoints } from '../../db/schema/notifications.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { assertWebhookTargetAllowed, type ResolvedWebhookTarget } from './webhook-target.js';

export interface ChangeWebhookEndpointUrlInput {
  endpointId: string;
  /** The URL with its host resolved before the transaction (`resolveWebhookTarget`). */
  target: ResolvedWebhookTarget;
  /** New allowed internal ranges (CIDRs); absent keeps the endpoint's. */
  allowedPrivateNetworks?: string[] | undefined;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Changes the URL in the caller's transaction; messages not yet delivered go to the new URL. The target is
 * checked against the allowed networks as they are after the change.
 */
export async function changeWebhookEndpointUrl(
  tx: DbOrTx,
  input: ChangeWebhookEndpointUrlInput,
): Promise<void> {
  const url = input.target.url;
  const [before] = await tx
    .select({
      url: webhookEndpoints.url,
      disabledAt: webhookEndpoints.disabledAt,
      allowedPrivateNetworks: webhookEndpoints.allowedPrivateNetworks,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, input.endpointId))
    .for('update');
  if (!before) throw new Error(`no webhook endpoint ${input.endpointId}`);
  const allowedPrivateNetworks = input.allowedPrivateNetworks ?? before.allowedPrivateNetworks;
  assertWebhookTargetAllowed(input.target, allowedPrivateNetworks);
  const networksChanged = !sameList(before.allowedPrivateNetworks, allowedPrivateNetworks);
  if (before.url === url && before.disabledAt === null && !networksChanged) return;
  await tx
    .update(webhookEndpoints)
    .set({ url, disabledAt: null, disabledReason: null, allowedPrivateNetworks })
    .where(eq(webhookEndpoints.id, input.endpointId));
  await recordAudit(tx, {
    actor: input.actor,
    action:
      before.url === url && before.disabledAt === null
        ? 'webhook_endpoint.networks_changed'
        : 'webhook_endpoint.url_changed',
    targetType: 'webhook_endpoint',
    targetId: input.endpointId,
    before: {
      url: before.url,
      disabled: before.disabledAt !== null,
      allowedPrivateNetworks: before.allowedPrivateNetworks,
    },
    after: { url, disabled: false, allowedPrivateNetworks },
    at: input.now,
  });
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
