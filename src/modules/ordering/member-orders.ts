// The member's own orders for My Page: a paginated list, newest first, and one order with lines, consents and timeline.
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  type OrderContactRow,
  type OrderLinePricingRow,
  orderConsents,
  orderEvents,
  orderLines,
  orders,
} from '../../db/schema/ordering.js';
import type { OrderLineStatus } from '../../domain/orders.js';
import type { OrderStatus } from './order-status.js';
import { orderingErrors } from './ordering-errors.js';

export interface OrderSummary {
  id: string;
  number: string;
  status: OrderStatus;
  placedAt: Date;
  totalAmount: number;
  products: { ja: string; en: string }[];
}

export interface OrderLineDetail {
  id: string;
  position: number;
  productId: string;
  providerId: string;
  productName: { ja: string; en: string };
  plan: string;
  term: string;
  quantity: number;
  options: { code: string; quantity?: number }[];
  isTrial: boolean;
  trialDays: number | null;
  pricing: OrderLinePricingRow;
  orderFields: Record<string, string>;
  status: OrderLineStatus;
  rejectionReason: string | null;
  serviceStartDate: string | null;
}

export interface OrderDetail {
  id: string;
  number: string;
  memberId: string;
  status: OrderStatus;
  placedAt: Date;
  locale: string;
  paymentMethod: string | null;
  customerContact: OrderContactRow;
  billingContact: OrderContactRow;
  taxBreakdown: { rate: number; taxableAmount: number; taxAmount: number }[];
  subtotalAmount: number;
  taxAmount: number;
  totalAmount: number;
  lines: OrderLineDetail[];
  consents: { kind: string; documentKey: string; documentVersion: string; consentedAt: Date }[];
  timeline: {
    id: string;
    kind: string;
    orderLineId: string | null;
    fromStatus: string | null;
    toStatus: string | null;
    actor: string;
    note: string | null;
    at: Date;
  }[];
}

/** `none` is stored for an order that needs no payment method (a trial-only order). */
export const NO_PAYMENT_METHOD = 'none';

/** The member's orders, newest first; `page` counts from 1. */
export async function listMemberOrders(
  db: DbOrTx,
  input: { memberId: string; page: number; pageSize: number },
): Promise<{ orders: OrderSummary[]; total: number }> {
  const [counted] = await db.select({ n: count() }).from(orders).where(eq(orders.memberId, input.memberId));
  const rows = await db
    .select()
    .from(orders)
    .where(eq(orders.memberId, input.memberId))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const lines = rows.length
    ? await db
        .select({
          orderId: orderLines.orderId,
          ja: orderLines.productNameJa,
          en: orderLines.productNameEn,
        })
        .from(orderLines)
        .where(
          inArray(
            orderLines.orderId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(orderLines.orderId), asc(orderLines.position))
    : [];
  return {
    total: counted?.n ?? 0,
    orders: rows.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      placedAt: row.placedAt,
      totalAmount: Number(row.totalAmount),
      products: lines.filter((l) => l.orderId === row.id).map((l) => ({ ja: l.ja, en: l.en })),
    })),
  };
}

/** One order with everything under it; `memberId` null reads any member's (operators, flows). */
export async function getOrderDetail(
  db: DbOrTx,
  input: { orderId: string; memberId: string | null },
): Promise<OrderDetail> {
  const [row] = await db
    .select()
    .from(orders)
    .where(
      input.memberId === null
        ? eq(orders.id, input.orderId)
        : and(eq(orders.id, input.orderId), eq(orders.memberId, input.memberId)),
    );
  // Another member's order answers exactly like an unknown one.
  if (!row) throw orderingErrors.orderNotFound();
  const lines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, row.id))
    .orderBy(asc(orderLines.position));
  const consents = await db
    .select()
    .from(orderConsents)
    .where(eq(orderConsents.orderId, row.id))
    .orderBy(asc(orderConsents.documentKey));
  const events = await db
    .select()
    .from(orderEvents)
    .where(eq(orderEvents.orderId, row.id))
    .orderBy(asc(orderEvents.at), asc(orderEvents.id));
  return {
    id: row.id,
    number: row.number,
    memberId: row.memberId,
    status: row.status,
    placedAt: row.placedAt,
    locale: row.locale,
    paymentMethod: row.paymentMethod === NO_PAYMENT_METHOD ? null : row.paymentMethod,
    customerContact: row.customerContact,
    billingContact: row.billingContact,
    taxBreakdown: row.taxBreakdown,
    subtotalAmount: Number(row.subtotalAmount),
    taxAmount: Number(row.taxAmount),
    totalAmount: Number(row.totalAmount),
    lines: lines.map((line) => ({
      id: line.id,
      position: line.position,
      productId: line.productId,
      providerId: line.providerId,
      productName: { ja: line.productNameJa, en: line.productNameEn },
      plan: line.plan,
      term: line.term,
      quantity: line.quantity,
      options: line.options,
      isTrial: line.isTrial,
      trialDays: line.trialDays,
      pricing: line.pricing,
      orderFields: line.orderFields,
      status: line.status,
      rejectionReason: line.rejectionReason,
      serviceStartDate: line.serviceStartDate,
    })),
    consents: consents.map((c) => ({
      kind: c.kind,
      documentKey: c.documentKey,
      documentVersion: c.documentVersion,
      consentedAt: c.consentedAt,
    })),
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      orderLineId: e.orderLineId,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: e.actor,
      note: e.note,
      at: e.at,
    })),
  };
}

/** The id and number of the member's order placed from the checkout with this quote token, or null. */
export async function findOrderByCheckoutQuote(
  db: DbOrTx,
  input: { memberId: string; quote: string },
): Promise<{ id: string; number: string } | null> {
  const [row] = await db
    .select({ id: orders.id, number: orders.number })
    .from(orders)
    .where(and(eq(orders.memberId, input.memberId), eq(orders.checkoutQuote, input.quote)));
  return row ?? null;
}

/** The member's order made with this Idempotency-Key, if any. */
export async function findOrderByIdempotencyKey(
  db: DbOrTx,
  input: { memberId: string; idempotencyKey: string },
): Promise<string | null> {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.memberId, input.memberId), eq(orders.idempotencyKey, input.idempotencyKey)));
  return row?.id ?? null;
}
