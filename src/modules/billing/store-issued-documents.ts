// Keeps every issued invoice and credit note as an electronic record (電子帳簿保存法) ahead of its first download, a batch per pass.
import { and, asc, eq, isNull, notInArray } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { billingDocuments, creditNotes } from '../../db/schema/billing-documents.js';
import { invoices } from '../../db/schema/billing-invoices.js';
import { findCreditNote } from './credit-note-view.js';
import { ensureCreditNoteDocument } from './get-credit-note-pdf.js';
import { getInvoice } from './get-invoice.js';
import { ensureInvoiceDocument } from './get-invoice-pdf.js';

/** Documents rendered per pass: a PDF costs tens of milliseconds, so one pass stays short and the next goes on. */
export const storeDocumentsBatch = 50;

/**
 * Renders and stores the oldest issued invoices and credit notes that have no stored record yet (drafts
 * and void invoices are never stored), at most `limit` of each; answers how many it stored. Safe on two
 * nodes at once: the first stored bytes win (`storeBillingDocumentOnce`), so a twin only wastes a render.
 */
export async function storeIssuedBillingDocuments(
  db: Db,
  input: { now: Temporal.Instant; limit?: number },
): Promise<number> {
  const limit = input.limit ?? storeDocumentsBatch;
  const pendingInvoices = await db
    .select({ id: invoices.id })
    .from(invoices)
    .leftJoin(
      billingDocuments,
      and(eq(billingDocuments.kind, 'invoice'), eq(billingDocuments.documentId, invoices.id)),
    )
    .where(and(isNull(billingDocuments.id), notInArray(invoices.status, ['draft', 'void'])))
    .orderBy(asc(invoices.id))
    .limit(limit);
  const pendingNotes = await db
    .select({ id: creditNotes.id })
    .from(creditNotes)
    .leftJoin(
      billingDocuments,
      and(eq(billingDocuments.kind, 'credit_note'), eq(billingDocuments.documentId, creditNotes.id)),
    )
    .where(isNull(billingDocuments.id))
    .orderBy(asc(creditNotes.id))
    .limit(limit);
  for (const { id } of pendingInvoices) {
    await ensureInvoiceDocument(db, await getInvoice(db, { invoiceId: id }), input.now);
  }
  for (const { id } of pendingNotes) {
    const note = await findCreditNote(db, id);
    if (note) await ensureCreditNoteDocument(db, note, input.now);
  }
  return pendingInvoices.length + pendingNotes.length;
}
