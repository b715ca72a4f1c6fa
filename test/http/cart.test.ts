// The cart: guests and members, re-priced by the one engine on every change, unavailable items flagged, merged at sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { changeProductStatus, createProduct, loadProduct } from '../../src/modules/catalog/index.js';
import { listDevMailbox } from '../../src/modules/notifications/index.js';
import { Browser, mailTo, memberTestPassword, registerAndSignIn } from '../helpers/member-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const actor = { kind: 'cli', id: 'test' } as const;

beforeAll(async () => {
  t = await createTestApp();
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor, now: t.clock.now() });
  // ¥1,005 a month: 10 % is ¥100.5, so rounding per item and rounding once per document differ.
  await createProduct(t.ctx.db, {
    definition: {
      slug: 'odd-yen-tool',
      provider: 'keiyaku',
      kind: 'saas',
      name: { ja: '端数ツール', en: 'Odd Yen Tool' },
      category: 'tools',
      paymentMethods: ['card', 'bank_transfer'],
      plans: [
        {
          code: 'basic',
          name: { ja: 'ベーシック', en: 'Basic' },
          terms: [{ term: 'monthly', price: 1005 }],
        },
      ],
    },
    actor,
    now: t.clock.now(),
  });
  const odd = await loadProduct(t.ctx.db, 'odd-yen-tool');
  await changeProductStatus(t.ctx.db, { productId: odd!.id, status: 'published', actor, now: t.clock.now() });
});
afterAll(async () => {
  await t.close();
});

const rental = {
  product: 'rental-server-x10',
  plan: 'x10',
  term: '12m',
  options: [{ code: 'ssl-ev' }, { code: 'backup' }, { code: 'device-security', quantity: 3 }],
};

async function cartOf(browser: Browser) {
  const res = await browser.send('/api/store/cart', 'GET');
  expect(res.status).toBe(200);
  return res.json();
}

describe('a guest cart', () => {
  it('is created by the first item, kept by an HttpOnly cookie, and priced by the engine', async () => {
    const guest = new Browser(t);
    expect(await cartOf(guest)).toEqual({ items: [], totals: null });
    const res = await guest.send('/api/store/cart/items', 'POST', rental);
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie().find((line) => line.startsWith('keiyaku.cart='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api/);
    const cart = await res.json();
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0]).toMatchObject({
      product: { slug: 'rental-server-x10', name: { ja: 'けいやくレンタルサーバー X10' } },
      plan: 'x10',
      term: '12m',
      available: true,
      problem: null,
    });
    expect(cart.items[0].estimate.perTerm.total).toBe(116556);
    expect(cart.totals.oneTime).toMatchObject({ subtotal: 8000, tax: 800, total: 8800 });
    expect(cart.totals.firstTerm).toMatchObject({ subtotal: 113960, tax: 11396, total: 125356 });
    expect(await cartOf(guest)).toEqual(cart);
  });

  it('rounds tax once per rate over the whole cart, not per item', async () => {
    const guest = new Browser(t);
    const odd = { product: 'odd-yen-tool', plan: 'basic', term: 'monthly' };
    await guest.send('/api/store/cart/items', 'POST', odd);
    const cart = await (await guest.send('/api/store/cart/items', 'POST', odd)).json();
    expect(
      cart.items.map((i: { estimate: { firstTerm: { tax: number } } }) => i.estimate.firstTerm.tax),
    ).toEqual([100, 100]);
    // ¥2,010 × 10 % = ¥201 once, where two items rounded alone would give ¥200.
    expect(cart.totals.firstTerm).toMatchObject({ subtotal: 2010, tax: 201, total: 2211 });
  });

  it('refuses an impossible choice with the simulator’s problem and keeps the cart as it was', async () => {
    const guest = new Browser(t);
    await guest.send('/api/store/cart/items', 'POST', rental);
    const bad = await guest.send('/api/store/cart/items', 'POST', { ...rental, term: '5m' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).code).toBe('estimate_term_not_offered');
    const unknown = await guest.send('/api/store/cart/items', 'POST', {
      ...rental,
      product: 'no-such-thing',
    });
    expect(unknown.status).toBe(404);
    expect((await cartOf(guest)).items).toHaveLength(1);
  });

  it('re-prices an item when its term or options change, and removes it', async () => {
    const guest = new Browser(t);
    const added = await (await guest.send('/api/store/cart/items', 'POST', rental)).json();
    const itemId = added.items[0].id;
    const changed = await guest.send(`/api/store/cart/items/${itemId}`, 'PATCH', {
      plan: 'x10',
      term: '36m',
      options: [],
    });
    expect(changed.status).toBe(200);
    const cart = await changed.json();
    expect(cart.items[0]).toMatchObject({ term: '36m', options: [] });
    // 36 months of X10 at ¥1,010 a month.
    expect(cart.items[0].estimate.perMonth).toMatchObject({ subtotal: 1010, total: 1111 });
    const refused = await guest.send(`/api/store/cart/items/${itemId}`, 'PATCH', { plan: 'x10', term: '5m' });
    expect(refused.status).toBe(422);
    expect((await cartOf(guest)).items[0].term).toBe('36m');
    const removed = await guest.send(`/api/store/cart/items/${itemId}`, 'DELETE');
    expect(removed.status).toBe(200);
    expect((await removed.json()).items).toEqual([]);
  });

  it('flags an item whose product was retired instead of dropping it, and leaves it out of the totals', async () => {
    const guest = new Browser(t);
    await guest.send('/api/store/cart/items', 'POST', rental);
    await guest.send('/api/store/cart/items', 'POST', {
      product: 'odd-yen-tool',
      plan: 'basic',
      term: 'monthly',
    });
    const odd = await loadProduct(t.ctx.db, 'odd-yen-tool');
    await changeProductStatus(t.ctx.db, { productId: odd!.id, status: 'retired', actor, now: t.clock.now() });
    const cart = await cartOf(guest);
    expect(cart.items).toHaveLength(2);
    expect(cart.items[1]).toMatchObject({
      available: false,
      estimate: null,
      problem: { code: 'product_not_on_sale', message: { ja: 'この商品は現在お申し込みいただけません。' } },
    });
    expect(cart.totals.firstTerm.total).toBe(125356);
  });
});

describe('a member cart', () => {
  it('takes in the guest cart at sign-in and clears the guest cookie', async () => {
    const { browser: other } = await registerAndSignIn(t, {
      loginId: 'cart-member',
      name: '買物 花子',
      email: 'cart-member@example.jp',
    });
    await other.send('/api/store/cart/items', 'POST', {
      product: 'cloud-server',
      plan: 'standard',
      term: 'monthly',
    });

    const guest = new Browser(t);
    await guest.send('/api/store/cart/items', 'POST', rental);
    const before = (await listDevMailbox(t.ctx.db, 500)).filter(
      (m) => m.to === 'cart-member@example.jp',
    ).length;
    expect(
      (await guest.send('/api/sessions', 'POST', { loginId: 'cart-member', password: memberTestPassword }))
        .status,
    ).toBe(202);
    const mail = (await mailTo(t, 'cart-member@example.jp', before + 1)).at(-1)!;
    const code = /(?:コード|code is): (\d{6})/.exec(mail.text)![1]!;
    expect((await guest.send('/api/sessions/verify-code', 'POST', { code })).status).toBe(200);

    const res = await guest.send('/api/store/cart', 'GET');
    expect(res.headers.getSetCookie().some((line) => /^keiyaku\.cart=;/.test(line))).toBe(true);
    const merged = await res.json();
    expect(merged.items.map((i: { product: { slug: string } }) => i.product.slug)).toEqual([
      'cloud-server',
      'rental-server-x10',
    ]);
    // The member's other browser sees the same cart.
    expect((await cartOf(other)).items).toHaveLength(2);
  });

  it('never lets one member or a guest touch another member’s items', async () => {
    const a = await registerAndSignIn(t, { loginId: 'cart-a', name: '甲 太郎', email: 'cart-a@example.jp' });
    const b = await registerAndSignIn(t, { loginId: 'cart-b', name: '乙 次郎', email: 'cart-b@example.jp' });
    const itemId = (await (await a.browser.send('/api/store/cart/items', 'POST', rental)).json()).items[0].id;
    for (const intruder of [b.browser, new Browser(t)]) {
      const patch = await intruder.send(`/api/store/cart/items/${itemId}`, 'PATCH', {
        plan: 'x10',
        term: '36m',
      });
      expect(patch.status).toBe(404);
      expect((await patch.json()).code).toBe('cart_item_not_found');
      expect((await intruder.send(`/api/store/cart/items/${itemId}`, 'DELETE')).status).toBe(404);
      expect((await cartOf(intruder)).items.map((i: { id: string }) => i.id)).not.toContain(itemId);
    }
    expect((await cartOf(a.browser)).items[0]).toMatchObject({ id: itemId, term: '12m' });
  });
});
