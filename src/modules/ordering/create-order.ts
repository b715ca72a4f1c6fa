// Writes a new order: the order, its lines, its consents and the "placed" timeline entry, and takes the ordered items out of the cart.
import { and, eq, inArray } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import {
  cartItems,
  type OrderContactRow,
  type OrderLinePricingRow,
  orderConsents,
  orderEvents,
  orderLines,
  orders,
} from '../../db/schema/ordering.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Yen, yenToDb } from '../../domain/money.js';

/** One line as ordered: what was chosen, priced as confirmed, with the names the catalog gave it then. */
export interface NewOrderLine {
  productId: string;
  providerId: string;
  productName: { ja: string; en: string };
  plan: string;
  term: string;
  quantity: number;
  options: { code: string; quantity?: number }[];
  /** The trial's days for a free trial line, null otherwise. */
  trialDays: number | null;
  pricing: OrderLinePricingRow;
  orderFields: Record<string, string>;
}

export interface CreateOrderInput {
  /** The order's number, allocated by `allocateOrderNumber` in the same transaction. */
  number: string;
  memberId: string;
  idempotencyKey: string;
  /** The checkout's quote token the order was placed with (null for an order written without a checkout). */
  checkoutQuote: string | null;
  customerContact: OrderContactRow;
  billingContact: OrderContactRow;
  paymentMethod: string;
  taxBreakdown: { rate: number; taxableAmount: number; taxAmount: number }[];
  subtotal: Yen;
  tax: Yen;
  total: Yen;
  locale: string;
  lines: readonly NewOrderLine[];
  consents: readonly { kind: string; documentKey: string; documentVersion: string }[];
  /** The cart items this order was priced from, deleted with it; every one must still be there. */
  cart: { cartId: string | null; itemIds: readonly string[] } | null;
  now: Temporal.Instant;
}

/**
 * Inserts the order in the caller's transaction (lines numbered from 1 in the given order) and returns its
 * ids, lines in order. The caller holds the cart lock: if the cart lost an item it priced, this throws and
 * the order must not exist.
 */
export async function createOrder(
  tx: DbOrTx,
  input: CreateOrderInput,
): Promise<{ orderId: string; lineIds: string[] }> {
  const orderId = newId('order');
  const at = toDate(input.now);
  await tx.insert(orders).values({
    id: orderId,
    number: input.number,
    memberId: input.memberId,
    idempotencyKey: input.idempotencyKey,
    checkoutQuote: input.checkoutQuote,
    status: 'received',
    customerContact: input.customerContact,
    billingContact: input.billingContact,
    paymentMethod: input.paymentMethod,
    taxBreakdown: input.taxBreakdown,
    subtotalAmount: yenToDb(input.subtotal),
    taxAmount: yenToDb(input.tax),
    totalAmount: yenToDb(input.total),
    locale: input.locale,
    placedAt: at,
    updatedAt: at,
  });

  const lineIds: string[] = [];
  for (const [position, line] of input.lines.entries()) {
    const lineId = newId('orderLine');
    lineIds.push(lineId);
    await tx.insert(orderLines).values({
      id: lineId,
      orderId,
      position: position + 1,
      productId: line.productId,
      providerId: line.providerId,
      productNameJa: line.productName.ja,
      productNameEn: line.productName.en,
      plan: line.plan,
      term: line.term,
      quantity: line.quantity,
      options: line.options,
      isTrial: line.trialDays !== null,
      trialDays: line.trialDays,
      pricing: line.pricing,
      orderFields: line.orderFields,
      status: 'received',
      updatedAt: at,
    });
  }

  if (input.consents.length > 0) {
    await tx.insert(orderConsents).values(input.consents.map((c) => ({ orderId, ...c, consentedAt: at })));
  }
  await tx.insert(orderEvents).values({
    id: newId('orderEvent'),
    orderId,
    orderLineId: null,
    kind: 'placed',
    fromStatus: null,
    toStatus: 'received',
    actor: `member:${input.memberId}`,
    note: null,
    at,
  });
  if (input.cart) await takeOutOfCart(tx, input.cart.cartId, input.cart.itemIds);
  return { orderId, lineIds };
}

async function takeOutOfCart(tx: DbOrTx, cartId: string | null, itemIds: readonly string[]): Promise<void> {
  const deleted = await tx
    .delete(cartItems)
    .where(and(eq(cartItems.cartId, cartId ?? ''), inArray(cartItems.id, [...itemIds])))
    .returning({ id: cartItems.id });
  // Under the cart lock nothing else can take these items; if something did, this order must not exist.
  if (deleted.length !== itemIds.length) {
    throw new Error(`placing took ${deleted.length} of the ${itemIds.length} cart items it priced`);
  }
}
