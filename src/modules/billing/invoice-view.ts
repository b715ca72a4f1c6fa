// An invoice as My Page and the console show it: the qualified-invoice fields, per-rate totals, lines with their service periods.
import type { InferSelectModel } from 'drizzle-orm';
import type { invoiceLines, invoices } from '../../db/schema/billing-invoices.js';
import {
  type InvoiceStatus,
  invoiceStatusLabels,
  type RegistrationNumberWarning,
  registrationNumberWarningOf,
} from '../../domain/invoices.js';
import { type Yen, yenFromDb } from '../../domain/money.js';
import { billedMonthOf } from './billing-period.js';

/** One invoice in a list. */
export interface InvoiceSummary {
  id: string;
  number: string;
  memberId: string;
  /** The billed month, `YYYY-MM`. */
  month: string;
  periodFrom: string;
  periodThrough: string;
  issueDate: string;
  status: InvoiceStatus;
  statusLabel: { ja: string; en: string };
  subtotal: Yen;
  tax: Yen;
  total: Yen;
}

/** One rate's totals as printed: the tax rounded once on the rate's sum. */
export interface InvoiceRateTotal {
  percent: number;
  reduced: boolean;
  taxableAmount: Yen;
  tax: Yen;
}

/** One invoice line with the days it pays for. */
export interface InvoiceLineView {
  position: number;
  kind: string;
  contractId: string | null;
  contractNumber: string | null;
  code: string;
  description: { ja: string; en: string };
  quantity: number;
  unitPrice: Yen;
  amount: Yen;
  taxPercent: number;
  /** ※: taxed at the reduced rate. */
  reducedMarker: boolean;
  serviceFrom: string;
  serviceThrough: string;
}

/** The whole qualified invoice. */
export interface InvoiceDetail extends InvoiceSummary {
  profileId: string;
  billingRunId: string | null;
  issuerName: string;
  registrationNumber: string | null;
  registrationNumberWarning: RegistrationNumberWarning | null;
  taxRounding: 'floor' | 'round' | 'ceil';
  rates: InvoiceRateTotal[];
  lines: InvoiceLineView[];
}

/** Maps an `invoices` row to its summary. */
export function invoiceSummaryOf(row: InferSelectModel<typeof invoices>): InvoiceSummary {
  return {
    id: row.id,
    number: row.number,
    memberId: row.memberId,
    month: billedMonthOf(row.periodThrough),
    periodFrom: row.periodFrom,
    periodThrough: row.periodThrough,
    issueDate: row.issueDate,
    status: row.status,
    statusLabel: invoiceStatusLabels[row.status],
    subtotal: yenFromDb(row.subtotal),
    tax: yenFromDb(row.tax),
    total: yenFromDb(row.total),
  };
}

/** Maps an invoice and its lines (in position order) to the detail. */
export function invoiceDetailOf(
  row: InferSelectModel<typeof invoices>,
  lines: InferSelectModel<typeof invoiceLines>[],
): InvoiceDetail {
  const rates: InvoiceRateTotal[] = [];
  const standardTaxable = yenFromDb(row.standardTaxable);
  const reducedTaxable = yenFromDb(row.reducedTaxable);
  const hasRate = (percent: number) => lines.some((line) => line.taxPercent === percent);
  if (hasRate(10)) {
    rates.push({
      percent: 10,
      reduced: false,
      taxableAmount: standardTaxable,
      tax: yenFromDb(row.standardTax),
    });
  }
  if (hasRate(8)) {
    rates.push({ percent: 8, reduced: true, taxableAmount: reducedTaxable, tax: yenFromDb(row.reducedTax) });
  }
  return {
    ...invoiceSummaryOf(row),
    profileId: row.profileId,
    billingRunId: row.billingRunId,
    issuerName: row.issuerName,
    registrationNumber: row.registrationNumber,
    registrationNumberWarning: registrationNumberWarningOf(row.registrationNumber),
    taxRounding: row.taxRounding,
    rates,
    lines: lines.map((line) => ({
      position: line.position,
      kind: line.kind,
      contractId: line.contractId,
      contractNumber: line.contractNumber,
      code: line.code,
      description: { ja: line.descriptionJa, en: line.descriptionEn },
      quantity: line.quantity,
      unitPrice: yenFromDb(line.unitPrice),
      amount: yenFromDb(line.amount),
      taxPercent: line.taxPercent,
      reducedMarker: line.taxPercent === 8,
      serviceFrom: line.serviceFrom,
      serviceThrough: line.serviceThrough,
    })),
  };
}
