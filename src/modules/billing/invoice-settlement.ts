// An invoice's standing in the ledger: locking it for a ledger write, summing its entries, and the status those sums give.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { invoices, receivableEntries } from '../../db/schema/billing-invoices.js';
import { AppError } from '../../domain/errors.js';
import type { InvoiceStatus } from '../../domain/invoices.js';
import { type Yen, yenFromDb } from '../../domain/money.js';
import { invoiceNotFound } from './get-invoice.js';

/** What an invoice's entries add up to: `open` is what is still owed (negative: paid too much). */
export interface InvoiceLedgerSums {
  total: Yen;
  open: Yen;
  /** Money received for it: payments and credit applied to it, less refunds and credit moved away. */
  paid: Yen;
  writtenOff: Yen;
}

/** `invoice_not_payable` (409): a draft or void invoice takes no ledger entry. */
export function invoiceNotPayable(status: InvoiceStatus): AppError {
  return new AppError({
    code: 'invoice_not_payable',
    status: 409,
    message: {
      ja: `この請求書（状態: ${status === 'void' ? '取消' : '下書き'}）には入金や貸倒を記録できません。`,
      en: `No payment or write-off can be recorded for this invoice (it is ${status === 'void' ? 'void' : 'a draft'}).`,
    },
  });
}

/** Locks the invoice row (FOR UPDATE) so ledger writes for one invoice queue one behind another. */
export async function lockInvoiceForLedger(tx: DbOrTx, invoiceId: string) {
  const [row] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
  if (!row) throw invoiceNotFound();
  if (row.status === 'draft' || row.status === 'void') throw invoiceNotPayable(row.status);
  return row;
}

/** The sums of an invoice's entries. */
export async function invoiceLedgerSums(db: DbOrTx, invoiceId: string): Promise<InvoiceLedgerSums> {
  const [row] = await db
    .select({
      total: sql<string>`coalesce(sum(${receivableEntries.amount}) filter (where ${receivableEntries.kind} = 'invoice'), 0)::text`,
      open: sql<string>`coalesce(sum(${receivableEntries.amount}), 0)::text`,
      paid: sql<string>`(-coalesce(sum(${receivableEntries.amount}) filter (where ${receivableEntries.kind} in ('payment', 'refund', 'adjustment')), 0))::text`,
      writtenOff: sql<string>`(-coalesce(sum(${receivableEntries.amount}) filter (where ${receivableEntries.kind} = 'write_off'), 0))::text`,
    })
    .from(receivableEntries)
    .where(eq(receivableEntries.invoiceId, invoiceId));
  return {
    total: yenFromDb(row?.total ?? '0'),
    open: yenFromDb(row?.open ?? '0'),
    paid: yenFromDb(row?.paid ?? '0'),
    writtenOff: yenFromDb(row?.writtenOff ?? '0'),
  };
}

/**
 * The status the ledger gives: nothing owed → `paid` (or `written_off` when a write-off settled it),
 * part owed → `partially_paid`, all owed → the status it was issued with (`agency_handed` stays itself).
 */
export function statusFromLedger(current: InvoiceStatus, sums: InvoiceLedgerSums): InvoiceStatus {
  if (current === 'draft' || current === 'void') return current;
  if (sums.open <= 0) return sums.writtenOff > 0 ? 'written_off' : 'paid';
  if (sums.open < sums.total) return 'partially_paid';
  return current === 'agency_handed' ? 'agency_handed' : 'issued';
}

/** Sets the invoice's status to what its ledger says (inside the transaction that holds its lock). */
export async function syncInvoiceStatus(
  tx: DbOrTx,
  invoice: { id: string; status: InvoiceStatus },
): Promise<{ before: InvoiceStatus; after: InvoiceStatus; sums: InvoiceLedgerSums }> {
  const sums = await invoiceLedgerSums(tx, invoice.id);
  const after = statusFromLedger(invoice.status, sums);
  if (after !== invoice.status) {
    await tx
      .update(invoices)
      .set({ status: after })
      .where(and(eq(invoices.id, invoice.id), eq(invoices.status, invoice.status)));
  }
  return { before: invoice.status, after, sums };
}
