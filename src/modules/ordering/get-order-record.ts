// One order as operators see it: the order, its member, lines, timeline and consents.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orderConsents, orderEvents, orderLines, orders } from '../../db/schema/ordering.js';
import { findMemberContacts } from '../identity/index.js';
import { orderingErrors } from './ordering-errors.js';

export interface OrderRecord {
  order: typeof orders.$inferSelect;
  member: { id: string; loginId: string; name: string; companyName: string | null; email: string };
  lines: (typeof orderLines.$inferSelect)[];
  timeline: (typeof orderEvents.$inferSelect)[];
  consents: (typeof orderConsents.$inferSelect)[];
}

/** The order or `order_not_found` (404). */
export async function getOrderRecord(db: DbOrTx, orderId: string): Promise<OrderRecord> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  const member = order ? (await findMemberContacts(db, [order.memberId])).get(order.memberId) : undefined;
  if (!order || !member) throw orderingErrors.orderNotFound();
  const [lines, timeline, consents] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position)),
    db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, orderId))
      .orderBy(asc(orderEvents.at), asc(orderEvents.id)),
    db
      .select()
      .from(orderConsents)
      .where(eq(orderConsents.orderId, orderId))
      .orderBy(asc(orderConsents.documentKey)),
  ]);
  const m = member;
  return {
    order,
    member: { id: m.id, loginId: m.loginId, name: m.name, companyName: m.companyName, email: m.email },
    lines,
    timeline,
    consents,
  };
}
