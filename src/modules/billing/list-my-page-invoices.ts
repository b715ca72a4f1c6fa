// The member's invoices as My Page shows them: issued ones only, each from its month's reflection date on, never a draft.
import { and, count, desc, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { invoices } from '../../db/schema/billing-invoices.js';
import { businessDateAt } from '../../domain/clock.js';
import type { BilingualMessage } from '../../domain/errors.js';
import { billedMonthOf } from './billing-period.js';
import {
  type InvoicePaymentMethod,
  invoiceMemberDatesResolver,
  invoicePaymentMethodLabel,
  invoicePaymentMethodOf,
} from './invoice-member-dates.js';
import { type InvoiceSummary, invoiceSummaryOf } from './invoice-view.js';

/** An invoice on My Page: the summary with when it showed, when it is due and how it is paid. */
export interface MyPageInvoiceSummary extends InvoiceSummary {
  visibleFrom: string;
  dueDate: string | null;
  paymentMethod: InvoicePaymentMethod;
  paymentMethodLabel: BilingualMessage;
}

/** The payment method of an invoice: the method of the contract of its first line that has one. */
export const invoicePaymentMethodSql = sql<string | null>`(
  select c.payment_method from invoice_lines l join contracts c on c.id = l.contract_id
  where l.invoice_id = "invoices"."id" and c.payment_method is not null
  order by l.position limit 1)`;

/** Adds the My Page fields to an invoice row, or null while the invoice is not to be shown `today`. */
export async function myPageSummaryOf(
  resolve: ReturnType<typeof invoiceMemberDatesResolver>,
  row: typeof invoices.$inferSelect,
  storedMethod: string | null,
  today: Temporal.PlainDate,
): Promise<MyPageInvoiceSummary | null> {
  if (row.status === 'draft') return null;
  const summary = invoiceSummaryOf(row);
  const method = invoicePaymentMethodOf(storedMethod);
  const dates = await resolve(row.profileId, summary.month, method, row.confirmationRule);
  if (dates === null || dates.visibleFrom > today.toString()) return null;
  return {
    ...summary,
    visibleFrom: dates.visibleFrom,
    dueDate: dates.dueDate,
    paymentMethod: method,
    paymentMethodLabel: invoicePaymentMethodLabel(method),
  };
}

/**
 * The member's invoices that My Page shows on the store's business date at `now`, newest month first:
 * never a draft, and each only from its billing month's reflection date (seed 003: around the 10th).
 */
export async function listMyPageInvoices(
  db: Db,
  input: { memberId: string; now: Temporal.Instant; limit: number; offset: number },
): Promise<{ invoices: MyPageInvoiceSummary[]; total: number }> {
  const today = businessDateAt(input.now);
  const resolve = invoiceMemberDatesResolver(db, input.now);
  // A member has one invoice per profile and month: the months are few, each decided by the calendar.
  const periods = await db
    .selectDistinct({
      profileId: invoices.profileId,
      periodFrom: invoices.periodFrom,
      periodThrough: invoices.periodThrough,
      confirmationRule: invoices.confirmationRule,
    })
    .from(invoices)
    .where(and(eq(invoices.memberId, input.memberId), ne(invoices.status, 'draft')))
    .orderBy(invoices.profileId, invoices.periodFrom);
  const shown: SQL[] = [];
  for (const p of periods) {
    const dates = await resolve(p.profileId, billedMonthOf(p.periodThrough), null, p.confirmationRule);
    if (dates !== null && dates.visibleFrom <= today.toString()) {
      shown.push(and(eq(invoices.profileId, p.profileId), eq(invoices.periodFrom, p.periodFrom)) as SQL);
    }
  }
  if (shown.length === 0) return { invoices: [], total: 0 };
  const where = and(eq(invoices.memberId, input.memberId), ne(invoices.status, 'draft'), or(...shown));
  const rows = await db
    .select({ row: invoices, method: invoicePaymentMethodSql })
    .from(invoices)
    .where(where)
    .orderBy(desc(invoices.periodFrom), desc(invoices.number))
    .limit(input.limit)
    .offset(input.offset);
  const [counted] = await db.select({ n: count() }).from(invoices).where(where);
  const list: MyPageInvoiceSummary[] = [];
  for (const r of rows) {
    const summary = await myPageSummaryOf(resolve, r.row, r.method, today);
    if (summary) list.push(summary);
  }
  return { invoices: list, total: counted?.n ?? 0 };
}
