// Invoice shapes shared by My Page and the console: summary, qualified-invoice detail with per-rate totals and lines.
import { z } from '@hono/zod-openapi';
import type {
  InvoiceDetail,
  InvoiceSummary,
  MyPageInvoiceDetail,
  MyPageInvoiceSummary,
} from '../../../modules/billing/index.js';

const label = z.object({ ja: z.string(), en: z.string() });

export const invoiceStatusSchema = z
  .enum(['draft', 'issued', 'agency_handed', 'partially_paid', 'paid', 'written_off', 'void', 'credit'])
  .openapi({ description: '`agency_handed` means handed to the payment agency, not paid' });

export const invoiceSummarySchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: 'INV2026-0000001' }),
    month: z.string().openapi({ example: '2026-04' }),
    periodFrom: z.string(),
    periodThrough: z.string(),
    issueDate: z.string(),
    status: invoiceStatusSchema,
    statusLabel: label,
    subtotal: z.number().int(),
    tax: z.number().int(),
    total: z.number().int(),
  })
  .openapi('InvoiceSummary');

export const invoiceDetailSchema = invoiceSummarySchema
  .extend({
    issuerName: z.string(),
    registrationNumber: z.string().nullable(),
    registrationNumberWarning: z.enum(['missing', 'format', 'check_digit']).nullable(),
    taxRounding: z.enum(['floor', 'round', 'ceil']),
    rates: z.array(
      z.object({
        percent: z.number().int(),
        reduced: z.boolean(),
        taxableAmount: z.number().int(),
        tax: z.number().int().openapi({ description: 'rounded once on the rate’s sum' }),
      }),
    ),
    lines: z.array(
      z.object({
        position: z.number().int(),
        kind: z.string(),
        contractNumber: z.string().nullable(),
        code: z.string(),
        description: label,
        quantity: z.number().int(),
        unitPrice: z.number().int(),
        amount: z.number().int(),
        taxPercent: z.number().int(),
        reducedMarker: z.boolean().openapi({ description: '※: taxed at the reduced rate' }),
        serviceFrom: z.string().openapi({ description: 'first day of service this line pays for' }),
        serviceThrough: z.string(),
      }),
    ),
  })
  .openapi('InvoiceDetail');

const myPageFields = {
  visibleFrom: z.string().openapi({ description: 'the reflection date: shown on My Page from this day' }),
  dueDate: z
    .string()
    .nullable()
    .openapi({ description: 'when the payment method takes or expects the money' }),
  paymentMethod: z.enum(['card', 'bank_transfer', 'direct_debit', 'agency', 'wallet']).nullable(),
  paymentMethodLabel: label,
};

export const myInvoiceSummarySchema = invoiceSummarySchema.extend(myPageFields).openapi('MyInvoiceSummary');
export const myInvoiceDetailSchema = invoiceDetailSchema.extend(myPageFields).openapi('MyInvoiceDetail');

export const invoiceIdParamsSchema = z.object({ invoiceId: z.string().min(1).max(100) });

/** The summary as JSON (no member id: My Page knows whose it is). */
export function invoiceSummaryJson(i: InvoiceSummary) {
  return {
    id: i.id,
    number: i.number,
    month: i.month,
    periodFrom: i.periodFrom,
    periodThrough: i.periodThrough,
    issueDate: i.issueDate,
    status: i.status,
    statusLabel: i.statusLabel,
    subtotal: i.subtotal,
    tax: i.tax,
    total: i.total,
  };
}

/** The detail as JSON. */
export function invoiceDetailJson(i: InvoiceDetail) {
  return {
    ...invoiceSummaryJson(i),
    issuerName: i.issuerName,
    registrationNumber: i.registrationNumber,
    registrationNumberWarning: i.registrationNumberWarning,
    taxRounding: i.taxRounding,
    rates: i.rates,
    lines: i.lines.map((l) => ({
      position: l.position,
      kind: l.kind,
      contractNumber: l.contractNumber,
      code: l.code,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
      taxPercent: l.taxPercent,
      reducedMarker: l.reducedMarker,
      serviceFrom: l.serviceFrom,
      serviceThrough: l.serviceThrough,
    })),
  };
}

function myPageFieldsJson(i: MyPageInvoiceSummary) {
  return {
    visibleFrom: i.visibleFrom,
    dueDate: i.dueDate,
    paymentMethod: i.paymentMethod,
    paymentMethodLabel: i.paymentMethodLabel,
  };
}

/** A My Page list entry as JSON. */
export function myInvoiceSummaryJson(i: MyPageInvoiceSummary) {
  return { ...invoiceSummaryJson(i), ...myPageFieldsJson(i) };
}

/** A My Page invoice as JSON. */
export function myInvoiceDetailJson(i: MyPageInvoiceDetail) {
  return { ...invoiceDetailJson(i), ...myPageFieldsJson(i) };
}
