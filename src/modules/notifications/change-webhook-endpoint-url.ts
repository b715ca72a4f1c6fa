// Points an endpoint at a new URL and enables it again, keeping its signing secret; audited.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { webhookEndpoints } from '../../db/schema/notifications.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { parseWebhookEndpointUrl } from './webhook-endpoint-url.js';

export interface ChangeWebhookEndpointUrlInput {
  endpointId: string;
  url: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** Changes the URL in the caller's transaction; messages not yet delivered go to the new URL. */
export async function changeWebhookEndpointUrl(
  tx: DbOrTx,
  input: ChangeWebhookEndpointUrlInput,
): Promise<void> {
  const url = parseWebhookEndpointUrl(input.url);
  const [before] = await tx
    .select({ url: webhookEndpoints.url, disabledAt: webhookEndpoints.disabledAt })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, input.endpointId))
    .for('update');
  if (!before) throw new Error(`no webhook endpoint ${input.endpointId}`);
  if (before.url === url && before.disabledAt === null) return;
  await tx
    .update(webhookEndpoints)
    .set({ url, disabledAt: null, disabledReason: null })
    .where(eq(webhookEndpoints.id, input.endpointId));
  await recordAudit(tx, {
    actor: input.actor,
    action: 'webhook_endpoint.url_changed',
    targetType: 'webhook_endpoint',
    targetId: input.endpointId,
    before: { url: before.url, disabled: before.disabledAt !== null },
    after: { url, disabled: false },
    at: input.now,
  });
}
