// Creates the provisioning requests of a new order, in the order's transaction: one per line of a provider other than the store.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { provisioningRequests } from '../../db/schema/provisioning.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { findProductSlugs, findProviders } from '../catalog/index.js';
import { addTimelineEntry, getOrderForProvisioning } from '../ordering/index.js';
import { consentedContactFields, provisioningPayload } from './provisioning-payload.js';
import { sendProvisioningRequest } from './send-provisioning-request.js';

export interface RequestProvisioningInput {
  orderId: string;
  now: Temporal.Instant;
}

/**
 * Hands each provider's lines to the provider: stores the request with exactly what is sent (the contact
 * fields are those of the order's `provider_data_sharing` consent for that provider, none without one), queues the
 * `provisioning.requested` webhook and the provider's mails, and writes the `provisioning_requested`
 * timeline entry. A line of the store itself waits for an operator and gets no request.
 */
export async function requestProvisioning(tx: DbOrTx, input: RequestProvisioningInput): Promise<string[]> {
  // What each provider may receive is what the member agreed to for it on this order, not the provider's
  // setting now: the consent's version is the list of fields the member saw.
  const { order, lines, consents } = await getOrderForProvisioning(tx, input.orderId);
  if (lines.length === 0) return [];
  const providers = await findProviders(
    tx,
    lines.map((l) => l.providerId),
  );
  const slugs = await findProductSlugs(
    tx,
    lines.map((l) => l.productId),
  );
  const created: string[] = [];
  for (const line of lines) {
    const provider = providers.get(line.providerId);
    if (!provider || provider.isStore) continue;
    const id = newId('provisioningRequest');
    const payload = provisioningPayload({
      orderNumber: order.number,
      placedAt: order.placedAt,
      customerContact: order.customerContact,
      line,
      productSlug: slugs.get(line.productId) ?? null,
      sharedContactFields: consentedContactFields(consents, provider.slug),
    });
    const sent = await sendProvisioningRequest(tx, { requestId: id, payload, provider, now: input.now });
    await tx.insert(provisioningRequests).values({
      id,
      orderId: order.id,
      orderLineId: line.id,
      providerId: provider.id,
      payload,
      webhookMessageId: sent.webhookMessageId,
      mailOutboxIds: sent.mailOutboxIds,
      createdAt: toDate(input.now),
      lastSentAt: toDate(input.now),
    });
    await addTimelineEntry(tx, {
      orderId: order.id,
      orderLineId: line.id,
      kind: 'provisioning_requested',
      actor: 'system',
      note: [sent.webhookMessageId ? 'webhook' : null, sent.mailOutboxIds.length ? 'mail' : null]
        .filter(Boolean)
        .join('+'),
      now: input.now,
    });
    created.push(id);
  }
  return created;
}
