// What every step of an order line shares: the locked line and order, the timeline entry, the order's derived status, date checks.
import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { orderEvents, orderLines, orders } from '../../db/schema/ordering.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { parsePlainDate } from '../../domain/dates.js';
import { newId } from '../../domain/ids.js';
import type { Actor } from '../audit/index.js';
import { findProviders } from '../catalog/index.js';
import { loadBusinessCalendar } from '../store/index.js';
import { orderLineErrors } from './order-line-errors.js';
import { deriveOrderStatus } from './order-status.js';

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;

/** Who moves a line: an operator in the console or a provider's system through its API key. */
export interface OrderLineStepInput {
  orderLineId: string;
  /** Set for the provider API: a line of another provider is `order_line_not_found`, as if it did not exist. */
  providerId?: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** The line and its order, locked for the step; not found (or another provider's) is 404. */
export async function lockOrderLine(
  tx: DbOrTx,
  input: Pick<OrderLineStepInput, 'orderLineId' | 'providerId'>,
): Promise<{ line: OrderLineRow; order: OrderRow; providerName: { ja: string; en: string } }> {
  const [line] = await tx.select().from(orderLines).where(eq(orderLines.id, input.orderLineId)).for('update');
  if (!line || (input.providerId !== undefined && line.providerId !== input.providerId)) {
    throw orderLineErrors.notFound();
  }
  const [order] = await tx.select().from(orders).where(eq(orders.id, line.orderId)).for('update');
  const provider = (await findProviders(tx, [line.providerId])).get(line.providerId);
  return {
    line,
    order: order!,
    providerName: provider
      ? { ja: provider.nameJa, en: provider.nameEn }
      : { ja: line.providerId, en: line.providerId },
  };
}

/** `operator:opr_…`, `provider:prv_…`: the timeline's way of naming who did it. */
export function timelineActor(actor: Actor): string {
  return actor.id ? `${actor.kind}:${actor.id}` : actor.kind;
}

export interface TimelineEntry {
  orderId: string;
  orderLineId: string;
  kind: 'line_status_changed' | 'start_date_changed' | 'provisioning_requested';
  fromStatus?: string | null;
  toStatus?: string | null;
  actor: string;
  note?: string | null;
  now: Temporal.Instant;
}

/** Appends one entry to the order's timeline. */
export async function addTimelineEntry(tx: DbOrTx, entry: TimelineEntry): Promise<void> {
  await tx.insert(orderEvents).values({
    id: newId('orderEvent'),
    orderId: entry.orderId,
    orderLineId: entry.orderLineId,
    kind: entry.kind,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    actor: entry.actor,
    note: entry.note ?? null,
    at: toDate(entry.now),
  });
}

/** Re-derives and stores the order's status after a line moved. */
export async function refreshOrderStatus(tx: DbOrTx, orderId: string, now: Temporal.Instant): Promise<void> {
  const lines = await tx
    .select({ status: orderLines.status })
    .from(orderLines)
    .where(and(eq(orderLines.orderId, orderId)));
  await tx
    .update(orders)
    .set({ status: deriveOrderStatus(lines.map((l) => l.status)), updatedAt: toDate(now) })
    .where(eq(orders.id, orderId));
}

/**
 * A service start date as given: a real `YYYY-MM-DD`, a business day of the store's calendar, not before
 * the order date (Asia/Tokyo).
 */
export async function checkServiceStartDate(
  tx: DbOrTx,
  value: string,
  order: OrderRow,
): Promise<Temporal.PlainDate> {
  const date = parsePlainDate(value);
  const orderDate = businessDateAt(Temporal.Instant.fromEpochMilliseconds(order.placedAt.getTime()));
  if (Temporal.PlainDate.compare(date, orderDate) < 0) {
    throw orderLineErrors.startDateBeforeOrder(date.toString(), orderDate.toString());
  }
  const calendar = await loadBusinessCalendar(tx);
  if (!calendar.isBusinessDay(date)) throw orderLineErrors.startDateNotBusinessDay(date.toString());
  return date;
}

/** The member's language for mails about the order: their profile's language when they ordered, kept on the order. */
export function orderLocale(order: OrderRow): 'ja' | 'en' {
  return order.locale === 'en' ? 'en' : 'ja';
}
