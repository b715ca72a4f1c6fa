// Tables of billing's documents: credit notes (適格返還請求書) and the stored, never regenerated PDFs of issued invoices and credit notes.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { invoices } from './billing-invoices.js';
import { members } from './identity.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const yenColumn = (name: string) => bigint(name, { mode: 'bigint' });

/** Raw bytes (PDFs): node-postgres answers a Buffer, PGlite a Uint8Array; both are read as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Each year's last credit-note sequence (`CN{YYYY}-{SEQ:7}`), locked while a credit note is numbered. */
export const creditNoteNumberCounters = pgTable('credit_note_number_counters', {
  year: integer('year').primaryKey(),
  lastSequence: integer('last_sequence').notNull(),
});

/**
 * A credit note (適格返還請求書): what is returned of one issued invoice, with the original sale's period,
 * the returned amount and its tax per rate (rounded once per rate per document). Never edited.
 */
export const creditNotes = pgTable(
  'credit_notes',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    /** The original sale: the invoice's issue date and billed period. */
    originalIssueDate: date('original_issue_date', { mode: 'string' }).notNull(),
    originalPeriodFrom: date('original_period_from', { mode: 'string' }).notNull(),
    originalPeriodThrough: date('original_period_through', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    issuerName: text('issuer_name').notNull(),
    registrationNumber: text('registration_number'),
    taxRounding: text('tax_rounding', { enum: ['floor', 'round', 'ceil'] }).notNull(),
    /** Returned tax-exclusive sums and their tax per rate (positive numbers). */
    standardTaxable: yenColumn('standard_taxable').notNull(),
    standardTax: yenColumn('standard_tax').notNull(),
    reducedTaxable: yenColumn('reduced_taxable').notNull(),
    reducedTax: yenColumn('reduced_tax').notNull(),
    subtotal: yenColumn('subtotal').notNull(),
    tax: yenColumn('tax').notNull(),
    total: yenColumn('total').notNull(),
    createdByKind: text('created_by_kind').notNull(),
    createdById: text('created_by_id'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('credit_notes_number_unique').on(t.number),
    uniqueIndex('credit_notes_year_sequence_unique').on(t.year, t.sequence),
    index('credit_notes_invoice_idx').on(t.invoiceId),
    index('credit_notes_member_idx').on(t.memberId, t.issueDate),
    check('credit_notes_subtotal_sum', sql`${t.subtotal} = ${t.standardTaxable} + ${t.reducedTaxable}`),
    check('credit_notes_tax_sum', sql`${t.tax} = ${t.standardTax} + ${t.reducedTax}`),
    check('credit_notes_total_sum', sql`${t.total} = ${t.subtotal} + ${t.tax}`),
    check('credit_notes_total_positive', sql`${t.total} > 0`),
  ],
);

/** A line of a credit note: how much of one invoice line is returned, with that line's service period. */
export const creditNoteLines = pgTable(
  'credit_note_lines',
  {
    creditNoteId: text('credit_note_id')
      .notNull()
      .references(() => creditNotes.id),
    position: integer('position').notNull(),
    /** The invoice line returned (its `position`). */
    invoicePosition: integer('invoice_position').notNull(),
    descriptionJa: text('description_ja').notNull(),
    descriptionEn: text('description_en').notNull(),
    amount: yenColumn('amount').notNull(),
    taxPercent: integer('tax_percent').notNull(),
    serviceFrom: date('service_from', { mode: 'string' }).notNull(),
    serviceThrough: date('service_through', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.creditNoteId, t.position] }),
    check('credit_note_lines_amount_positive', sql`${t.amount} > 0`),
    check('credit_note_lines_tax_percent_known', sql`${t.taxPercent} in (10, 8)`),
  ],
);

/**
 * Electronic records (電子帳簿保存法): the PDF of an issued invoice or a credit note as it was first
 * rendered, with its SHA-256, written once (the first writer wins) and served from here ever after;
 * the searchable fields (transaction date, amount, counterparty) are copied for the console's search.
 */
export const billingDocuments = pgTable(
  'billing_documents',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['invoice', 'credit_note'] }).notNull(),
    /** The invoice's or the credit note's id. */
    documentId: text('document_id').notNull(),
    number: text('number').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    /** The counterparty as printed: the company name, else the member's name. */
    counterparty: text('counterparty').notNull(),
    /** The transaction date: the invoice's or credit note's issue date. */
    transactionDate: date('transaction_date', { mode: 'string' }).notNull(),
    /** Tax-inclusive total of the document (a credit note's returned total, positive). */
    amount: yenColumn('amount').notNull(),
    sha256: text('sha256').notNull(),
    pdf: bytea('pdf').notNull(),
    storedAt: at('stored_at').notNull(),
  },
  (t) => [
    uniqueIndex('billing_documents_document_unique').on(t.kind, t.documentId),
    index('billing_documents_date_idx').on(t.transactionDate),
    check('billing_documents_kind_known', sql`${t.kind} in ('invoice', 'credit_note')`),
    check('billing_documents_sha256_format', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
