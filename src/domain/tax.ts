// Japanese consumption tax: rates as data, tax rounded once per rate per document (qualified-invoice rule).
import { sumYen, type Yen, yen } from './money.js';

/** The consumption tax rates, as integer percent; `reduced` marks the rate shown with the ※ marker. */
export const taxRates = {
  standard: { percent: 10, reduced: false },
  reduced: { percent: 8, reduced: true },
} as const;

/** A key of `taxRates`. */
export type TaxRateKey = keyof typeof taxRates;

/** All rate keys, standard first: the order in which documents list them. */
export const taxRateKeys: readonly TaxRateKey[] = ['standard', 'reduced'];

/** How a fraction of a yen of tax is settled; `round` is round half up. The operator chooses. */
export type TaxRounding = 'floor' | 'round' | 'ceil';

/** All rounding modes, e.g. for a zod enum. */
export const taxRoundings: readonly TaxRounding[] = ['floor', 'round', 'ceil'];

/** One tax-exclusive line of a document. */
export interface TaxableLine {
  /** Tax-exclusive line total; negative for credit lines. */
  amount: Yen;
  rate: TaxRateKey;
}

/** The per-rate totals a qualified invoice must show. */
export interface TaxRateGroup {
  rate: TaxRateKey;
  percent: number;
  reduced: boolean;
  taxableAmount: Yen;
  tax: Yen;
  totalWithTax: Yen;
}

/** The tax of a whole document: one group per rate present, standard first. */
export interface DocumentTax {
  groups: TaxRateGroup[];
  subtotal: Yen;
  tax: Yen;
  total: Yen;
}

/**
 * Tax on one tax-exclusive amount at one rate, rounded to whole yen.
 *
 * Negative amounts (credits) are rounded on their absolute value and keep their sign, so "floor" means
 * "towards zero" and "ceil"/"round" mean "away from zero" for both signs. That way a credit note for
 * exactly what was invoiced carries exactly the negated tax of that invoice.
 */
export function taxOn(amount: Yen, rate: TaxRateKey, rounding: TaxRounding): Yen {
  const { percent } = rateOf(rate);
  if (!taxRoundings.includes(rounding)) throw new RangeError(`Unknown tax rounding ${String(rounding)}`);
  const value = yen(amount);
  const negative = value < 0;
  // bigint keeps amount × percent exact even when it passes 2^53 for very large amounts.
  const scaled = BigInt(Math.abs(value)) * BigInt(percent);
  const whole = scaled / 100n;
  const remainder = scaled % 100n;
  let tax = whole;
  if (rounding === 'ceil' && remainder > 0n) tax += 1n;
  if (rounding === 'round' && remainder >= 50n) tax += 1n;
  return yen(Number(negative ? -tax : tax));
}

/** The tax-inclusive price of a single amount, for showing prices; never sum these into a document. */
export function taxIncludedPrice(amount: Yen, rate: TaxRateKey, rounding: TaxRounding): Yen {
  return sumYen([amount, taxOn(amount, rate, rounding)]);
}

/** Groups tax-exclusive lines by rate and rounds the tax once per rate on each rate's sum. */
export function calculateDocumentTax(lines: readonly TaxableLine[], rounding: TaxRounding): DocumentTax {
  const byRate = new Map<TaxRateKey, Yen[]>();
  for (const line of lines) {
    rateOf(line.rate);
    const amounts = byRate.get(line.rate) ?? [];
    amounts.push(line.amount);
    byRate.set(line.rate, amounts);
  }

  const groups: TaxRateGroup[] = [];
  for (const rate of taxRateKeys) {
    const amounts = byRate.get(rate);
    if (!amounts) continue;
    const { percent, reduced } = taxRates[rate];
    const taxableAmount = sumYen(amounts);
    const tax = taxOn(taxableAmount, rate, rounding);
    groups.push({ rate, percent, reduced, taxableAmount, tax, totalWithTax: sumYen([taxableAmount, tax]) });
  }

  const subtotal = sumYen(groups.map((group) => group.taxableAmount));
  const tax = sumYen(groups.map((group) => group.tax));
  return { groups, subtotal, tax, total: sumYen([subtotal, tax]) };
}

function rateOf(rate: TaxRateKey): (typeof taxRates)[TaxRateKey] {
  // Rate keys arrive from stored data too, so an unknown key is caught here rather than taxed as undefined.
  if (!Object.hasOwn(taxRates, rate)) throw new RangeError(`Unknown tax rate ${String(rate)}`);
  return taxRates[rate];
}
