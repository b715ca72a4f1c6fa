// Unit tests for consumption tax: integer rates, floor/round/ceil, per-rate document rounding, credits.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { sumYen, yen } from '../../src/domain/money.js';
import {
  calculateDocumentTax,
  type TaxableLine,
  type TaxRateKey,
  type TaxRounding,
  taxIncludedPrice,
  taxOn,
  taxRateKeys,
  taxRates,
} from '../../src/domain/tax.js';

const line = (amount: number, rate: TaxRateKey): TaxableLine => ({ amount: yen(amount), rate });

describe('tax rates', () => {
  it('are integer percents: 10% standard, 8% reduced with the marker', () => {
    expect(taxRates).toEqual({
      standard: { percent: 10, reduced: false },
      reduced: { percent: 8, reduced: true },
    });
    expect(taxRateKeys).toEqual(['standard', 'reduced']);
  });
});

describe('taxOn', () => {
  it.each<[number, TaxRateKey, TaxRounding, number]>([
    [1000, 'standard', 'floor', 100],
    [1000, 'reduced', 'floor', 80],
    [1335, 'standard', 'floor', 133],
    [1335, 'standard', 'round', 134],
    [1335, 'standard', 'ceil', 134],
    [1334, 'standard', 'round', 133],
    [681, 'reduced', 'floor', 54],
    [681, 'reduced', 'round', 54],
    [681, 'reduced', 'ceil', 55],
    [687, 'reduced', 'round', 55],
    [0, 'standard', 'ceil', 0],
    [1, 'standard', 'ceil', 1],
    [1, 'standard', 'round', 0],
    [5, 'standard', 'round', 1],
  ])('%d yen at %s with %s is %d', (amount, rate, rounding, tax) => {
    expect(taxOn(yen(amount), rate, rounding)).toBe(tax);
  });

  it('rounds credits on the absolute value and keeps the sign', () => {
    expect(taxOn(yen(-1335), 'standard', 'floor')).toBe(-133);
    expect(taxOn(yen(-1335), 'standard', 'round')).toBe(-134);
    expect(taxOn(yen(-1334), 'standard', 'round')).toBe(-133);
    expect(taxOn(yen(-1335), 'standard', 'ceil')).toBe(-134);
    expect(taxOn(yen(-681), 'reduced', 'ceil')).toBe(-55);
    expect(Object.is(taxOn(yen(-1), 'standard', 'floor'), 0)).toBe(true);
  });

  it('stays exact for amounts whose amount × percent passes 2^53', () => {
    expect(taxOn(yen(Number.MAX_SAFE_INTEGER), 'standard', 'floor')).toBe(900_719_925_474_099);
    expect(taxOn(yen(Number.MAX_SAFE_INTEGER), 'standard', 'ceil')).toBe(900_719_925_474_100);
    expect(taxOn(yen(Number.MAX_SAFE_INTEGER), 'reduced', 'round')).toBe(720_575_940_379_279);
  });

  it('refuses unknown rates and rounding modes', () => {
    expect(() => taxOn(yen(100), 'zero' as TaxRateKey, 'floor')).toThrow(RangeError);
    expect(() => taxOn(yen(100), 'toString' as TaxRateKey, 'floor')).toThrow(RangeError);
    expect(() => taxOn(yen(100), 'standard', 'banker' as TaxRounding)).toThrow(RangeError);
  });
});

describe('calculateDocumentTax', () => {
  // Standard lines sum to ¥1,335 (tax 133.5), reduced lines to ¥681 (tax 54.48): the three modes differ.
  const mixed = [line(500, 'reduced'), line(1000, 'standard'), line(181, 'reduced'), line(335, 'standard')];

  it('floor: groups per rate, standard first, with the reduced marker', () => {
    expect(calculateDocumentTax(mixed, 'floor')).toEqual({
      groups: [
        { rate: 'standard', percent: 10, reduced: false, taxableAmount: 1335, tax: 133, totalWithTax: 1468 },
        { rate: 'reduced', percent: 8, reduced: true, taxableAmount: 681, tax: 54, totalWithTax: 735 },
      ],
      subtotal: 2016,
      tax: 187,
      total: 2203,
    });
  });

  it('round (half up)', () => {
    expect(calculateDocumentTax(mixed, 'round')).toEqual({
      groups: [
        { rate: 'standard', percent: 10, reduced: false, taxableAmount: 1335, tax: 134, totalWithTax: 1469 },
        { rate: 'reduced', percent: 8, reduced: true, taxableAmount: 681, tax: 54, totalWithTax: 735 },
      ],
      subtotal: 2016,
      tax: 188,
      total: 2204,
    });
  });

  it('ceil', () => {
    expect(calculateDocumentTax(mixed, 'ceil')).toEqual({
      groups: [
        { rate: 'standard', percent: 10, reduced: false, taxableAmount: 1335, tax: 134, totalWithTax: 1469 },
        { rate: 'reduced', percent: 8, reduced: true, taxableAmount: 681, tax: 55, totalWithTax: 736 },
      ],
      subtotal: 2016,
      tax: 189,
      total: 2205,
    });
  });

  it('lists only the rates present', () => {
    const onlyReduced = calculateDocumentTax([line(980, 'reduced'), line(980, 'reduced')], 'floor');
    expect(onlyReduced.groups).toEqual([
      { rate: 'reduced', percent: 8, reduced: true, taxableAmount: 1960, tax: 156, totalWithTax: 2116 },
    ]);
    expect(onlyReduced.total).toBe(2116);
    expect(calculateDocumentTax([], 'round')).toEqual({ groups: [], subtotal: 0, tax: 0, total: 0 });
  });

  it('rounds once per rate per document, not per line (10 × ¥105 at 10%, round)', () => {
    const lines = Array.from({ length: 10 }, () => line(105, 'standard'));
    // Per line: 10.5 → 11, ten times = ¥110. On the document: 1,050 × 10% = ¥105 exactly.
    const perLine = sumYen(lines.map((l) => taxOn(l.amount, l.rate, 'round')));
    const document = calculateDocumentTax(lines, 'round');
    expect(perLine).toBe(110);
    expect(document.tax).toBe(105);
    expect(document.total).toBe(1155);
  });

  it('rounds once per rate per document, not per line (3 × ¥99 at 10%, floor)', () => {
    const lines = [line(99, 'standard'), line(99, 'standard'), line(99, 'standard')];
    // Per line: 9.9 → 9, three times = ¥27. On the document: 297 × 10% = 29.7 → ¥29.
    const perLine = sumYen(lines.map((l) => taxOn(l.amount, l.rate, 'floor')));
    expect(perLine).toBe(27);
    expect(calculateDocumentTax(lines, 'floor').tax).toBe(29);
  });

  it('nets credit lines inside a rate before rounding', () => {
    const doc = calculateDocumentTax([line(1000, 'standard'), line(-205, 'standard')], 'floor');
    // 795 × 10% = 79.5 → 79 (per line it would be 100 − 20 = 80).
    expect(doc.groups).toEqual([
      { rate: 'standard', percent: 10, reduced: false, taxableAmount: 795, tax: 79, totalWithTax: 874 },
    ]);
    expect(doc.total).toBe(874);
  });

  it.each<TaxRounding>(['floor', 'round', 'ceil'])(
    'a credit note for exactly the invoiced lines negates its tax (%s)',
    (rounding) => {
      const invoice = calculateDocumentTax(mixed, rounding);
      const credit = calculateDocumentTax(
        mixed.map((l) => line(-l.amount, l.rate)),
        rounding,
      );
      expect(credit.subtotal).toBe(-invoice.subtotal);
      expect(credit.tax).toBe(-invoice.tax);
      expect(credit.total).toBe(-invoice.total);
      expect(credit.groups.map((g) => g.tax)).toEqual(invoice.groups.map((g) => -g.tax));
    },
  );

  it('a credit-only document: floor is toward zero, ceil and round away from it', () => {
    expect(calculateDocumentTax([line(-1335, 'standard')], 'floor').total).toBe(-1468);
    expect(calculateDocumentTax([line(-1335, 'standard')], 'round').total).toBe(-1469);
    expect(calculateDocumentTax([line(-1335, 'standard')], 'ceil').total).toBe(-1469);
  });

  it('throws unsafe_amount when totals overflow', () => {
    try {
      calculateDocumentTax([line(Number.MAX_SAFE_INTEGER, 'standard')], 'floor');
      expect.fail('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('unsafe_amount');
    }
  });

  it('refuses an unknown rate key from stored data', () => {
    expect(() => calculateDocumentTax([line(100, 'zero' as TaxRateKey)], 'floor')).toThrow(RangeError);
  });
});

describe('taxIncludedPrice', () => {
  it.each<[number, TaxRateKey, TaxRounding, number]>([
    [1000, 'standard', 'floor', 1100],
    [1000, 'reduced', 'ceil', 1080],
    [980, 'reduced', 'floor', 1058],
    [980, 'reduced', 'round', 1058],
    [980, 'reduced', 'ceil', 1059],
    [99, 'standard', 'floor', 108],
    [99, 'standard', 'round', 109],
    [105, 'standard', 'floor', 115],
    [105, 'standard', 'round', 116],
    [105, 'standard', 'ceil', 116],
    [-105, 'standard', 'round', -116],
  ])('%d yen at %s with %s shows %d', (amount, rate, rounding, price) => {
    expect(taxIncludedPrice(yen(amount), rate, rounding)).toBe(price);
  });
});
