// Unit tests for the price engine: lines, per-rate tax once per document, terms, options, quantities, usage tiers, exact yen.
import { describe, expect, it } from 'vitest';
import { compareTerms, FIXED_ONE, isTermKey, quantityAllowed, termMonths } from '../../src/domain/catalog.js';
import { AppError } from '../../src/domain/errors.js';
import { type EstimateRequest, estimate } from '../../src/domain/estimate.js';
import { yen } from '../../src/domain/money.js';
import { chargeUsage, type PriceableProduct, tiersValid } from '../../src/domain/pricing.js';
import type { TaxRounding } from '../../src/domain/tax.js';

const n = (ja: string, en = ja) => ({ ja, en });

/** A rental server like seed 002: 3/12-month terms, SSL quick or EV, device security per device. */
const hosting: PriceableProduct = {
  name: n('レンタルサーバー', 'Rental server'),
  plans: [
    {
      code: 'x10',
      name: n('X10プラン', 'X10 plan'),
      taxRate: 'standard',
      setupFee: yen(3000),
      quantity: FIXED_ONE,
      terms: [
        { term: '3m', price: yen(3960) },
        { term: '12m', price: yen(13200) },
      ],
      usageComponents: [],
    },
  ],
  options: [
    {
      code: 'ssl-quick',
      name: n('独自SSL クイック認証', 'SSL quick'),
      required: false,
      choiceGroup: 'ssl',
      taxRate: 'standard',
      setupFee: yen(0),
      quantity: FIXED_ONE,
      offers: [
        { plan: 'x10', term: '3m', price: yen(1500), included: false },
        { plan: 'x10', term: '12m', price: yen(6000), included: false },
      ],
    },
    {
      code: 'ssl-ev',
      name: n('EV SSL', 'EV SSL'),
      required: false,
      choiceGroup: 'ssl',
      taxRate: 'standard',
      setupFee: yen(5000),
      quantity: FIXED_ONE,
      offers: [{ plan: 'x10', term: '12m', price: yen(80000), included: false }],
    },
    {
      code: 'device-security',
      name: n('デバイスセキュリティ', 'Device security'),
      required: false,
      choiceGroup: null,
      taxRate: 'standard',
      setupFee: yen(0),
      quantity: { min: 1, max: 10, step: 1 },
      offers: [
        { plan: 'x10', term: '3m', price: yen(900), included: false },
        { plan: 'x10', term: '12m', price: yen(3600), included: false },
      ],
    },
  ],
};

/** Desktop software like seed 004: package 6/12 months with removable options, download 12 months with all included. */
const software: PriceableProduct = {
  name: n('会計ソフト', 'Accounting software'),
  plans: [
    {
      code: 'package',
      name: n('パッケージ版', 'Package edition'),
      taxRate: 'standard',
      setupFee: yen(0),
      quantity: FIXED_ONE,
      terms: [
        { term: '6m', price: yen(13200) },
        { term: '12m', price: yen(24000) },
      ],
      usageComponents: [],
    },
    {
      code: 'download',
      name: n('ダウンロード版', 'Download edition'),
      taxRate: 'standard',
      setupFee: yen(0),
      quantity: FIXED_ONE,
      terms: [{ term: '12m', price: yen(30000) }],
      usageComponents: [],
    },
  ],
  options: [
    {
      code: 'payroll',
      name: n('給与連携', 'Payroll link'),
      required: false,
      choiceGroup: null,
      taxRate: 'standard',
      setupFee: yen(0),
      quantity: FIXED_ONE,
      offers: [
        { plan: 'package', term: '6m', price: yen(3000), included: false },
        { plan: 'package', term: '12m', price: yen(5400), included: false },
        { plan: 'download', term: '12m', price: yen(0), included: true },
      ],
    },
  ],
};

/** A monthly cloud plan billed in arrears with usage tiers (seed 000/001). */
const cloud: PriceableProduct = {
  name: n('クラウド', 'Cloud'),
  plans: [
    {
      code: 'basic',
      name: n('ベーシック', 'Basic'),
      taxRate: 'standard',
      setupFee: yen(0),
      quantity: FIXED_ONE,
      terms: [{ term: 'monthly', price: yen(3000) }],
      usageComponents: [
        {
          code: 'transfer',
          name: n('データ転送量', 'Data transfer'),
          unit: n('GB', 'GB'),
          taxRate: 'standard',
          tierMode: 'graduated',
          tiers: [
            { upTo: 100, unitPrice: yen(0) },
            { upTo: 1000, unitPrice: yen(11) },
            { upTo: null, unitPrice: yen(9) },
          ],
        },
        {
          code: 'storage',
          name: n('ストレージ', 'Storage'),
          unit: n('GB', 'GB'),
          taxRate: 'standard',
          tierMode: 'volume',
          tiers: [
            { upTo: 500, unitPrice: yen(5) },
            { upTo: null, unitPrice: yen(4) },
          ],
        },
      ],
    },
  ],
  options: [],
};

/** A SaaS per user with a required help desk, and an 8% item to mix rates. */
const mixed: PriceableProduct = {
  name: n('混在', 'Mixed'),
  plans: [
    {
      code: 'team',
      name: n('チーム', 'Team'),
      taxRate: 'standard',
      setupFee: yen(10000),
      quantity: { min: 5, max: 100, step: 5 },
      terms: [
        { term: 'monthly', price: yen(201) },
        { term: '12m', price: yen(2211) },
      ],
      usageComponents: [],
    },
  ],
  options: [
    {
      code: 'helpdesk',
      name: n('ヘルプデスク', 'Help desk'),
      required: true,
      choiceGroup: null,
      taxRate: 'standard',
      setupFee: yen(0),
      quantity: FIXED_ONE,
      offers: [{ plan: 'team', term: 'monthly', price: yen(1005), included: false }],
    },
    {
      code: 'snacks',
      name: n('お菓子の定期便', 'Snack box'),
      required: false,
      choiceGroup: null,
      taxRate: 'reduced',
      setupFee: yen(0),
      quantity: { min: 1, max: 3, step: 1 },
      offers: [
        { plan: 'team', term: 'monthly', price: yen(1006), included: false },
        { plan: 'team', term: '12m', price: yen(12072), included: false },
      ],
    },
  ],
};

function failure(product: PriceableProduct, request: EstimateRequest): AppError {
  try {
    estimate(product, request, 'floor');
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the estimate to fail');
}

describe('terms and quantity rules', () => {
  it('reads term keys', () => {
    expect(['monthly', '3m', '36m', '99m'].every(isTermKey)).toBe(true);
    expect(['0m', '100m', 'm', '12', 'yearly', '012m'].some(isTermKey)).toBe(false);
    expect(termMonths('monthly')).toBe(1);
    expect(termMonths('24m')).toBe(24);
    expect(['36m', 'monthly', '6m', '12m'].sort((a, b) => compareTerms(a as never, b as never))).toEqual([
      'monthly',
      '6m',
      '12m',
      '36m',
    ]);
  });

  it('allows quantities from min to max in steps', () => {
    const rule = { min: 5, max: 20, step: 5 };
    expect([5, 10, 15, 20].every((q) => quantityAllowed(rule, q))).toBe(true);
    expect([0, 4, 6, 25, 7.5, Number.NaN].some((q) => quantityAllowed(rule, q))).toBe(false);
    expect(quantityAllowed(FIXED_ONE, 1)).toBe(true);
    expect(quantityAllowed(FIXED_ONE, 2)).toBe(false);
  });
});

describe('usage tiers', () => {
  const tiers = cloud.plans[0]!.usageComponents[0]!.tiers;
  it('charges graduated tiers each at its own price', () => {
    expect(chargeUsage(tiers, 'graduated', 1250)).toEqual([
      { from: 0, upTo: 100, quantity: 100, unitPrice: 0, amount: 0 },
      { from: 100, upTo: 1000, quantity: 900, unitPrice: 11, amount: 9900 },
      { from: 1000, upTo: null, quantity: 250, unitPrice: 9, amount: 2250 },
    ]);
    expect(chargeUsage(tiers, 'graduated', 100)).toEqual([
      { from: 0, upTo: 100, quantity: 100, unitPrice: 0, amount: 0 },
    ]);
    expect(chargeUsage(tiers, 'graduated', 0)).toEqual([]);
  });

  it('charges volume tiers all at the price of the tier reached', () => {
    expect(chargeUsage(tiers, 'volume', 1000)).toEqual([
      { from: 100, upTo: 1000, quantity: 1000, unitPrice: 11, amount: 11000 },
    ]);
    expect(chargeUsage(tiers, 'volume', 1001)).toEqual([
      { from: 1000, upTo: null, quantity: 1001, unitPrice: 9, amount: 9009 },
    ]);
  });

  it('accepts only ascending tiers ending open', () => {
    expect(tiersValid(tiers)).toBe(true);
    expect(tiersValid([])).toBe(false);
    expect(tiersValid([{ upTo: 10, unitPrice: yen(1) }])).toBe(false);
    expect(
      tiersValid([
        { upTo: null, unitPrice: yen(1) },
        { upTo: 10, unitPrice: yen(1) },
      ]),
    ).toBe(false);
    expect(
      tiersValid([
        { upTo: 10, unitPrice: yen(1) },
        { upTo: 10, unitPrice: yen(1) },
        { upTo: null, unitPrice: yen(1) },
      ]),
    ).toBe(false);
  });
});

describe('estimate: the rental server (seed 002)', () => {
  it('prices a 12-month term with EV SSL and three devices: lines, one-time fees, per term, per month', () => {
    const result = estimate(
      hosting,
      {
        plan: 'x10',
        term: '12m',
        options: [{ code: 'ssl-ev' }, { code: 'device-security', quantity: 3 }],
      },
      'floor',
    );
    expect(result.lines.map((l) => [l.kind, l.code, l.charge, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['plan', 'x10', 'per_term', 1, 13200, 13200],
      ['option', 'ssl-ev', 'per_term', 1, 80000, 80000],
      ['option', 'device-security', 'per_term', 3, 3600, 10800],
      ['setup', 'x10', 'one_time', 1, 3000, 3000],
      ['setup', 'ssl-ev', 'one_time', 1, 5000, 5000],
    ]);
    expect(result.oneTime).toEqual({
      groups: [
        { rate: 'standard', percent: 10, reduced: false, taxableAmount: 8000, tax: 800, totalWithTax: 8800 },
      ],
      subtotal: 8000,
      tax: 800,
      total: 8800,
    });
    expect(result.perTerm).toMatchObject({ subtotal: 104000, tax: 10400, total: 114400 });
    expect(result.firstTerm).toMatchObject({ subtotal: 112000, tax: 11200, total: 123200 });
    expect(result.perMonth).toEqual({ subtotal: 8666, tax: 867, total: 9533, exact: false });
    expect(result).toMatchObject({ plan: 'x10', term: '12m', termMonths: 12, evergreen: false, quantity: 1 });
  });

  it('gives an exact monthly amount when the term divides', () => {
    const result = estimate(hosting, { plan: 'x10', term: '3m', options: [{ code: 'ssl-quick' }] }, 'floor');
    // 3,960 + 1,500 = 5,460 per 3 months; tax 546; 6,006 → 2,002 a month.
    expect(result.perTerm).toMatchObject({ subtotal: 5460, tax: 546, total: 6006 });
    expect(result.perMonth).toEqual({ subtotal: 1820, tax: 182, total: 2002, exact: true });
  });

  it('refuses an option not offered for the chosen term (EV SSL needs 12 months)', () => {
    const error = failure(hosting, { plan: 'x10', term: '3m', options: [{ code: 'ssl-ev' }] });
    expect(error.code).toBe('estimate_option_not_offered');
    expect(error.status).toBe(422);
    expect(error.messages.ja).toBe(
      'オプション「EV SSL」は「X10プラン」の契約期間「3ヶ月」ではお申し込みいただけません。',
    );
    expect(error.fields.map((f) => f.path)).toEqual(['options.0.code']);
  });

  it('refuses two SSL certificates of one choice group', () => {
    const error = failure(hosting, {
      plan: 'x10',
      term: '12m',
      options: [{ code: 'ssl-quick' }, { code: 'ssl-ev' }],
    });
    expect(error.code).toBe('estimate_option_choice_conflict');
    expect(error.messages.en).toBe('"SSL quick" and "EV SSL" cannot be taken together; choose one.');
  });

  it('refuses a term the plan does not offer, naming the ones it does', () => {
    const error = failure(hosting, { plan: 'x10', term: '6m' });
    expect(error.code).toBe('estimate_term_not_offered');
    expect(error.messages.ja).toBe(
      'プラン「X10プラン」では契約期間「6ヶ月」を選べません（選べる期間: 3ヶ月、12ヶ月）。',
    );
    expect(failure(hosting, { plan: 'x10', term: 'yearly' }).code).toBe('estimate_term_not_offered');
  });

  it('refuses device counts outside the rule, an unknown plan, option or duplicate', () => {
    const tooMany = failure(hosting, {
      plan: 'x10',
      term: '12m',
      options: [{ code: 'device-security', quantity: 11 }],
    });
    expect(tooMany.code).toBe('estimate_quantity_out_of_range');
    expect(tooMany.messages.en).toBe(
      'Quantity 11 is not allowed for "Device security": it must be between 1 and 10.',
    );
    expect(tooMany.fields[0]!.path).toBe('options.0.quantity');
    expect(failure(hosting, { plan: 'x10', term: '12m', quantity: 2 }).messages.ja).toBe(
      '「X10プラン」の数量 2 は指定できません。数量は1に固定です。',
    );
    expect(failure(hosting, { plan: 'x20', term: '12m' }).code).toBe('estimate_plan_unknown');
    expect(failure(hosting, { plan: 'x10', term: '12m', options: [{ code: 'nope' }] }).code).toBe(
      'estimate_option_unknown',
    );
    expect(
      failure(hosting, { plan: 'x10', term: '12m', options: [{ code: 'ssl-ev' }, { code: 'ssl-ev' }] }).code,
    ).toBe('estimate_option_duplicated');
  });
});

describe('estimate: desktop software (seed 004)', () => {
  it('lets the package edition drop its options', () => {
    const without = estimate(software, { plan: 'package', term: '6m' }, 'floor');
    expect(without.lines.map((l) => l.code)).toEqual(['package']);
    expect(without.perTerm).toMatchObject({ subtotal: 13200, tax: 1320, total: 14520 });
    expect(without.perMonth).toEqual({ subtotal: 2200, tax: 220, total: 2420, exact: true });
    const withPayroll = estimate(
      software,
      { plan: 'package', term: '12m', options: [{ code: 'payroll' }] },
      'floor',
    );
    expect(withPayroll.perTerm).toMatchObject({ subtotal: 29400, tax: 2940, total: 32340 });
    expect(
      estimate(
        software,
        { plan: 'package', term: '12m', options: [{ code: 'payroll', quantity: 0 }] },
        'floor',
      ).lines,
    ).toHaveLength(1);
  });

  it('includes every option in the download edition, 12 months only, and refuses removing one', () => {
    const result = estimate(software, { plan: 'download', term: '12m' }, 'floor');
    expect(result.lines.map((l) => [l.kind, l.code, l.amount, l.included])).toEqual([
      ['plan', 'download', 30000, false],
      ['option', 'payroll', 0, true],
    ]);
    expect(result.perTerm).toMatchObject({ subtotal: 30000, tax: 3000, total: 33000 });
    const removed = failure(software, {
      plan: 'download',
      term: '12m',
      options: [{ code: 'payroll', quantity: 0 }],
    });
    expect(removed.code).toBe('estimate_included_option_removed');
    expect(removed.messages.ja).toBe(
      'オプション「給与連携」は「ダウンロード版」の料金に含まれており、外すことはできません。',
    );
    expect(failure(software, { plan: 'download', term: '6m' }).code).toBe('estimate_term_not_offered');
  });
});

describe('estimate: monthly cloud with usage (seeds 000, 001)', () => {
  it('estimates usage per month by tier, and per term equals per month', () => {
    const result = estimate(
      cloud,
      {
        plan: 'basic',
        term: 'monthly',
        usage: [
          { code: 'transfer', quantity: 1250 },
          { code: 'storage', quantity: 600 },
        ],
      },
      'floor',
    );
    expect(result.lines.map((l) => [l.kind, l.code, l.charge, l.quantity, l.amount])).toEqual([
      ['plan', 'basic', 'per_term', 1, 3000],
      ['usage', 'transfer', 'usage_per_month', 1250, 12150],
      ['usage', 'storage', 'usage_per_month', 600, 2400],
    ]);
    expect(result.lines[1]!.tiers).toHaveLength(3);
    expect(result.perTerm).toMatchObject({ subtotal: 17550, tax: 1755, total: 19305 });
    expect(result.perMonth).toEqual({ subtotal: 17550, tax: 1755, total: 19305, exact: true });
    expect(result.oneTime).toEqual({ groups: [], subtotal: 0, tax: 0, total: 0 });
    expect(result.evergreen).toBe(true);
  });

  it('shows usage components at zero when no usage is given, and refuses unknown or negative usage', () => {
    const result = estimate(cloud, { plan: 'basic', term: 'monthly' }, 'floor');
    expect(result.lines.map((l) => [l.code, l.amount, l.unitPrice])).toEqual([
      ['basic', 3000, 3000],
      ['transfer', 0, 0],
      ['storage', 0, 5],
    ]);
    expect(
      failure(cloud, { plan: 'basic', term: 'monthly', usage: [{ code: 'cpu', quantity: 1 }] }).code,
    ).toBe('estimate_usage_unknown');
    expect(
      failure(cloud, { plan: 'basic', term: 'monthly', usage: [{ code: 'transfer', quantity: -1 }] }).code,
    ).toBe('estimate_usage_invalid');
  });
});

describe('estimate: 8% and 10% in one document, each rounding mode', () => {
  const request: EstimateRequest = {
    plan: 'team',
    term: 'monthly',
    quantity: 5,
    options: [{ code: 'helpdesk' }, { code: 'snacks', quantity: 1 }],
  };

  it.each<[TaxRounding, number, number]>([
    // standard: 5 × 201 + 1,005 = 2,010 → 201.0; reduced: 1,006 × 8% = 80.48
    ['floor', 201, 80],
    ['round', 201, 80],
    ['ceil', 201, 81],
  ])('rounds once per rate with %s', (rounding, standardTax, reducedTax) => {
    const result = estimate(mixed, request, rounding);
    expect(result.perTerm.groups).toEqual([
      {
        rate: 'standard',
        percent: 10,
        reduced: false,
        taxableAmount: 2010,
        tax: standardTax,
        totalWithTax: 2010 + standardTax,
      },
      {
        rate: 'reduced',
        percent: 8,
        reduced: true,
        taxableAmount: 1006,
        tax: reducedTax,
        totalWithTax: 1006 + reducedTax,
      },
    ]);
    expect(result.perTerm.total).toBe(3016 + standardTax + reducedTax);
    // The one-time setup fee is its own document, and the first term puts both together.
    expect(result.oneTime).toMatchObject({ subtotal: 10000, tax: 1000, total: 11000 });
    expect(result.firstTerm.groups.map((g) => [g.rate, g.taxableAmount, g.tax])).toEqual([
      ['standard', 12010, 1201],
      ['reduced', 1006, reducedTax],
    ]);
    expect(result.rounding).toBe(rounding);
  });

  it('rounds the rate total, not each line: two lines of 1,005 are 201 yen of tax, not 200', () => {
    const twoLines: PriceableProduct = {
      ...mixed,
      plans: [
        {
          ...mixed.plans[0]!,
          setupFee: yen(0),
          quantity: FIXED_ONE,
          terms: [{ term: 'monthly', price: yen(1005) }],
        },
      ],
    };
    const result = estimate(
      twoLines,
      { plan: 'team', term: 'monthly', options: [{ code: 'helpdesk' }] },
      'floor',
    );
    expect(result.lines.map((l) => l.amount)).toEqual([1005, 1005]);
    expect(result.perTerm).toMatchObject({ subtotal: 2010, tax: 201, total: 2211 });
  });

  it('distinguishes round from ceil at .5 and above', () => {
    const oneLine: PriceableProduct = {
      ...mixed,
      options: [],
      plans: [
        {
          ...mixed.plans[0]!,
          setupFee: yen(0),
          quantity: FIXED_ONE,
          terms: [{ term: 'monthly', price: yen(1005) }],
        },
      ],
    };
    const taxes = (['floor', 'round', 'ceil'] as const).map(
      (r) => estimate(oneLine, { plan: 'team', term: 'monthly' }, r).perTerm.tax,
    );
    expect(taxes).toEqual([100, 101, 101]);
  });

  it('requires the required help desk where it is offered, and not where it is not', () => {
    const missing = failure(mixed, { plan: 'team', term: 'monthly', quantity: 5 });
    expect(missing.code).toBe('estimate_required_option_missing');
    expect(missing.messages).toEqual({
      ja: 'オプション「ヘルプデスク」は必須です。',
      en: 'The option "Help desk" is required.',
    });
    const yearly = estimate(mixed, { plan: 'team', term: '12m', quantity: 10 }, 'floor');
    expect(yearly.perTerm).toMatchObject({ subtotal: 22110, tax: 2211, total: 24321 });
    expect(yearly.perMonth).toEqual({ subtotal: 1842, tax: 184, total: 2026, exact: false });
  });

  it('defaults the plan quantity to its minimum and checks the step', () => {
    expect(estimate(mixed, { plan: 'team', term: '12m' }, 'floor').quantity).toBe(5);
    const error = failure(mixed, { plan: 'team', term: '12m', quantity: 7 });
    expect(error.messages.ja).toBe(
      '「チーム」の数量 7 は指定できません。数量は5〜100（5単位）で指定してください。',
    );
    expect(error.fields[0]!.path).toBe('quantity');
  });
});
