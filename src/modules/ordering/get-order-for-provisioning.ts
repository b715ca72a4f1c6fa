// Reads what handing an order to its providers needs: the order's number, time and contact, its lines in order, its consents.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { type OrderContactRow, orderConsents, orderLines, orders } from '../../db/schema/ordering.js';
import type { OrderLineRow } from './order-line-step.js';

export interface OrderForProvisioning {
  order: { id: string; number: string; placedAt: Date; customerContact: OrderContactRow };
  /** First line first. */
  lines: OrderLineRow[];
  consents: { kind: string; documentKey: string; documentVersion: string }[];
}

/** The order (in the caller's transaction, so a new order is seen); an unknown id throws: the caller just wrote it. */
export async function getOrderForProvisioning(db: DbOrTx, orderId: string): Promise<OrderForProvisioning> {
  const [order] = await db
    .select({
      id: orders.id,
      number: orders.number,
      placedAt: orders.placedAt,
      customerContact: orders.customerContact,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) throw new Error(`no order ${orderId}`);
  const lines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.position));
  const consents = await db
    .select({
      kind: orderConsents.kind,
      documentKey: orderConsents.documentKey,
      documentVersion: orderConsents.documentVersion,
    })
    .from(orderConsents)
    .where(eq(orderConsents.orderId, order.id));
  return { order, lines, consents };
}
