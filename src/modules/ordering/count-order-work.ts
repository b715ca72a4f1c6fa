// Counts the order work waiting for an operator: orders nobody has touched yet and lines waiting for their start.
import { count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orderLines, orders } from '../../db/schema/ordering.js';

export interface OrderWork {
  /** Orders still `received`: none of their lines has moved. */
  newOrders: number;
  /** Lines `received` or `preparing`: what the provisioning queue lists. */
  linesWaiting: number;
}

/** The numbers behind the console home's order and provisioning counts. */
export async function countOrderWork(db: DbOrTx): Promise<OrderWork> {
  const [placed] = await db.select({ n: count() }).from(orders).where(eq(orders.status, 'received'));
  const [waiting] = await db
    .select({ n: count() })
    .from(orderLines)
    .where(inArray(orderLines.status, ['received', 'preparing']));
  return { newOrders: placed?.n ?? 0, linesWaiting: waiting?.n ?? 0 };
}
