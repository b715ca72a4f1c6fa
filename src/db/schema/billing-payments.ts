// Tables of payments recorded by operators: the method and received date of each `payment` ledger entry, and its flag.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { invoices, receivableEntries } from './billing-invoices.js';
import { members } from './identity.js';

/**
 * One payment an operator recorded (until payments arrive from providers): the ledger keeps the money,
 * this row keeps how it came and whether it came for an invoice that was already paid (seed 004's double
 * transfer), so the console can list those until someone refunds or applies the credit.
 */
export const invoicePayments = pgTable(
  'invoice_payments',
  {
    /** The `payment` entry in `receivable_entries`. */
    entryId: text('entry_id')
      .primaryKey()
      .references(() => receivableEntries.id),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    method: text('method', {
      enum: ['bank_transfer', 'card', 'direct_debit', 'agency', 'convenience_store', 'cash', 'other'],
    }).notNull(),
    /** `already_paid`: the invoice owed nothing when this arrived; otherwise null. */
    flag: text('flag', { enum: ['already_paid'] }),
    /** What the invoice still owed just before this payment (0 or less when flagged). */
    openBefore: bigint('open_before', { mode: 'bigint' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('invoice_payments_invoice_idx').on(t.invoiceId),
    index('invoice_payments_flagged_idx').on(t.recordedAt).where(sql`${t.flag} is not null`),
    check('invoice_payments_amount_positive', sql`${t.amount} > 0`),
    check(
      'invoice_payments_method_known',
      sql`${t.method} in ('bank_transfer', 'card', 'direct_debit', 'agency', 'convenience_store', 'cash', 'other')`,
    ),
    check('invoice_payments_flag_known', sql`${t.flag} is null or ${t.flag} = 'already_paid'`),
  ],
);
