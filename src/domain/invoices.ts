// Qualified invoices (適格請求書): lines, per-rate totals with one rounding per rate, numbers and the issuer's registration number.
import { sumYen, type Yen, yen } from './money.js';
import {
  calculateDocumentTax,
  type TaxRateGroup,
  type TaxRateKey,
  type TaxRounding,
  taxRates,
} from './tax.js';

/** An invoice's state: `agency_handed` is its own word, never shown as paid (seed 001). */
export const invoiceStatusValues = [
  'draft',
  'issued',
  'agency_handed',
  'partially_paid',
  'paid',
  'written_off',
  'void',
  'credit',
] as const;

/** One of `invoiceStatusValues`. */
export type InvoiceStatus = (typeof invoiceStatusValues)[number];

/** The words shown for each state, in both languages. */
export const invoiceStatusLabels: Record<InvoiceStatus, { ja: string; en: string }> = {
  draft: { ja: '下書き', en: 'Draft' },
  issued: { ja: '請求済（未入金）', en: 'Issued (unpaid)' },
  agency_handed: { ja: '決済代行会社へ引渡し済（未入金）', en: 'Handed to the payment agency (unpaid)' },
  partially_paid: { ja: '一部入金', en: 'Partly paid' },
  paid: { ja: '入金済', en: 'Paid' },
  written_off: { ja: '貸倒処理済', en: 'Written off' },
  void: { ja: '取消', en: 'Void' },
  // Credits larger than charges: nothing is owed, the amount is the member's, to be applied or refunded.
  credit: {
    ja: 'クレジット（次回以降のご請求に充当またはご返金）',
    en: 'Credit (applied to a later invoice or refunded)',
  },
};

/** One tax-exclusive line as a qualified invoice prints it. */
export interface QualifiedInvoiceLineInput {
  descriptionJa: string;
  descriptionEn: string;
  quantity: number;
  unitPrice: Yen;
  amount: Yen;
  rate: TaxRateKey;
  /** The days the line pays for (the period used), both inclusive, `YYYY-MM-DD`. */
  serviceFrom: string;
  serviceThrough: string;
}

/** A line with its reduced-rate marker (※ on lines taxed at the reduced rate). */
export interface QualifiedInvoiceLine extends QualifiedInvoiceLineInput {
  percent: number;
  reducedMarker: boolean;
}

/** What the law asks a qualified invoice to show, computed from its lines. */
export interface QualifiedInvoice {
  issuerName: string;
  registrationNumber: string | null;
  /** Why the registration number looks wrong, or null when it looks right (never blocks issuing). */
  registrationNumberWarning: RegistrationNumberWarning | null;
  lines: QualifiedInvoiceLine[];
  groups: TaxRateGroup[];
  subtotal: Yen;
  tax: Yen;
  total: Yen;
  /** Whether any line carries the reduced-rate marker, so the document explains ※. */
  hasReducedRate: boolean;
}

/** `missing`, `format` (not T + 13 digits) or `check_digit` (the corporate number's check digit disagrees). */
export type RegistrationNumberWarning = 'missing' | 'format' | 'check_digit';

/**
 * Checks a registration number `T` + 13 digits. For a corporation the 13 digits are its corporate
 * number, whose first digit is 9 − (Σ digit × (1 or 2, alternating from the right) mod 9) of the other
 * twelve; a sole proprietor's number has no such digit, so a mismatch is a warning, not a refusal.
 */
export function registrationNumberWarningOf(
  value: string | null | undefined,
): RegistrationNumberWarning | null {
  if (value === null || value === undefined || value === '') return 'missing';
  if (!/^T\d{13}$/.test(value)) return 'format';
  const digits = value.slice(1);
  const base = digits.slice(1);
  let sum = 0;
  for (let n = 1; n <= 12; n += 1) {
    const digit = Number(base[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9) === Number(digits[0]) ? null : 'check_digit';
}

/** Builds a qualified invoice: per-rate sums, the tax rounded once per rate, the reduced-rate marker per line. */
export function buildQualifiedInvoice(input: {
  issuerName: string;
  registrationNumber: string | null;
  lines: readonly QualifiedInvoiceLineInput[];
  rounding: TaxRounding;
}): QualifiedInvoice {
  const lines = input.lines.map((line) => {
    if (line.serviceFrom > line.serviceThrough) {
      throw new RangeError(
        `Service period ends before it starts: ${line.serviceFrom}–${line.serviceThrough}`,
      );
    }
    const { percent, reduced } = taxRates[line.rate];
    return { ...line, amount: yen(line.amount), percent, reducedMarker: reduced };
  });
  const tax = calculateDocumentTax(lines, input.rounding);
  return {
    issuerName: input.issuerName,
    registrationNumber: input.registrationNumber,
    registrationNumberWarning: registrationNumberWarningOf(input.registrationNumber),
    lines,
    groups: tax.groups,
    subtotal: tax.subtotal,
    tax: tax.tax,
    total: sumYen([tax.subtotal, tax.tax]),
    hasReducedRate: lines.some((line) => line.reducedMarker),
  };
}

/** The rate key of a stored integer percent (10 or 8). */
export function rateKeyOfPercent(percent: number): TaxRateKey {
  for (const [key, rate] of Object.entries(taxRates)) if (rate.percent === percent) return key as TaxRateKey;
  throw new RangeError(`Unknown tax percent ${String(percent)}`);
}

/** An invoice number: one sequence per year, e.g. `INV2026-0000001`. */
export function invoiceNumberOf(year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError(`Bad sequence ${String(sequence)}`);
  return `INV${String(year)}-${String(sequence).padStart(7, '0')}`;
}
