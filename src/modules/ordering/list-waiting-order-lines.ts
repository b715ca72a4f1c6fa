// Reads the order lines still waiting for their start (received or preparing), oldest order first, for the provisioning queue.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orderLines, orders } from '../../db/schema/ordering.js';
import type { OrderLineRow, OrderRow } from './order-line-step.js';

/** Every waiting line with its order (of one provider when given), by order time, number and position. */
export async function listWaitingOrderLines(
  db: DbOrTx,
  input: { providerId?: string },
): Promise<{ line: OrderLineRow; order: OrderRow }[]> {
  return db
    .select({ line: orderLines, order: orders })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(
      and(
        inArray(orderLines.status, ['received', 'preparing']),
        input.providerId ? eq(orderLines.providerId, input.providerId) : undefined,
      ),
    )
    .orderBy(asc(orders.placedAt), asc(orders.number), asc(orderLines.position));
}
