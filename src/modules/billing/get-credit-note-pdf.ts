// A credit note's PDF: its Japanese copy is the stored record (rendered on first need, never again); an English copy is rendered each time.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../domain/errors.js';
import { billingRecipientOf, issuerContactLine } from './billing-pdf-parties.js';
import { type CreditNoteDetail, findCreditNote } from './credit-note-view.js';
import { getInvoice } from './get-invoice.js';
import type { BillingPdf } from './get-invoice-pdf.js';
import { type BillingPdfInput, renderBillingPdf } from './render-billing-pdf.js';
import { findStoredBillingDocument, storeBillingDocumentOnce } from './store-billing-document.js';

/** `credit_note_not_found` (404): unknown, or another member's. */
export function creditNoteNotFound(): AppError {
  return new AppError({
    code: 'credit_note_not_found',
    status: 404,
    message: { ja: '返還請求書が見つかりません。', en: 'No such credit note.' },
  });
}

async function creditNotePdfInput(
  db: DbOrTx,
  note: CreditNoteDetail,
  locale: 'ja' | 'en',
): Promise<BillingPdfInput> {
  const invoice = await getInvoice(db, { invoiceId: note.invoiceId });
  return {
    kind: 'credit_note',
    locale,
    draft: false,
    number: note.number,
    issueDate: note.issueDate,
    issuerName: note.issuerName,
    registrationNumber: note.registrationNumber,
    issuerContact: await issuerContactLine(db),
    recipient: await billingRecipientOf(db, note.memberId),
    periodFrom: note.original.periodFrom,
    periodThrough: note.original.periodThrough,
    lines: note.lines.map((line) => ({
      description: line.description,
      quantity: null,
      unitPrice: null,
      amount: line.amount,
      taxPercent: line.taxPercent,
      reducedMarker: line.reducedMarker,
      serviceFrom: line.serviceFrom,
      serviceThrough: line.serviceThrough,
    })),
    rates: note.rates,
    subtotal: note.subtotal,
    tax: note.tax,
    total: note.total,
    payment: null,
    original: { number: invoice.number, ...note.original },
    reason: note.reason,
  };
}

/** Stores a credit note's Japanese PDF if it is not stored yet, and answers the stored record. */
export async function ensureCreditNoteDocument(db: DbOrTx, note: CreditNoteDetail, now: Temporal.Instant) {
  const existing = await findStoredBillingDocument(db, 'credit_note', note.id);
  if (existing) return existing;
  const pdfInput = await creditNotePdfInput(db, note, 'ja');
  return storeBillingDocumentOnce(db, {
    kind: 'credit_note',
    documentId: note.id,
    number: note.number,
    memberId: note.memberId,
    counterparty: pdfInput.recipient.name,
    transactionDate: note.issueDate,
    amount: note.total,
    pdf: await renderBillingPdf(pdfInput),
    now,
  });
}

/** One credit note's PDF; with `memberId`, another member's answers `credit_note_not_found`. */
export async function getCreditNotePdf(
  db: DbOrTx,
  input: { creditNoteId: string; memberId?: string; locale: 'ja' | 'en'; now: Temporal.Instant },
): Promise<BillingPdf> {
  const note = await findCreditNote(db, input.creditNoteId);
  if (!note || (input.memberId !== undefined && note.memberId !== input.memberId)) throw creditNoteNotFound();
  const filename = `credit-note-${note.number}${input.locale === 'en' ? '-en' : ''}.pdf`;
  if (input.locale === 'en') {
    return {
      bytes: await renderBillingPdf(await creditNotePdfInput(db, note, 'en')),
      filename,
      sha256: null,
    };
  }
  const stored = await ensureCreditNoteDocument(db, note, input.now);
  return { bytes: stored.pdf, filename, sha256: stored.sha256 };
}
