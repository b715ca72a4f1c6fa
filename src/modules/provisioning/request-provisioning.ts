// Creates the provisioning requests of a new order, in the order's transaction: one per line of a provider other than the store.
import { eq, inArray } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { catalogProducts, catalogProviders } from '../../db/schema/catalog.js';
import { orderConsents, orderEvents, orderLines, orders } from '../../db/schema/ordering.js';
import { provisioningRequests } from '../../db/schema/provisioning.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
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
  const [order] = await tx.select().from(orders).where(eq(orders.id, input.orderId));
  if (!order) throw new Error(`no order ${input.orderId}`);
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  if (lines.length === 0) return [];
  const providers = new Map(
    (
      await tx
        .select()
        .from(catalogProviders)
        .where(inArray(catalogProviders.id, [...new Set(lines.map((l) => l.providerId))]))
    ).map((p) => [p.id, p]),
  );
  const slugs = new Map(
    (
      await tx
        .select({ id: catalogProducts.id, slug: catalogProducts.slug })
        .from(catalogProducts)
        .where(inArray(catalogProducts.id, [...new Set(lines.map((l) => l.productId))]))
    ).map((p) => [p.id, p.slug]),
  );
  // What each provider may receive is what the member agreed to for it on this order, not the provider's
  // setting now: the consent's version is the list of fields the member saw.
  const consents = await tx
    .select({
      kind: orderConsents.kind,
      documentKey: orderConsents.documentKey,
      documentVersion: orderConsents.documentVersion,
    })
    .from(orderConsents)
    .where(eq(orderConsents.orderId, order.id));
  const created: string[] = [];
  for (const line of [...lines].sort((a, b) => a.position - b.position)) {
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
    await tx.insert(orderEvents).values({
      id: newId('orderEvent'),
      orderId: order.id,
      orderLineId: line.id,
      kind: 'provisioning_requested',
      actor: 'system',
      note: [sent.webhookMessageId ? 'webhook' : null, sent.mailOutboxIds.length ? 'mail' : null]
        .filter(Boolean)
        .join('+'),
      at: toDate(input.now),
    });
    created.push(id);
  }
  return created;
}
