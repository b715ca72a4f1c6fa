// Unit tests for qualified invoices: one rounding per rate per invoice, the ※ marker, service periods, registration numbers.
import { describe, expect, it } from 'vitest';
import {
  buildQualifiedInvoice,
  invoiceNumberOf,
  type QualifiedInvoiceLineInput,
  rateKeyOfPercent,
  registrationNumberWarningOf,
} from '../../src/domain/invoices.js';
import { yen } from '../../src/domain/money.js';
import type { TaxRateKey } from '../../src/domain/tax.js';

const line = (
  amount: number,
  rate: TaxRateKey,
  from = '2026-04-01',
  through = '2026-04-30',
): QualifiedInvoiceLineInput => ({
  descriptionJa: '利用料',
  descriptionEn: 'Fee',
  quantity: 1,
  unitPrice: yen(amount),
  amount: yen(amount),
  rate,
  serviceFrom: from,
  serviceThrough: through,
});

const issuer = { issuerName: '株式会社キーヤク', registrationNumber: 'T1020001071491' };

describe('buildQualifiedInvoice', () => {
  it('rounds the tax once per rate per invoice: three lines of ¥105 at 10% give ¥31, not ¥30', () => {
    const invoice = buildQualifiedInvoice({
      ...issuer,
      lines: [line(105, 'standard'), line(105, 'standard'), line(105, 'standard')],
      rounding: 'floor',
    });
    expect(invoice.groups).toEqual([
      { rate: 'standard', percent: 10, reduced: false, taxableAmount: 315, tax: 31, totalWithTax: 346 },
    ]);
    expect([invoice.subtotal, invoice.tax, invoice.total]).toEqual([315, 31, 346]);
    expect(invoice.hasReducedRate).toBe(false);
  });

  it('uses the store rounding mode on each rate sum', () => {
    const lines = [line(105, 'standard'), line(105, 'standard'), line(105, 'standard')];
    expect(buildQualifiedInvoice({ ...issuer, lines, rounding: 'round' }).tax).toBe(32);
    expect(buildQualifiedInvoice({ ...issuer, lines, rounding: 'ceil' }).tax).toBe(32);
    // 333 × 10% = 33.3: round and floor agree, ceil goes up.
    const odd = [line(111, 'standard'), line(111, 'standard'), line(111, 'standard')];
    expect(buildQualifiedInvoice({ ...issuer, lines: odd, rounding: 'round' }).tax).toBe(33);
    expect(buildQualifiedInvoice({ ...issuer, lines: odd, rounding: 'ceil' }).tax).toBe(34);
  });

  it('groups standard and reduced rates apart, standard first, and marks reduced lines', () => {
    const invoice = buildQualifiedInvoice({
      ...issuer,
      lines: [line(1_255, 'reduced'), line(3_000, 'standard'), line(1_255, 'reduced')],
      rounding: 'floor',
    });
    expect(invoice.groups).toEqual([
      { rate: 'standard', percent: 10, reduced: false, taxableAmount: 3_000, tax: 300, totalWithTax: 3_300 },
      // 2,510 × 8% = 200.8 → 200 once, not 100 + 100 = 200.4 rounded per line.
      { rate: 'reduced', percent: 8, reduced: true, taxableAmount: 2_510, tax: 200, totalWithTax: 2_710 },
    ]);
    expect(invoice.lines.map((l) => [l.percent, l.reducedMarker])).toEqual([
      [8, true],
      [10, false],
      [8, true],
    ]);
    expect([invoice.subtotal, invoice.tax, invoice.total]).toEqual([5_510, 500, 6_010]);
    expect(invoice.hasReducedRate).toBe(true);
  });

  it('keeps each line’s own service period, not the billing period', () => {
    const invoice = buildQualifiedInvoice({
      ...issuer,
      lines: [
        line(12_000, 'standard', '2026-04-15', '2027-04-14'),
        line(1_000, 'standard', '2026-04-01', '2026-04-30'),
      ],
      rounding: 'floor',
    });
    expect(invoice.lines.map((l) => [l.serviceFrom, l.serviceThrough])).toEqual([
      ['2026-04-15', '2027-04-14'],
      ['2026-04-01', '2026-04-30'],
    ]);
    expect(() =>
      buildQualifiedInvoice({
        ...issuer,
        lines: [line(1, 'standard', '2026-05-01', '2026-04-30')],
        rounding: 'floor',
      }),
    ).toThrow(RangeError);
  });

  it('carries the issuer and a warning for a doubtful registration number without refusing', () => {
    const good = buildQualifiedInvoice({ ...issuer, lines: [line(100, 'standard')], rounding: 'floor' });
    expect([good.registrationNumber, good.registrationNumberWarning]).toEqual(['T1020001071491', null]);
    const bad = buildQualifiedInvoice({
      issuerName: '株式会社キーヤク',
      registrationNumber: 'T2020001071491',
      lines: [line(100, 'standard')],
      rounding: 'floor',
    });
    expect(bad.registrationNumberWarning).toBe('check_digit');
    expect(bad.total).toBe(110);
  });
});

describe('registrationNumberWarningOf', () => {
  it.each<[string | null, string | null]>([
    ['T1020001071491', null],
    // 法人番号 7010001008844 (check digit 7).
    ['T7010001008844', null],
    ['T8010001008844', 'check_digit'],
    ['1020001071491', 'format'],
    ['T102000107149', 'format'],
    ['T10200010714911', 'format'],
    ['t1020001071491', 'format'],
    ['', 'missing'],
    [null, 'missing'],
  ])('%s → %s', (value, warning) => {
    expect(registrationNumberWarningOf(value)).toBe(warning);
  });
});

describe('invoice numbers and rates', () => {
  it('numbers per year with seven digits', () => {
    expect(invoiceNumberOf(2026, 1)).toBe('INV2026-0000001');
    expect(invoiceNumberOf(2027, 1_234_567)).toBe('INV2027-1234567');
    expect(() => invoiceNumberOf(2026, 0)).toThrow(RangeError);
  });

  it('reads stored percents back as rate keys', () => {
    expect(rateKeyOfPercent(10)).toBe('standard');
    expect(rateKeyOfPercent(8)).toBe('reduced');
    expect(() => rateKeyOfPercent(5)).toThrow(RangeError);
  });
});
