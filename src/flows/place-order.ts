// Places the member's order from the checkout in one transaction: re-price, compare the quote, number, write, mail, event, audit.
import type { Temporal } from 'temporal-polyfill';
import type { Db, DbOrTx } from '../db/client.js';
import type { PaymentMethodKey } from '../domain/catalog.js';
import { type TermKey, termLabel } from '../domain/catalog.js';
import { STORE_TIME_ZONE } from '../domain/clock.js';
import type { Estimate } from '../domain/estimate.js';
import { taxRates } from '../domain/tax.js';
import { type Actor, recordAudit } from '../modules/audit/index.js';
import { redeemTrial } from '../modules/catalog/index.js';
import { recordDomainEvent } from '../modules/events/index.js';
import { enqueueMail } from '../modules/notifications/index.js';
import {
  allocateOrderNumber,
  assertQuoteUnchanged,
  type CheckoutInput,
  createOrder,
  findOrderByCheckoutQuote,
  findOrderByIdempotencyKey,
  getOrderDetail,
  lockCheckout,
  NO_PAYMENT_METHOD,
  type OrderDetail,
  type OrderLinePricingRow,
  orderingErrors,
  paymentMethodLabels,
  validateCheckoutInput,
} from '../modules/ordering/index.js';
import { requestProvisioning } from '../modules/provisioning/index.js';
import { getStoreSettings } from '../modules/store/index.js';
import { buildCheckout } from './build-checkout.js';

export interface PlaceOrderInput {
  memberId: string;
  idempotencyKey: string;
  checkout: CheckoutInput;
  /** The token `POST /api/mypage/checkout/confirm` returned. */
  quote: string;
  actor: Actor;
  now: Temporal.Instant;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as Error & { code?: unknown }).code === '23505') return true;
  }
  return false;
}

function pricingOf(estimate: Estimate): OrderLinePricingRow {
  return {
    lines: estimate.lines.map((line) => ({
      kind: line.kind,
      code: line.code,
      labelJa: line.name.ja,
      labelEn: line.name.en,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
      taxRate: taxRates[line.taxRate].percent,
      recurring: line.charge !== 'one_time',
    })),
    monthlyAmount: estimate.perMonth.exact ? estimate.perMonth.subtotal : null,
    termAmount: estimate.perTerm.subtotal,
    oneTimeAmount: estimate.oneTime.subtotal,
  };
}

/**
 * Places the order and returns it with `created: false` when this member already placed one with this
 * Idempotency-Key (a retry, a double click, a concurrent twin): the unique index
 * `(member_id, idempotency_key)` is the guarantee, whatever the middleware in front did. A request with
 * another key for a checkout already ordered is `checkout_already_ordered` (409, with the `orderNumber`):
 * the member's cart is locked for the placement, and `(member_id, checkout_quote)` is unique besides. Refuses
 * with the checkout's problems (422, 409 `trial_already_used`, `checkout_cart_empty`) and
 * `order_quote_changed` (409) when anything priced or chosen differs from the confirmation; then nothing is
 * written.
 */
export async function placeOrder(
  db: Db,
  input: PlaceOrderInput,
): Promise<{ order: OrderDetail; created: boolean }> {
  const existing = await findOrderByIdempotencyKey(db, input);
  if (existing)
    return {
      order: await getOrderDetail(db, { orderId: existing, memberId: input.memberId }),
      created: false,
    };
  let placed: { orderId: string; created: boolean };
  try {
    placed = await db.transaction(async (tx) => placeIn(tx, input));
  } catch (error) {
    if (isUniqueViolation(error)) {
      const twin = await findOrderByIdempotencyKey(db, input);
      if (twin)
        return {
          order: await getOrderDetail(db, { orderId: twin, memberId: input.memberId }),
          created: false,
        };
      const ordered = await findOrderByCheckoutQuote(db, input);
      if (ordered) throw orderingErrors.checkoutAlreadyOrdered(ordered.number);
    }
    throw error;
  }
  return {
    order: await getOrderDetail(db, { orderId: placed.orderId, memberId: input.memberId }),
    created: placed.created,
  };
}

async function placeIn(tx: DbOrTx, input: PlaceOrderInput): Promise<{ orderId: string; created: boolean }> {
  const { now, memberId } = input;
  // The cart row lock puts a member's placements (and cart changes) in a line: a second request for the same
  // checkout waits here until the first commits, then reads the order it made rather than the cart it emptied.
  // The member row's lock makes a concurrent withdrawal either wait for this order or refuse it here.
  const { memberStatus, cartId } = await lockCheckout(tx, memberId);
  // Withdrawn or rejected: the membership ended while this request was on its way.
  if (memberStatus === 'withdrawn' || memberStatus === 'rejected') throw orderingErrors.memberNotActive();
  // A twin with this key that held the lock first made the order: this request is its retry.
  const twin = await findOrderByIdempotencyKey(tx, input);
  if (twin) return { orderId: twin, created: false };
  const ordered = await findOrderByCheckoutQuote(tx, { memberId, quote: input.quote });
  if (ordered) throw orderingErrors.checkoutAlreadyOrdered(ordered.number);
  const checkout = await buildCheckout(tx, { memberId, now });
  // A trial taken since the confirmation is named as such; any other change is named by the quote, before
  // the input is checked against what changed (a revised document would otherwise read as a bad field).
  const used = checkout.lines.find((line) => line.trialUsed);
  if (used) throw orderingErrors.trialAlreadyUsed(used.product.definition.name);
  assertQuoteUnchanged(checkout, input.quote);
  const chosen = validateCheckoutInput(checkout, input.checkout);
  const totals = checkout.totals!;
  const settings = await getStoreSettings(tx);
  const { number } = await allocateOrderNumber(tx, { format: settings.orderNumberFormat, now });
  const firstTerm = totals.firstTerm;

  const consentKinds = new Map(checkout.consents.map((c) => [c.documentKey, c.kind]));
  const { orderId, lineIds } = await createOrder(tx, {
    number,
    memberId,
    idempotencyKey: input.idempotencyKey,
    checkoutQuote: input.quote,
    customerContact: chosen.customerContact,
    billingContact: chosen.billingContact,
    paymentMethod: chosen.paymentMethod ?? NO_PAYMENT_METHOD,
    taxBreakdown: firstTerm.groups.map((g) => ({
      rate: g.percent,
      taxableAmount: g.taxableAmount,
      taxAmount: g.tax,
    })),
    subtotal: firstTerm.subtotal,
    tax: firstTerm.tax,
    total: firstTerm.total,
    locale: checkout.locale,
    lines: checkout.lines.map((line) => ({
      productId: line.product.id,
      providerId: line.product.provider.id,
      productName: line.product.definition.name,
      plan: line.estimate.plan,
      term: line.estimate.term,
      quantity: line.estimate.quantity,
      options: line.item.options,
      trialDays: line.trial?.days ?? null,
      pricing: pricingOf(line.estimate),
      orderFields: chosen.orderFields[line.itemId] ?? {},
    })),
    consents: chosen.consents.map((c) => ({
      kind: consentKinds.get(c.documentKey)!,
      documentKey: c.documentKey,
      documentVersion: c.version,
    })),
    cart: { cartId, itemIds: checkout.lines.map((line) => line.itemId) },
    now,
  });
  for (const line of checkout.lines) {
    if (!line.trial) continue;
    const taken = await redeemTrial(tx, { memberId, productId: line.product.id, orderId, now });
    // A concurrent order (another key) took the trial first: this transaction rolls back whole.
    if (!taken) throw orderingErrors.trialAlreadyUsed(line.product.definition.name);
  }

  const placedAt = now.toZonedDateTimeISO(STORE_TIME_ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  await enqueueMail(tx, {
    template: 'order-receipt',
    locale: checkout.locale,
    to: chosen.customerContact.email,
    now,
    payload: {
      name: chosen.customerContact.name,
      orderNumber: number,
      placedAt: `${placedAt.toPlainDate().toString()} ${pad(placedAt.hour)}:${pad(placedAt.minute)}`,
      lines: checkout.lines.map((line) => {
        const plan = line.product.definition.plans.find((p) => p.code === line.estimate.plan)!;
        return {
          product: line.product.definition.name,
          plan: plan.name,
          term: {
            ja: termLabel(line.estimate.term as TermKey, 'ja'),
            en: termLabel(line.estimate.term as TermKey, 'en'),
          },
          quantity: line.estimate.quantity,
          trialDays: line.trial?.days ?? null,
          rows: line.estimate.lines.map((row) => ({
            name: row.name,
            kind: row.kind,
            quantity: row.quantity,
            amount: row.amount,
            percent: taxRates[row.taxRate].percent,
            reduced: taxRates[row.taxRate].reduced,
          })),
          subtotal: line.estimate.firstTerm.subtotal,
        };
      }),
      taxGroups: firstTerm.groups.map((g) => ({
        percent: g.percent,
        reduced: g.reduced,
        taxableAmount: g.taxableAmount,
        tax: g.tax,
      })),
      subtotal: firstTerm.subtotal,
      tax: firstTerm.tax,
      total: firstTerm.total,
      paymentMethod: chosen.paymentMethod
        ? paymentMethodLabels[chosen.paymentMethod as PaymentMethodKey]
        : null,
    },
  });

  await recordDomainEvent(tx, {
    type: 'order.placed',
    subjectId: orderId,
    at: now,
    payload: {
      orderId,
      orderNumber: number,
      memberId,
      paymentMethod: chosen.paymentMethod,
      placedAt: now.toString(),
      lines: checkout.lines.map((line, i) => ({
        orderLineId: lineIds[i]!,
        productId: line.product.id,
        providerId: line.product.provider.id,
        plan: line.estimate.plan,
        term: line.estimate.term,
        quantity: line.estimate.quantity,
        options: line.item.options,
        isTrial: line.trial !== null,
        trialDays: line.trial?.days ?? null,
      })),
    },
  });
  // Each provider's lines go to the provider in this transaction: the hand-off exists exactly when the order does.
  await requestProvisioning(tx, { orderId, now });
  await recordAudit(tx, {
    actor: input.actor,
    action: 'order.placed',
    targetType: 'order',
    targetId: orderId,
    after: {
      number,
      lines: checkout.lines.length,
      total: firstTerm.total,
      paymentMethod: chosen.paymentMethod,
      quote: input.quote,
    },
    at: now,
  });
  return { orderId, created: true };
}
