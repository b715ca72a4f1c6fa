// Tables of billing's charges: usage, one-time and adjustment amounts waiting for the close, which bills each on one invoice line once.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { invoices } from './billing-invoices.js';
import { members } from './identity.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const yenColumn = (name: string) => bigint(name, { mode: 'bigint' });

export const billingChargeKinds = ['usage', 'one_time', 'adjustment'] as const;

/**
 * A charge the next close bills: usage a provider reported, a one-time fee (early termination), or an
 * operator's adjustment (negative: a credit line). The close that bills it sets `invoice_id` and
 * `invoice_position` in the statement that writes the line, once (`where invoice_id is null`, unique line).
 * `(source, idempotency_key)` is unique: a provider's replayed record or a replayed event makes no second charge.
 */
export const billingCharges = pgTable(
  'billing_charges',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: billingChargeKinds }).notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    /** The contract it belongs to (ids only: the contracts module owns that table); null for a member-wide adjustment. */
    contractId: text('contract_id'),
    contractNumber: text('contract_number'),
    code: text('code').notNull(),
    descriptionJa: text('description_ja').notNull(),
    descriptionEn: text('description_en').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: yenColumn('unit_price').notNull(),
    /** Tax-exclusive yen; negative for a credit. */
    amount: yenColumn('amount').notNull(),
    taxPercent: integer('tax_percent').notNull(),
    /** The days the charge is for (usage), or the transaction date twice (one-time, adjustment). */
    serviceFrom: date('service_from', { mode: 'string' }).notNull(),
    serviceThrough: date('service_through', { mode: 'string' }).notNull(),
    /** Who the idempotency key belongs to: `provider:<id>`, `operator`, `event`. */
    source: text('source').notNull(),
    idempotencyKey: text('idempotency_key'),
    /** A digest of the record as first sent: a replay with another body is refused. */
    requestHash: text('request_hash'),
    reason: text('reason'),
    createdByKind: text('created_by_kind').notNull(),
    createdById: text('created_by_id'),
    createdAt: at('created_at').notNull(),
    invoiceId: text('invoice_id').references(() => invoices.id),
    invoicePosition: integer('invoice_position'),
  },
  (t) => [
    uniqueIndex('billing_charges_source_key_unique')
      .on(t.source, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    uniqueIndex('billing_charges_invoice_line_unique').on(t.invoiceId, t.invoicePosition),
    // The close's read: a member range's charges not yet billed.
    index('billing_charges_pending_idx').on(t.memberId).where(sql`${t.invoiceId} is null`),
    check('billing_charges_kind_known', sql`${t.kind} in ('usage', 'one_time', 'adjustment')`),
    check('billing_charges_tax_percent_known', sql`${t.taxPercent} in (10, 8)`),
    check('billing_charges_service_order', sql`${t.serviceFrom} <= ${t.serviceThrough}`),
    check('billing_charges_quantity_non_negative', sql`${t.quantity} >= 0`),
    check('billing_charges_billed_whole', sql`(${t.invoiceId} is null) = (${t.invoicePosition} is null)`),
  ],
);
