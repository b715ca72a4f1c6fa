// Lists invoices: a member's own on My Page, or the console's search by number, member, month and status.
import { and, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { invoices } from '../../db/schema/billing-invoices.js';
import type { InvoiceStatus } from '../../domain/invoices.js';
import { billedMonthBounds } from './billing-period.js';
import { type InvoiceSummary, invoiceSummaryOf } from './invoice-view.js';

export interface SearchInvoicesInput {
  /** Part of an invoice number. */
  number?: string;
  memberId?: string;
  /** The billed month, `YYYY-MM`. */
  month?: string;
  status?: InvoiceStatus;
  limit: number;
  offset: number;
}

/** Invoices newest period first (then number), with the number of matches. */
export async function searchInvoices(
  db: DbOrTx,
  input: SearchInvoicesInput,
): Promise<{ invoices: InvoiceSummary[]; total: number }> {
  const conditions: SQL[] = [];
  if (input.number)
    conditions.push(sql`${invoices.number} ilike ${`%${input.number.replace(/[\\%_]/g, '\\$&')}%`}`);
  if (input.memberId) conditions.push(eq(invoices.memberId, input.memberId));
  if (input.month) {
    const bounds = billedMonthBounds(input.month);
    conditions.push(gte(invoices.periodThrough, bounds.first), lte(invoices.periodThrough, bounds.last));
  }
  if (input.status) conditions.push(eq(invoices.status, input.status));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = await db
    .select()
    .from(invoices)
    .where(where)
    .orderBy(desc(invoices.periodFrom), desc(invoices.number))
    .limit(input.limit)
    .offset(input.offset);
  const [counted] = await db.select({ n: count() }).from(invoices).where(where);
  return { invoices: rows.map(invoiceSummaryOf), total: counted?.n ?? 0 };
}

/** A member's own invoices for My Page, newest first. */
export async function listMemberInvoices(
  db: DbOrTx,
  input: { memberId: string; limit: number; offset: number },
): Promise<{ invoices: InvoiceSummary[]; total: number }> {
  return searchInvoices(db, { memberId: input.memberId, limit: input.limit, offset: input.offset });
}
