// One of the member's invoices as My Page shows it: another member's, a draft, or one before its reflection date is not found.
import { and, asc, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { invoiceLines, invoices } from '../../db/schema/billing-invoices.js';
import { businessDateAt } from '../../domain/clock.js';
import { invoiceNotFound } from './get-invoice.js';
import { invoiceMemberDatesResolver } from './invoice-member-dates.js';
import { type InvoiceDetail, invoiceDetailOf } from './invoice-view.js';
import {
  invoicePaymentMethodSql,
  type MyPageInvoiceSummary,
  myPageSummaryOf,
} from './list-my-page-invoices.js';

/** The whole qualified invoice with its My Page fields. */
export type MyPageInvoiceDetail = InvoiceDetail & MyPageInvoiceSummary;

/**
 * One invoice of the member that My Page shows at `now`; `invoice_not_found` (404) for an unknown id,
 * another member's, a draft, or one whose reflection date has not come — all alike, so nothing leaks.
 * Every My Page invoice surface (detail, PDF) reads through this.
 */
export async function getMyPageInvoice(
  db: Db,
  input: { invoiceId: string; memberId: string; now: Temporal.Instant },
): Promise<MyPageInvoiceDetail> {
  const [found] = await db
    .select({ row: invoices, method: invoicePaymentMethodSql })
    .from(invoices)
    .where(and(eq(invoices.id, input.invoiceId), eq(invoices.memberId, input.memberId)));
  if (!found) throw invoiceNotFound();
  const resolve = invoiceMemberDatesResolver(db, input.now);
  const summary = await myPageSummaryOf(resolve, found.row, found.method, businessDateAt(input.now));
  if (summary === null) throw invoiceNotFound();
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, found.row.id))
    .orderBy(asc(invoiceLines.position));
  return { ...invoiceDetailOf(found.row, lines), ...summary };
}
