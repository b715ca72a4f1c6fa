// An invoice's PDF: an issued invoice's Japanese PDF is the stored record (rendered on first need, never again); a draft or English copy is rendered each time.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { invoices } from '../../db/schema/billing-invoices.js';
import { billingRecipientOf, issuerContactLine } from './billing-pdf-parties.js';
import { getInvoice } from './get-invoice.js';
import { getMyPageInvoice } from './get-my-page-invoice.js';
import {
  invoiceMemberDatesResolver,
  invoicePaymentMethodLabel,
  invoicePaymentMethodOf,
} from './invoice-member-dates.js';
import type { InvoiceDetail } from './invoice-view.js';
import { invoicePaymentMethodSql } from './list-my-page-invoices.js';
import { type BillingPdfInput, renderBillingPdf } from './render-billing-pdf.js';
import { findStoredBillingDocument, storeBillingDocumentOnce } from './store-billing-document.js';

/** A PDF to send: its bytes, the file name, and the stored record's hash when it is the stored record. */
export interface BillingPdf {
  bytes: Buffer;
  filename: string;
  sha256: string | null;
}

/** The due date and payment method My Page shows for the invoice, so the PDF and the page agree. */
async function invoicePaymentOf(
  db: Db,
  invoice: InvoiceDetail,
  now: Temporal.Instant,
): Promise<BillingPdfInput['payment']> {
  const [row] = await db
    .select({
      profileId: invoices.profileId,
      confirmationRule: invoices.confirmationRule,
      method: invoicePaymentMethodSql,
    })
    .from(invoices)
    .where(eq(invoices.id, invoice.id));
  if (!row) return null;
  const method = invoicePaymentMethodOf(row.method);
  const dates = await invoiceMemberDatesResolver(db, now)(
    row.profileId,
    invoice.month,
    method,
    row.confirmationRule,
  );
  return {
    dueDate: dates?.dueDate ?? null,
    method: method === null ? null : invoicePaymentMethodLabel(method),
  };
}

/** The PDF input of an invoice, with the recipient and issuer contact as they are now. */
export async function invoicePdfInput(
  db: Db,
  invoice: InvoiceDetail,
  locale: 'ja' | 'en',
  now: Temporal.Instant,
): Promise<BillingPdfInput> {
  return {
    kind: 'invoice',
    locale,
    draft: invoice.status === 'draft',
    number: invoice.number,
    issueDate: invoice.issueDate,
    issuerName: invoice.issuerName,
    registrationNumber: invoice.registrationNumber,
    issuerContact: await issuerContactLine(db),
    recipient: await billingRecipientOf(db, invoice.memberId),
    periodFrom: invoice.periodFrom,
    periodThrough: invoice.periodThrough,
    lines: invoice.lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
      taxPercent: line.taxPercent,
      reducedMarker: line.reducedMarker,
      serviceFrom: line.serviceFrom,
      serviceThrough: line.serviceThrough,
    })),
    rates: invoice.rates,
    subtotal: invoice.subtotal,
    tax: invoice.tax,
    total: invoice.total,
    payment: await invoicePaymentOf(db, invoice, now),
    original: null,
    reason: null,
  };
}

/** Stores an issued invoice's Japanese PDF if it is not stored yet, and answers the stored record. */
export async function ensureInvoiceDocument(db: Db, invoice: InvoiceDetail, now: Temporal.Instant) {
  const existing = await findStoredBillingDocument(db, 'invoice', invoice.id);
  if (existing) return existing;
  const input = await invoicePdfInput(db, invoice, 'ja', now);
  const pdf = await renderBillingPdf(input);
  return storeBillingDocumentOnce(db, {
    kind: 'invoice',
    documentId: invoice.id,
    number: invoice.number,
    memberId: invoice.memberId,
    counterparty: input.recipient.name,
    transactionDate: invoice.issueDate,
    amount: invoice.total,
    pdf,
    now,
  });
}

/**
 * One invoice's PDF. With `memberId` it is My Page's: only what My Page shows (the member's own, not a
 * draft, from its reflection date), anything else `invoice_not_found`. Japanese copies of issued invoices
 * come from the stored record; a draft is never stored.
 */
export async function getInvoicePdf(
  db: Db,
  input: { invoiceId: string; memberId?: string; locale: 'ja' | 'en'; now: Temporal.Instant },
): Promise<BillingPdf> {
  const invoice =
    input.memberId === undefined
      ? await getInvoice(db, { invoiceId: input.invoiceId })
      : await getMyPageInvoice(db, { invoiceId: input.invoiceId, memberId: input.memberId, now: input.now });
  const filename = `invoice-${invoice.number}${input.locale === 'en' ? '-en' : ''}.pdf`;
  if (invoice.status !== 'draft' && input.locale === 'ja') {
    const stored = await ensureInvoiceDocument(db, invoice, input.now);
    return { bytes: stored.pdf, filename, sha256: stored.sha256 };
  }
  const bytes = await renderBillingPdf(await invoicePdfInput(db, invoice, input.locale, input.now));
  return { bytes, filename, sha256: null };
}
