// Tables of billing's invoices: billing runs, qualified invoices and their lines, yearly invoice numbers and the receivables ledger.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { members } from './identity.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const yenColumn = (name: string) => bigint(name, { mode: 'bigint' });

/** Each year's last invoice sequence: a close locks the row per chunk, so numbers are never taken twice. */
export const invoiceNumberCounters = pgTable('invoice_number_counters', {
  year: integer('year').primaryKey(),
  lastSequence: integer('last_sequence').notNull(),
});

/**
 * One monthly close per billing profile and month: its state and what it produced. Twins and re-runs
 * share the row (unique), so a finished month answers its first result.
 */
export const billingRuns = pgTable(
  'billing_runs',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id').notNull().default('default'),
    /** `YYYY-MM`. */
    month: text('month').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodThrough: date('period_through', { mode: 'string' }).notNull(),
    /** `running` (or crashed while running: a re-run resumes it), `completed`. */
    state: text('state', { enum: ['running', 'completed'] }).notNull(),
    invoiceCount: integer('invoice_count').notNull().default(0),
    lineCount: integer('line_count').notNull().default(0),
    memberCount: integer('member_count').notNull().default(0),
    totalAmount: yenColumn('total_amount').notNull().default(sql`0`),
    taxAmount: yenColumn('tax_amount').notNull().default(sql`0`),
    startedByKind: text('started_by_kind').notNull(),
    startedById: text('started_by_id'),
    startedAt: at('started_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    uniqueIndex('billing_runs_profile_month_unique').on(t.profileId, t.month),
    check('billing_runs_state_known', sql`${t.state} in ('running', 'completed')`),
    check('billing_runs_month_format', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/**
 * A qualified invoice (適格請求書): one per member per billing profile per period (unique), numbered per
 * year, with the issuer's name and registration number as they were and the totals per rate.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    profileId: text('profile_id').notNull().default('default'),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodThrough: date('period_through', { mode: 'string' }).notNull(),
    status: text('status', {
      enum: ['draft', 'issued', 'agency_handed', 'partially_paid', 'paid', 'written_off', 'void', 'credit'],
    }).notNull(),
    billingRunId: text('billing_run_id').references(() => billingRuns.id),
    /** A draft's planned issue date, an issued invoice's issue date: the later of the close and its confirmation. */
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    /** The catalog confirmation rule that dates the invoice (its latest-confirmed line's). */
    confirmationRule: text('confirmation_rule').notNull().default('on_order'),
    /** Money received before the close for its terms: a draft's `settled_before_close` payment, written at issue. */
    settledBeforeClose: yenColumn('settled_before_close').notNull().default(sql`0`),
    issuerName: text('issuer_name').notNull(),
    registrationNumber: text('registration_number'),
    taxRounding: text('tax_rounding', { enum: ['floor', 'round', 'ceil'] }).notNull(),
    /** Tax-exclusive sums and their tax, once per rate: 10% and 8% (reduced, ※). */
    standardTaxable: yenColumn('standard_taxable').notNull(),
    standardTax: yenColumn('standard_tax').notNull(),
    reducedTaxable: yenColumn('reduced_taxable').notNull(),
    reducedTax: yenColumn('reduced_tax').notNull(),
    subtotal: yenColumn('subtotal').notNull(),
    tax: yenColumn('tax').notNull(),
    total: yenColumn('total').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('invoices_number_unique').on(t.number),
    uniqueIndex('invoices_year_sequence_unique').on(t.year, t.sequence),
    uniqueIndex('invoices_member_profile_period_unique').on(t.memberId, t.profileId, t.periodFrom),
    // My Page's list and the console's per-member view: newest period first.
    index('invoices_member_period_idx').on(t.memberId, t.periodFrom.desc()),
    index('invoices_run_idx').on(t.billingRunId),
    // The issue sweep: drafts due by their issue date.
    index('invoices_draft_issue_idx').on(t.issueDate).where(sql`${t.status} = 'draft'`),
    check(
      'invoices_status_known',
      sql`${t.status} in ('draft', 'issued', 'agency_handed', 'partially_paid', 'paid', 'written_off', 'void', 'credit')`,
    ),
    check('invoices_period_order', sql`${t.periodFrom} <= ${t.periodThrough}`),
    check('invoices_subtotal_sum', sql`${t.subtotal} = ${t.standardTaxable} + ${t.reducedTaxable}`),
    check('invoices_tax_sum', sql`${t.tax} = ${t.standardTax} + ${t.reducedTax}`),
    check('invoices_total_sum', sql`${t.total} = ${t.subtotal} + ${t.tax}`),
  ],
);

/** A line of an invoice: what was charged, at which rate, for which days of service (the period used). */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    position: integer('position').notNull(),
    /** `recurring` (in advance for a term or month); later kinds: usage, one_time, adjustment. */
    kind: text('kind').notNull(),
    contractId: text('contract_id'),
    contractNumber: text('contract_number'),
    code: text('code').notNull(),
    descriptionJa: text('description_ja').notNull(),
    descriptionEn: text('description_en').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: yenColumn('unit_price').notNull(),
    amount: yenColumn('amount').notNull(),
    taxPercent: integer('tax_percent').notNull(),
    serviceFrom: date('service_from', { mode: 'string' }).notNull(),
    serviceThrough: date('service_through', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.invoiceId, t.position] }),
    index('invoice_lines_contract_idx').on(t.contractId),
    check('invoice_lines_tax_percent_known', sql`${t.taxPercent} in (10, 8)`),
    check('invoice_lines_service_order', sql`${t.serviceFrom} <= ${t.serviceThrough}`),
  ],
);

/**
 * The receivables ledger: immutable entries (a trigger refuses UPDATE and DELETE); a member's balance is
 * the sum of their amounts (invoices positive, payments and credits negative). One entry per issued invoice.
 */
export const receivableEntries = pgTable(
  'receivable_entries',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', {
      enum: ['invoice', 'payment', 'credit_note', 'refund', 'write_off', 'adjustment'],
    }).notNull(),
    amount: yenColumn('amount').notNull(),
    invoiceId: text('invoice_id').references(() => invoices.id),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    note: text('note'),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [
    index('receivable_entries_member_idx').on(t.memberId, t.occurredOn),
    uniqueIndex('receivable_entries_one_per_invoice').on(t.invoiceId).where(sql`${t.kind} = 'invoice'`),
    check(
      'receivable_entries_kind_known',
      sql`${t.kind} in ('invoice', 'payment', 'credit_note', 'refund', 'write_off', 'adjustment')`,
    ),
    check(
      'receivable_entries_invoice_has_invoice',
      sql`${t.kind} <> 'invoice' or ${t.invoiceId} is not null`,
    ),
  ],
);
