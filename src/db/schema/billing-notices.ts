// Table of the billing mails sent per invoice: one row per invoice and kind, so a sweep run twice mails once.
import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { invoices } from './billing-invoices.js';

/** `issued`: the invoice-issued mail; `due_reminder`: the reminder before the due date. */
export const invoiceNotices = pgTable(
  'invoice_notices',
  {
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    kind: text('kind', { enum: ['issued', 'due_reminder'] }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.invoiceId, t.kind] }),
    check('invoice_notices_kind_known', sql`${t.kind} in ('issued', 'due_reminder')`),
  ],
);
