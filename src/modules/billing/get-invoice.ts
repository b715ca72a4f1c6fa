// Reads one invoice with its lines: scoped to a member for My Page, or any for the console.
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { invoiceLines, invoices } from '../../db/schema/billing-invoices.js';
import { AppError } from '../../domain/errors.js';
import { type InvoiceDetail, invoiceDetailOf } from './invoice-view.js';

/** `invoice_not_found` (404): unknown, or another member's. */
export function invoiceNotFound(): AppError {
  return new AppError({
    code: 'invoice_not_found',
    status: 404,
    message: { ja: '請求書が見つかりません。', en: 'No such invoice.' },
  });
}

/** One invoice; with `memberId`, another member's invoice answers exactly like an unknown one. */
export async function getInvoice(
  db: DbOrTx,
  input: { invoiceId: string; memberId?: string },
): Promise<InvoiceDetail> {
  const where =
    input.memberId === undefined
      ? eq(invoices.id, input.invoiceId)
      : and(eq(invoices.id, input.invoiceId), eq(invoices.memberId, input.memberId));
  const [row] = await db.select().from(invoices).where(where);
  if (!row) throw invoiceNotFound();
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, row.id))
    .orderBy(asc(invoiceLines.position));
  return invoiceDetailOf(row, lines);
}
