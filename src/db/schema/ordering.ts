// Tables of the ordering module: carts and their items, orders, their lines, timeline, consents and number counters.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orderLineStatuses, orderStatuses } from '../../domain/orders.js';
import { isOneOf } from '../one-of.js';
import { catalogProducts } from './catalog.js';
import { members } from './identity.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A cart belongs to a member or to a guest's browser (the SHA-256 of a random cookie token), never both:
 * at sign-in a guest cart is merged into the member's. Prices are never stored: every read re-prices.
 */
export const carts = pgTable(
  'carts',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id').references(() => members.id, { onDelete: 'cascade' }),
    guestTokenHash: text('guest_token_hash'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('carts_member_unique').on(t.memberId),
    uniqueIndex('carts_guest_token_unique').on(t.guestTokenHash),
    check('carts_one_owner', sql`(${t.memberId} is null) <> (${t.guestTokenHash} is null)`),
  ],
);

/** What the customer chose for one product: the same shape the estimate simulator takes. */
export const cartItems = pgTable(
  'cart_items',
  {
    id: text('id').primaryKey(),
    cartId: text('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => catalogProducts.id),
    plan: text('plan').notNull(),
    term: text('term').notNull(),
    quantity: integer('quantity'),
    options: jsonb('options').$type<{ code: string; quantity?: number }[]>().notNull(),
    usage: jsonb('usage').$type<{ code: string; quantity: number }[]>().notNull(),
    /** A free trial of the product: the trial's plan, priced at ¥0 for the trial period. */
    trial: boolean('trial').notNull().default(false),
    addedAt: at('added_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('cart_items_cart_idx').on(t.cartId, t.addedAt)],
);

/** A contact as written on an order: prefilled from the profile, editable for this order only. */
export interface OrderContactRow {
  companyName: string | null;
  departmentName: string | null;
  name: string;
  nameKana: string | null;
  email: string;
  phone: string;
  postalCode: string | null;
  address: string | null;
}

/** The priced line exactly as confirmed: what the member saw on the confirmation page and agreed to pay. */
export interface OrderLinePricingRow {
  /** Each priced row of the estimate (plan, options, one-time fees, usage), as the engine gave it. */
  lines: {
    kind: string;
    code: string;
    labelJa: string;
    labelEn: string;
    quantity: number;
    unitPrice: number;
    amount: number;
    taxRate: number;
    recurring: boolean;
  }[];
  monthlyAmount: number | null;
  termAmount: number;
  oneTimeAmount: number;
}

// The lists and their labels are data in src/domain/orders.ts; the columns and CHECKs follow them.
export { orderStatuses };
export const orderLineStatusValues = orderLineStatuses;

/** Each calendar year's last order sequence: numbers are taken under a row lock and never reused. */
export const orderNumberCounters = pgTable('order_number_counters', {
  year: integer('year').primaryKey(),
  lastSequence: integer('last_sequence').notNull(),
});

/**
 * An order as placed. It is never cancelled (seed 001): its lines move through their own statuses and the
 * contract module cancels contracts. `(member_id, idempotency_key)` is unique, so a double click, a reload or
 * a retried request makes one order even on many nodes at once; `(member_id, checkout_quote)` is unique, so a
 * second request with another key cannot order the same checkout again.
 */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    idempotencyKey: text('idempotency_key').notNull(),
    /**
     * The quote token of the checkout this order was placed from. It digests the cart items' ids, which
     * placing deletes, so one checkout makes one order whatever keys the requests carry (null before it existed).
     */
    checkoutQuote: text('checkout_quote'),
    /** Derived from the lines, kept for lists: received, in progress, completed (all started) or rejected (all rejected). */
    status: text('status', { enum: orderStatuses }).notNull(),
    customerContact: jsonb('customer_contact').$type<OrderContactRow>().notNull(),
    billingContact: jsonb('billing_contact').$type<OrderContactRow>().notNull(),
    /** `card`, `bank_transfer`, `direct_debit`, `agency`, `wallet`; no money moves at order time. */
    paymentMethod: text('payment_method').notNull(),
    /** Per-rate totals of the whole order (tax rounded once per rate), as confirmed. */
    taxBreakdown: jsonb('tax_breakdown')
      .$type<{ rate: number; taxableAmount: number; taxAmount: number }[]>()
      .notNull(),
    subtotalAmount: bigint('subtotal_amount', { mode: 'bigint' }).notNull(),
    taxAmount: bigint('tax_amount', { mode: 'bigint' }).notNull(),
    totalAmount: bigint('total_amount', { mode: 'bigint' }).notNull(),
    /** The member's profile language when they ordered (as every mail to them): the receipt and later mails use it. */
    locale: text('locale').notNull(),
    placedAt: at('placed_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('orders_number_unique').on(t.number),
    uniqueIndex('orders_member_idempotency_key_unique').on(t.memberId, t.idempotencyKey),
    uniqueIndex('orders_member_checkout_quote_unique').on(t.memberId, t.checkoutQuote),
    index('orders_member_placed_idx').on(t.memberId, t.placedAt),
    check('orders_status_known', isOneOf(t.status, orderStatuses)),
  ],
);

/** One product ordered: its choice, price as confirmed, order fields, and where provisioning stands. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    position: integer('position').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => catalogProducts.id),
    providerId: text('provider_id').notNull(),
    /** Names as they were at order time, so the order reads the same after the catalog changes. */
    productNameJa: text('product_name_ja').notNull(),
    productNameEn: text('product_name_en').notNull(),
    plan: text('plan').notNull(),
    term: text('term').notNull(),
    quantity: integer('quantity').notNull(),
    options: jsonb('options').$type<{ code: string; quantity?: number }[]>().notNull(),
    /** A free trial of the product (one per member and product). */
    isTrial: boolean('is_trial').notNull().default(false),
    trialDays: integer('trial_days'),
    pricing: jsonb('pricing').$type<OrderLinePricingRow>().notNull(),
    /** The product's order fields as the member filled them in, by key. */
    orderFields: jsonb('order_fields').$type<Record<string, string>>().notNull(),
    status: text('status', { enum: orderLineStatusValues }).notNull(),
    rejectionReason: text('rejection_reason'),
    /** The service start date the provider or an operator gave (Asia/Tokyo business date). */
    serviceStartDate: date('service_start_date', { mode: 'string' }),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('order_lines_order_position_unique').on(t.orderId, t.position),
    index('order_lines_provider_status_idx').on(t.providerId, t.status),
    check('order_lines_status_known', isOneOf(t.status, orderLineStatuses)),
    check('order_lines_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/** The timeline of an order: placing it and every step of each line, with who, when and why. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    orderLineId: text('order_line_id').references(() => orderLines.id),
    /** `placed`, `line_status_changed`, `start_date_changed`, `provisioning_requested`. */
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** `member:…`, `operator:…`, `provider:…` or `system`. */
    actor: text('actor').notNull(),
    note: text('note'),
    at: at('at').notNull(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.at)],
);

/** Each consent given when placing an order, with the document version agreed to. */
export const orderConsents = pgTable(
  'order_consents',
  {
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    /** `store_terms`, `product_terms`, `option_terms`, `trial_conditions`, `provider_data_sharing`. */
    kind: text('kind').notNull(),
    documentKey: text('document_key').notNull(),
    documentVersion: text('document_version').notNull(),
    consentedAt: at('consented_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.documentKey] })],
);
