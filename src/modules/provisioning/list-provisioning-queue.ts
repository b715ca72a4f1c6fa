// The operators' provisioning queue: order lines not yet started or rejected, oldest first, with their provider and hand-off.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { provisioningRequests } from '../../db/schema/provisioning.js';
import type { OrderLineStatus } from '../../domain/orders.js';
import { findProviders } from '../catalog/index.js';
import { listWaitingOrderLines, type OrderLinePricingRow } from '../ordering/index.js';
import { loadProvisioningRequestViews, type ProvisioningRequestView } from './provisioning-request-view.js';

export interface ProvisioningQueueItem {
  orderId: string;
  orderNumber: string;
  memberId: string;
  placedAt: Date;
  orderLineId: string;
  productName: { ja: string; en: string };
  plan: string;
  /** The plan as it was named when ordered (from the line's priced rows). */
  planName: { ja: string; en: string };
  term: string;
  quantity: number;
  isTrial: boolean;
  lineStatus: OrderLineStatus;
  provider: { id: string; slug: string; nameJa: string; nameEn: string; isStore: boolean };
  /** Null for the store's own products: an operator starts them. */
  request: Pick<ProvisioningRequestView, 'id' | 'delivery'> | null;
}

export interface ListProvisioningQueueInput {
  providerId?: string;
  limit: number;
  offset: number;
}

function planNameOf(pricing: OrderLinePricingRow, plan: string): { ja: string; en: string } {
  const row = pricing.lines.find((priced) => priced.kind === 'plan' && priced.code === plan);
  return row ? { ja: row.labelJa, en: row.labelEn } : { ja: plan, en: plan };
}

/** Lines waiting (received or preparing), oldest order first; the total is for paging. */
export async function listProvisioningQueue(
  db: DbOrTx,
  input: ListProvisioningQueueInput,
): Promise<{ items: ProvisioningQueueItem[]; total: number }> {
  const waiting = await listWaitingOrderLines(db, { providerId: input.providerId });
  const providers = await findProviders(
    db,
    waiting.map((r) => r.line.providerId),
  );
  // Every line's provider exists (a foreign key): this only narrows the type.
  const rows = waiting.flatMap((r) => {
    const provider = providers.get(r.line.providerId);
    return provider ? [{ ...r, provider }] : [];
  });
  const page = rows.slice(input.offset, input.offset + input.limit);
  const lineIds = page.map((r) => r.line.id);
  const requests = lineIds.length
    ? await loadProvisioningRequestViews(db, inArray(provisioningRequests.orderLineId, lineIds))
    : [];
  const byLine = new Map(requests.map((r) => [r.orderLineId, r]));
  return {
    total: rows.length,
    items: page.map(({ line, order, provider }) => {
      const request = byLine.get(line.id);
      return {
        orderId: order.id,
        orderNumber: order.number,
        memberId: order.memberId,
        placedAt: order.placedAt,
        orderLineId: line.id,
        productName: { ja: line.productNameJa, en: line.productNameEn },
        plan: line.plan,
        planName: planNameOf(line.pricing, line.plan),
        term: line.term,
        quantity: line.quantity,
        isTrial: line.isTrial,
        lineStatus: line.status,
        provider: {
          id: provider.id,
          slug: provider.slug,
          nameJa: provider.nameJa,
          nameEn: provider.nameEn,
          isStore: provider.isStore,
        },
        request: request ? { id: request.id, delivery: request.delivery } : null,
      };
    }),
  };
}
