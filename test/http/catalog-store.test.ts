// The public catalog API on the demo catalog: search with filters, sorting and paging, product pages, documents and the simulator with exact yen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { createProduct } from '../../src/modules/catalog/index.js';
import { updateStoreSettings } from '../../src/modules/store/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const actor = { kind: 'cli', id: 'test' } as const;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCatalog(t.ctx.db, { actor, now: t.clock.now() });
  // A draft is never shown, even when it matches every filter.
  await createProduct(t.ctx.db, {
    definition: {
      slug: 'secret-draft',
      provider: 'keiyaku',
      kind: 'hosting',
      name: { ja: '未公開サーバー SSL', en: 'Unpublished server SSL' },
      category: 'hosting',
      paymentMethods: ['card'],
      plans: [{ code: 'p', name: { ja: 'P', en: 'P' }, terms: [{ term: 'monthly', price: 1 }] }],
    },
    actor,
    now: t.clock.now(),
  });
});
afterAll(async () => {
  await t.close();
});

async function getJson(path: string) {
  const res = await t.request(path);
  return { status: res.status, body: await res.json() };
}

async function simulate(body: unknown) {
  const res = await t.request('/api/store/estimates', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const slugs = (body: { items: { slug: string }[] }) => body.items.map((i) => i.slug);

describe('GET /api/store/products', () => {
  it('lists the four published products in the store order with their "from" prices per month', async () => {
    const { status, body } = await getJson('/api/store/products');
    expect(status).toBe(200);
    expect(body.total).toBe(4);
    expect(slugs(body)).toEqual([
      'cloud-server',
      'mirai-groupware',
      'rental-server-x10',
      'mirai-accounting-desktop',
    ]);
    expect(body.items.map((i: { priceFrom: unknown }) => i.priceFrom)).toEqual([
      { amount: 4800, withTax: 5280, plan: 'standard', term: 'monthly' },
      // 8,800 × 5 users / 12 months = 3,666.66… → 3,666
      { amount: 3666, withTax: 4032, plan: 'business', term: '12m' },
      { amount: 1010, withTax: 1111, plan: 'x10', term: '36m' },
      { amount: 2000, withTax: 2200, plan: 'package', term: '12m' },
    ]);
    expect(body.items[1]).toMatchObject({
      name: { ja: 'ミライ グループウェア', en: 'Mirai Groupware' },
      provider: { slug: 'mirai-soft', name: { ja: 'ミライソフト株式会社', en: 'Mirai Soft Inc.' } },
      trial: { days: 30 },
      leadTimeDays: 3,
      category: 'groupware',
    });
    expect(body.categories).toEqual([
      { value: 'accounting', count: 1 },
      { value: 'groupware', count: 1 },
      { value: 'hosting', count: 1 },
      { value: 'infrastructure', count: 1 },
    ]);
    expect(body.providers.map((p: { slug: string; count: number }) => [p.slug, p.count])).toEqual([
      ['keiyaku', 2],
      ['mirai-soft', 2],
    ]);
  });

  it('filters by keyword (full-width too), category, provider, price range and trial', async () => {
    expect(slugs((await getJson('/api/store/products?q=SSL')).body)).toEqual(['rental-server-x10']);
    expect(slugs((await getJson(`/api/store/products?q=${encodeURIComponent('ｓｓｌ')}`)).body)).toEqual([
      'rental-server-x10',
    ]);
    expect(slugs((await getJson(`/api/store/products?q=${encodeURIComponent('ミライ 会計')}`)).body)).toEqual(
      ['mirai-accounting-desktop'],
    );
    expect(slugs((await getJson('/api/store/products?category=hosting')).body)).toEqual([
      'rental-server-x10',
    ]);
    expect(slugs((await getJson('/api/store/products?provider=mirai-soft')).body)).toEqual([
      'mirai-groupware',
      'mirai-accounting-desktop',
    ]);
    expect(slugs((await getJson('/api/store/products?minPrice=2000&maxPrice=4000')).body)).toEqual([
      'mirai-groupware',
      'mirai-accounting-desktop',
    ]);
    expect(slugs((await getJson('/api/store/products?trial=true')).body)).toEqual([
      'cloud-server',
      'mirai-groupware',
    ]);
  });

  it('sorts and pages', async () => {
    expect(slugs((await getJson('/api/store/products?sort=price_asc')).body)).toEqual([
      'rental-server-x10',
      'mirai-accounting-desktop',
      'mirai-groupware',
      'cloud-server',
    ]);
    expect(slugs((await getJson('/api/store/products?sort=price_desc')).body)[0]).toBe('cloud-server');
    const page = (await getJson('/api/store/products?sort=price_asc&limit=2&offset=2')).body;
    expect([page.total, page.limit, page.offset, slugs(page)]).toEqual([
      4,
      2,
      2,
      ['mirai-groupware', 'cloud-server'],
    ]);
    const bad = await getJson('/api/store/products?limit=0&sort=cheapest');
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['limit', 'sort']);
  });
});

describe('GET /api/store/products/{product}', () => {
  it('answers the rental server by slug or id with terms, tax-exclusive and tax-inclusive prices, option documents and order fields', async () => {
    const { status, body } = await getJson('/api/store/products/rental-server-x10');
    expect(status).toBe(200);
    expect((await getJson(`/api/store/products/${body.id}`)).body.slug).toBe('rental-server-x10');
    const plan = body.plans[0];
    expect(plan.setupFee).toEqual({ amount: 3000, withTax: 3300 });
    expect(
      plan.terms.map((x: { term: string; price: unknown; perMonth: number }) => [
        x.term,
        x.price,
        x.perMonth,
      ]),
    ).toEqual([
      ['3m', { amount: 3960, withTax: 4356 }, 1320],
      ['6m', { amount: 7320, withTax: 8052 }, 1220],
      ['12m', { amount: 13200, withTax: 14520 }, 1100],
      ['24m', { amount: 25440, withTax: 27984 }, 1060],
      ['36m', { amount: 36360, withTax: 39996 }, 1010],
    ]);
    expect(plan.terms[0].label).toEqual({ ja: '3ヶ月', en: '3 months' });
    const ev = body.options.find((o: { code: string }) => o.code === 'ssl-ev');
    expect(ev).toMatchObject({
      choiceGroup: 'ssl',
      setupFee: { amount: 5000, withTax: 5500 },
      terms: [
        {
          key: 'ssl-terms',
          version: '2026-04-01',
          title: { ja: '独自SSL 利用規約', en: 'SSL certificate terms' },
          url: '/api/store/terms-documents/ssl-terms',
        },
      ],
    });
    expect(
      ev.offers.map((o: { term: string; price: { amount: number } }) => [o.term, o.price.amount]),
    ).toEqual([
      ['12m', 78000],
      ['24m', 156000],
      ['36m', 234000],
    ]);
    expect(body.terms.map((d: { key: string }) => d.key)).toEqual(['hosting-terms']);
    expect(body.paymentMethods).toEqual(['card', 'wallet', 'bank_transfer']);
    expect(body.trial).toBeNull();
    expect(
      body.orderFields.map((f: { key: string; type: string; required: boolean }) => [
        f.key,
        f.type,
        f.required,
      ]),
    ).toEqual([
      ['domain', 'domain', false],
      ['server_id', 'text', true],
    ]);
    expect(body.taxRounding).toBe('floor');
  });

  it('answers the trial of the SaaS with its conditions document', async () => {
    const { body } = await getJson('/api/store/products/mirai-groupware');
    expect(body.trial).toEqual({
      days: 30,
      plan: 'business',
      paymentMethodRequired: false,
      conditions: {
        key: 'groupware-trial',
        version: '2026-04-01',
        title: {
          ja: 'ミライ グループウェア 無料トライアル条件',
          en: 'Mirai Groupware free trial conditions',
        },
        url: '/api/store/terms-documents/groupware-trial',
      },
    });
    expect(body.plans[0].quantity).toEqual({ min: 5, max: 500, step: 1 });
    expect(body.plans[0].quantityUnit).toEqual({ ja: 'ユーザー', en: 'users' });
  });

  it('does not show drafts or unknown products', async () => {
    for (const path of ['/api/store/products/secret-draft', '/api/store/products/nothing-here']) {
      const { status, body } = await getJson(path);
      expect([status, body.code]).toEqual([404, 'product_not_found']);
    }
    expect(slugs((await getJson('/api/store/products?q=SSL&category=hosting')).body)).not.toContain(
      'secret-draft',
    );
  });

  it('serves the documents the product links to', async () => {
    const { status, body } = await getJson('/api/store/terms-documents/ssl-terms');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      key: 'ssl-terms',
      version: '2026-04-01',
      title: { ja: '独自SSL 利用規約' },
    });
    expect(body.body.ja).toContain('# 独自SSL 利用規約');
    expect((await getJson('/api/store/terms-documents/nope')).status).toBe(404);
  });
});

describe('POST /api/store/estimates', () => {
  it('prices the rental server for 12 months with EV SSL, backup and three devices', async () => {
    const { status, body } = await simulate({
      product: 'rental-server-x10',
      plan: 'x10',
      term: '12m',
      options: [{ code: 'ssl-ev' }, { code: 'backup' }, { code: 'device-security', quantity: 3 }],
    });
    expect(status).toBe(200);
    expect(body.simulation).toBe(true);
    expect(body.notice.ja).toContain('正式な見積書ではありません');
    expect(
      body.lines.map((l: Record<string, unknown>) => [
        l.kind,
        l.code,
        l.charge,
        l.quantity,
        l.unitPrice,
        l.amount,
      ]),
    ).toEqual([
      ['plan', 'x10', 'per_term', 1, 13200, 13200],
      ['option', 'ssl-ev', 'per_term', 1, 78000, 78000],
      ['option', 'backup', 'per_term', 1, 3960, 3960],
      ['option', 'device-security', 'per_term', 3, 3600, 10800],
      ['setup', 'x10', 'one_time', 1, 3000, 3000],
      ['setup', 'ssl-ev', 'one_time', 1, 5000, 5000],
    ]);
    expect(body.perTerm).toEqual({
      groups: [
        {
          rate: 'standard',
          percent: 10,
          reduced: false,
          taxableAmount: 105960,
          tax: 10596,
          totalWithTax: 116556,
        },
      ],
      subtotal: 105960,
      tax: 10596,
      total: 116556,
    });
    expect(body.oneTime).toMatchObject({ subtotal: 8000, tax: 800, total: 8800 });
    expect(body.firstTerm).toMatchObject({ subtotal: 113960, tax: 11396, total: 125356 });
    expect(body.perMonth).toEqual({ subtotal: 8830, tax: 883, total: 9713, exact: true });
    expect(body).toMatchObject({
      product: { slug: 'rental-server-x10' },
      planName: { ja: 'X10プラン' },
      term: '12m',
      termLabel: { ja: '12ヶ月', en: '12 months' },
      termMonths: 12,
      evergreen: false,
      rounding: 'floor',
    });
  });

  it('estimates the monthly cloud with usage by tier', async () => {
    const { body } = await simulate({
      product: 'cloud-server',
      plan: 'standard',
      term: 'monthly',
      usage: [
        { code: 'transfer', quantity: 1250 },
        { code: 'snapshot', quantity: 200 },
      ],
    });
    expect(body.lines.map((l: Record<string, unknown>) => [l.code, l.charge, l.quantity, l.amount])).toEqual([
      ['standard', 'per_term', 1, 4800],
      ['transfer', 'usage_per_month', 1250, 12650],
      ['snapshot', 'usage_per_month', 200, 1200],
    ]);
    expect(body.lines[1].tiers).toEqual([
      { from: 0, upTo: 100, quantity: 100, unitPrice: 0, amount: 0 },
      { from: 100, upTo: 10000, quantity: 1150, unitPrice: 11, amount: 12650 },
    ]);
    expect(body.lines[1].unit).toEqual({ ja: 'GB', en: 'GB' });
    expect(body.perMonth).toEqual({ subtotal: 18650, tax: 1865, total: 20515, exact: true });
    expect(body.evergreen).toBe(true);
  });

  it('prices the SaaS per user for 12 months with the help desk', async () => {
    const { body } = await simulate({
      product: 'mirai-groupware',
      plan: 'business',
      term: '12m',
      quantity: 10,
      options: [{ code: 'helpdesk' }],
    });
    expect(body.perTerm).toMatchObject({ subtotal: 143000, tax: 14300, total: 157300 });
    expect(body.perMonth).toEqual({ subtotal: 11916, tax: 1192, total: 13108, exact: false });
    const few = await simulate({
      product: 'mirai-groupware',
      plan: 'business',
      term: 'monthly',
      quantity: 4,
    });
    expect([few.status, few.body.code, few.body.errors[0].path]).toEqual([
      422,
      'estimate_quantity_out_of_range',
      'quantity',
    ]);
    expect(few.body.messages.ja).toBe(
      '「ビジネス」の数量 4 は指定できません。数量は5〜500で指定してください。',
    );
  });

  it('includes every option in the download edition and lets the package edition drop them', async () => {
    const download = await simulate({ product: 'mirai-accounting-desktop', plan: 'download', term: '12m' });
    expect(download.body.lines.map((l: Record<string, unknown>) => [l.code, l.amount, l.included])).toEqual([
      ['download', 30000, false],
      ['payroll', 0, true],
      ['e-filing', 0, true],
    ]);
    expect(download.body.perTerm.total).toBe(33000);
    const removed = await simulate({
      product: 'mirai-accounting-desktop',
      plan: 'download',
      term: '12m',
      options: [{ code: 'payroll', quantity: 0 }],
    });
    expect([removed.status, removed.body.code]).toEqual([422, 'estimate_included_option_removed']);
    const pkg = await simulate({
      product: 'mirai-accounting-desktop',
      plan: 'package',
      term: '6m',
      options: [{ code: 'payroll' }, { code: 'e-filing', quantity: 0 }],
    });
    expect(pkg.body.perTerm).toMatchObject({ subtotal: 16200, tax: 1620, total: 17820 });
    const sixMonthDownload = await simulate({
      product: 'mirai-accounting-desktop',
      plan: 'download',
      term: '6m',
    });
    expect([sixMonthDownload.status, sixMonthDownload.body.code]).toEqual([422, 'estimate_term_not_offered']);
  });

  it('refuses options a term does not offer, unknown and draft products, and malformed bodies', async () => {
    const ev = await simulate({
      product: 'rental-server-x10',
      plan: 'x10',
      term: '3m',
      options: [{ code: 'ssl-ev' }],
    });
    expect([ev.status, ev.body.code, ev.body.errors[0].path]).toEqual([
      422,
      'estimate_option_not_offered',
      'options.0.code',
    ]);
    expect(ev.body.messages.en).toBe(
      'The option "SSL certificate (extended validation)" is not offered with "X10 plan" for the term "3 months".',
    );
    expect((await simulate({ product: 'secret-draft', plan: 'p', term: 'monthly' })).status).toBe(404);
    expect((await simulate({ product: 'nothing', plan: 'p', term: 'monthly' })).status).toBe(404);
    const malformed = await simulate({ product: 'rental-server-x10', term: '12m', quantity: 1.5 });
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['plan', 'quantity']);
  });

  it("uses the store's rounding, once per rate", async () => {
    const request = {
      product: 'cloud-server',
      plan: 'standard',
      term: 'monthly',
      usage: [{ code: 'transfer', quantity: 1251 }],
    };
    // 4,800 + 1,151 × 11 = 17,461 → 1,746.1 yen of tax
    expect((await simulate(request)).body.perTerm).toMatchObject({
      subtotal: 17461,
      tax: 1746,
      total: 19207,
    });
    await updateStoreSettings(t.ctx.db, { patch: { taxRounding: 'ceil' }, actor, now: t.clock.now() });
    const ceil = (await simulate(request)).body;
    expect(ceil.perTerm).toMatchObject({ subtotal: 17461, tax: 1747, total: 19208 });
    expect(ceil.rounding).toBe('ceil');
    await updateStoreSettings(t.ctx.db, { patch: { taxRounding: 'floor' }, actor, now: t.clock.now() });
  });
});
