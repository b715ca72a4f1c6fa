// Checkout and order placement: prefill and validation, payment methods, consents, 8 % and 10 % lines, trials, quotes, numbers, My Page, withdrawal.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainEvents } from '../../src/db/schema/events.js';
import { cartItems, orderConsents, orders } from '../../src/db/schema/ordering.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import {
  changeProductStatus,
  createProduct,
  loadProduct,
  redeemTrial,
  updateProduct,
  updateProvider,
} from '../../src/modules/catalog/index.js';
import {
  mailTo,
  memberTestPassword,
  registerAndSignIn,
  type SignedInMember,
} from '../helpers/member-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const actor = { kind: 'cli', id: 'test' } as const;

const rental = {
  product: 'rental-server-x10',
  plan: 'x10',
  term: '12m',
  options: [{ code: 'ssl-quick' }, { code: 'backup' }],
};
const coffee = { product: 'office-coffee', plan: 'monthly', term: 'monthly' };
const groupwareTrial = {
  product: 'mirai-groupware',
  plan: 'business',
  term: 'monthly',
  quantity: 5,
  trial: true,
};

interface CheckoutJson {
  customerContact: Record<string, string | null>;
  billingContact: Record<string, string | null>;
  lines: {
    itemId: string;
    product: { slug: string };
    trialUsed: boolean;
    needsPaymentMethod: boolean;
    paymentProblem: { ja: string; en: string } | null;
    orderFields: { key: string }[];
    estimate: { firstTerm: { total: number } };
  }[];
  paymentMethods: { method: string; available: boolean; reason: { ja: string; en: string } | null }[];
  paymentMethodRequired: boolean;
  consents: { kind: string; documentKey: string; version: string; sharedFields: string[] }[];
  totals: { firstTerm: { subtotal: number; tax: number; total: number; groups: unknown[] } } | null;
}

const orderFieldValues: Record<string, Record<string, string>> = {
  'rental-server-x10': { domain: 'example.co.jp', server_id: 'alpha-01' },
  'office-coffee': {},
  'mirai-groupware': { tenant_domain: 'alpha.example.jp', admin_email: 'admin@alpha.example.jp' },
  'cloud-server': { hostname: 'web01.example.jp', os: 'ubuntu-24.04' },
};

async function checkoutOf(member: SignedInMember): Promise<CheckoutJson> {
  const res = await member.browser.send('/api/mypage/checkout', 'GET');
  expect(res.status).toBe(200);
  return res.json();
}

/** What the checkout page would send when the member fills everything in and ticks every box. */
function inputFor(checkout: CheckoutJson, paymentMethod: string | null = 'bank_transfer') {
  return {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    orderFields: Object.fromEntries(
      checkout.lines.map((line) => [line.itemId, orderFieldValues[line.product.slug] ?? {}]),
    ),
    paymentMethod,
    consents: checkout.consents.map((c) => ({ documentKey: c.documentKey, version: c.version })),
  };
}

async function confirm(member: SignedInMember, body: unknown) {
  return member.browser.send('/api/mypage/checkout/confirm', 'POST', body);
}

async function place(member: SignedInMember, body: unknown, key: string) {
  return member.browser.send('/api/mypage/orders', 'POST', body, { 'idempotency-key': key });
}

/** Confirms the cart as it is and places it; returns the order. */
async function order(member: SignedInMember, key: string, paymentMethod: string | null = 'bank_transfer') {
  const input = inputFor(await checkoutOf(member), paymentMethod);
  const confirmed = await confirm(member, input);
  expect(confirmed.status).toBe(200);
  const { quote } = await confirmed.json();
  const placed = await place(member, { ...input, quote }, key);
  expect(placed.status).toBe(201);
  return placed.json();
}

async function addToCart(member: SignedInMember, item: unknown) {
  const res = await member.browser.send('/api/store/cart/items', 'POST', item);
  expect(res.status).toBe(201);
  return res.json();
}

async function orderCount(memberId: string) {
  return (await t.ctx.db.select().from(orders).where(eq(orders.memberId, memberId))).length;
}

let alpha: SignedInMember;
let bravo: SignedInMember;

beforeAll(async () => {
  t = await createTestApp();
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor, now: t.clock.now() });
  // A reduced-rate (8 %) product: ¥1,005 a month, so its tax (¥80.4) shows the rounding.
  await createProduct(t.ctx.db, {
    definition: {
      slug: 'office-coffee',
      provider: 'keiyaku',
      kind: 'other',
      name: { ja: 'オフィスコーヒー定期便', en: 'Office coffee subscription' },
      category: 'food',
      paymentMethods: ['card', 'bank_transfer'],
      plans: [
        {
          code: 'monthly',
          name: { ja: '毎月お届け', en: 'Monthly delivery' },
          taxRate: 'reduced',
          terms: [{ term: 'monthly', price: 1005 }],
        },
      ],
    },
    actor,
    now: t.clock.now(),
  });
  const product = await loadProduct(t.ctx.db, 'office-coffee');
  await changeProductStatus(t.ctx.db, {
    productId: product!.id,
    status: 'published',
    actor,
    now: t.clock.now(),
  });
  alpha = await registerAndSignIn(t, {
    loginId: 'order.alpha',
    name: '青木 一郎',
    email: 'alpha@example.jp',
  });
  bravo = await registerAndSignIn(t, {
    loginId: 'order.bravo',
    name: 'Bob Baker',
    email: 'bravo@example.jp',
    locale: 'en',
  });
});
afterAll(async () => {
  await t.close();
});

describe('checkout', () => {
  it('prefills the contacts from the profile and lists each line’s order fields, methods and consents', async () => {
    await addToCart(alpha, rental);
    const checkout = await checkoutOf(alpha);
    expect(checkout.customerContact).toMatchObject({ name: '青木 一郎', email: 'alpha@example.jp' });
    expect(checkout.billingContact).toEqual(checkout.customerContact);
    expect(checkout.lines).toHaveLength(1);
    expect(checkout.lines[0]!.orderFields.map((f) => f.key)).toEqual(['domain', 'server_id']);
    expect(checkout.paymentMethods.map((m) => [m.method, m.available])).toEqual([
      ['card', false],
      ['bank_transfer', true],
      ['wallet', false],
    ]);
    expect(checkout.paymentMethods[0]!.reason!.ja).toContain('クレジットカードのご登録が必要です');
    expect(checkout.paymentMethodRequired).toBe(true);
    // The store sells the server itself: no provider to share data with.
    expect(checkout.consents.map((c) => [c.kind, c.documentKey, c.version])).toEqual([
      ['store_terms', 'store:terms', '2026-04-01'],
      ['product_terms', 'hosting-terms', '2026-04-01'],
      ['option_terms', 'ssl-terms', '2026-04-01'],
      ['option_terms', 'backup-terms', '2026-04-01'],
    ]);
    // X10 for 12 months ¥13,200 + SSL ¥6,000 + backup ¥3,960 + setup ¥3,000 = ¥26,160; 10 % tax ¥2,616.
    expect(checkout.totals!.firstTerm).toMatchObject({ subtotal: 26160, tax: 2616, total: 28776 });
  });

  it('answers one 422 naming every failing field by its path, and writes nothing', async () => {
    const checkout = await checkoutOf(alpha);
    const itemId = checkout.lines[0]!.itemId;
    const input = inputFor(checkout, 'card');
    const res = await confirm(alpha, {
      ...input,
      customerContact: { ...input.customerContact, name: ' ' },
      billingContact: { ...input.billingContact, email: 'not-an-address' },
      orderFields: { [itemId]: { domain: 'not a domain' } },
      consents: input.consents.filter((c) => c.documentKey !== 'ssl-terms'),
    });
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      'customerContact.name required',
      'billingContact.email invalid_email',
      `orderFields.${itemId}.domain order_field_invalid`,
      `orderFields.${itemId}.server_id order_field_required`,
      'paymentMethod payment_method_unavailable',
      'consents.ssl-terms consent_required',
    ]);
    const outdated = await confirm(alpha, {
      ...input,
      paymentMethod: 'bank_transfer',
      orderFields: { [itemId]: orderFieldValues['rental-server-x10'] },
      consents: input.consents.map((c) =>
        c.documentKey === 'hosting-terms' ? { ...c, version: '2025-01-01' } : c,
      ),
    });
    expect(outdated.status).toBe(422);
    expect((await outdated.json()).errors).toEqual([
      expect.objectContaining({ path: 'consents.hosting-terms', code: 'consent_outdated' }),
    ]);
    expect(await orderCount(alpha.memberId)).toBe(0);
  });

  it('offers only the methods every product allows', async () => {
    await addToCart(alpha, { product: 'mirai-groupware', plan: 'business', term: 'monthly', quantity: 5 });
    const checkout = await checkoutOf(alpha);
    // Server: card, wallet, bank transfer; groupware: card, direct debit, bank transfer.
    expect(checkout.paymentMethods.map((m) => m.method)).toEqual(['card', 'bank_transfer']);
    const sharing = checkout.consents.find((c) => c.kind === 'provider_data_sharing')!;
    expect(sharing).toMatchObject({
      documentKey: 'provider:mirai-soft',
      version: 'company+name+email+phone',
      sharedFields: ['company', 'name', 'email', 'phone'],
    });
    const groupwareLine = checkout.lines.find((l) => l.product.slug === 'mirai-groupware')!;
    await alpha.browser.send(`/api/store/cart/items/${groupwareLine.itemId}`, 'DELETE');
  });
});

describe('placing an order', () => {
  let placed: {
    id: string;
    number: string;
    status: string;
    totalAmount: number;
    lines: { isTrial: boolean; status: string }[];
  };

  it('places 10 % and 8 % lines as one order with tax rounded once per rate, records consents, empties the cart', async () => {
    await addToCart(alpha, coffee);
    const checkout = await checkoutOf(alpha);
    // ¥1,005 at 8 % is ¥80.4: rounded down once for the reduced rate.
    expect(checkout.totals!.firstTerm).toMatchObject({
      subtotal: 27165,
      tax: 2696,
      total: 29861,
      groups: [
        { rate: 'standard', percent: 10, taxableAmount: 26160, tax: 2616 },
        { rate: 'reduced', percent: 8, reduced: true, taxableAmount: 1005, tax: 80 },
      ],
    });
    placed = await order(alpha, 'alpha-order-1');
    expect(placed).toMatchObject({
      number: 'K2026-000001',
      status: 'received',
      statusLabel: { ja: '受付済', en: 'Received' },
      paymentMethod: 'bank_transfer',
      subtotalAmount: 27165,
      taxAmount: 2696,
      totalAmount: 29861,
      taxBreakdown: [
        { rate: 10, taxableAmount: 26160, taxAmount: 2616 },
        { rate: 8, taxableAmount: 1005, taxAmount: 80 },
      ],
    });
    expect(placed.lines).toHaveLength(2);
    expect(placed.lines[0]).toMatchObject({
      productName: { ja: 'けいやくレンタルサーバー X10' },
      planName: { ja: 'X10プラン' },
      term: '12m',
      status: 'received',
      statusLabel: { ja: '受付済' },
      orderFields: { domain: 'example.co.jp', server_id: 'alpha-01' },
      pricing: { termAmount: 23160, oneTimeAmount: 3000, monthlyAmount: 1930 },
    });
    const consents = await t.ctx.db.select().from(orderConsents).where(eq(orderConsents.orderId, placed.id));
    expect(consents.map((c) => `${c.kind} ${c.documentKey}@${c.documentVersion}`).sort()).toEqual([
      'option_terms backup-terms@2026-04-01',
      'option_terms ssl-terms@2026-04-01',
      'product_terms hosting-terms@2026-04-01',
      'store_terms store:terms@2026-04-01',
    ]);
    expect((await checkoutOf(alpha)).lines).toEqual([]);
    const events = await t.ctx.db.select().from(domainEvents).where(eq(domainEvents.subjectId, placed.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'order.placed', payload: { orderNumber: 'K2026-000001' } });
  });

  it('mails the receipt with the number, each line, per-rate totals, the method and the no-cancellation rule', async () => {
    const mails = await mailTo(t, 'alpha@example.jp', 4);
    const receipt = mails.find((m) => m.subject.includes('ご注文を受け付けました'))!;
    expect(receipt.subject).toBe('【keiyaku デモストア】ご注文を受け付けました（K2026-000001）');
    expect(receipt.text).toContain('注文番号: K2026-000001');
    expect(receipt.text).toContain('ご注文日時: 2026-04-01 09:00');
    expect(receipt.text).toContain(
      '1. けいやくレンタルサーバー X10\n   プラン: X10プラン / 契約期間: 12ヶ月 / 数量: 1',
    );
    expect(receipt.text).toContain('オプション: 独自SSL（クイック認証） × 1  ¥6,000（10%）');
    expect(receipt.text).toContain('2. オフィスコーヒー定期便');
    expect(receipt.text).toContain('10%対象: ¥26,160  消費税 ¥2,616');
    expect(receipt.text).toContain('8%対象（軽減税率※）: ¥1,005  消費税 ¥80');
    expect(receipt.text).toContain('合計（初回・税込）: ¥29,861');
    expect(receipt.text).toContain('お支払い方法: 銀行振込');
    expect(receipt.text).toContain('ご注文後のキャンセルはできません');
  });

  it('answers a retry with the same key with the same order, and makes one', async () => {
    const again = await place(alpha, { quote: 'x' }, 'alpha-order-1');
    // Another body with the same key is refused by the middleware; the same body is replayed.
    expect(again.status).toBe(422);
    expect(await orderCount(alpha.memberId)).toBe(1);
  });

  it('lists the member’s orders newest first and shows one with its timeline; another member gets 404', async () => {
    const list = await (await alpha.browser.send('/api/mypage/orders', 'GET')).json();
    expect(list).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect(list.orders[0]).toMatchObject({ number: 'K2026-000001', totalAmount: 29861, status: 'received' });
    const detail = await alpha.browser.send(`/api/mypage/orders/${placed.id}`, 'GET');
    expect(detail.status).toBe(200);
    const body = await detail.json();
    expect(body.timeline).toEqual([
      expect.objectContaining({ kind: 'placed', toStatus: 'received', actor: `member:${alpha.memberId}` }),
    ]);
    expect(body.cancellationNotice.ja).toContain('キャンセルはできません');
    const foreign = await bravo.browser.send(`/api/mypage/orders/${placed.id}`, 'GET');
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).code).toBe('order_not_found');
    expect((await (await bravo.browser.send('/api/mypage/orders', 'GET')).json()).total).toBe(0);
  });

  it('refuses withdrawal while the order’s services have not started, naming the order', async () => {
    const res = await alpha.browser.send('/api/mypage/withdrawal', 'POST', {
      password: memberTestPassword,
      confirm: true,
    });
    expect(res.status).toBe(409);
    const problem = await res.json();
    expect(problem.code).toBe('withdrawal_blocked');
    expect(problem.messages.ja).toContain('ご注文 K2026-000001 のサービスがまだ提供開始前です');
  });
});

describe('a free trial', () => {
  it('is priced at ¥0, needs no payment method, asks for the trial conditions and the provider consent', async () => {
    const cart = await addToCart(bravo, groupwareTrial);
    expect(cart.items[0]).toMatchObject({ trial: true, trialDays: 30, available: true });
    expect(cart.items[0].estimate.firstTerm.total).toBe(0);
    const checkout = await checkoutOf(bravo);
    expect(checkout.paymentMethodRequired).toBe(false);
    expect(checkout.consents.map((c) => c.documentKey)).toEqual([
      'store:terms',
      'groupware-terms',
      'groupware-trial',
      'provider:mirai-soft',
    ]);
    const placed = await order(bravo, 'bravo-trial-1', null);
    expect(placed).toMatchObject({
      totalAmount: 0,
      paymentMethod: null,
      lines: [{ isTrial: true, trialDays: 30 }],
    });
    const receipt = (await mailTo(t, 'bravo@example.jp', 4)).find((m) =>
      m.subject.includes('received your order'),
    )!;
    expect(receipt.text).toContain('Free trial: 30 days (¥0 during the trial)');
    expect(receipt.text).toContain('Payment method: None needed (free trial)');
    expect(receipt.text).toContain(
      'Orders cannot be cancelled. To stop using a service, cancel its contract instead',
    );
  });

  it('is one per member and product: refused at checkout', async () => {
    await addToCart(bravo, groupwareTrial);
    const checkout = await checkoutOf(bravo);
    expect(checkout.lines[0]!.trialUsed).toBe(true);
    const res = await confirm(bravo, inputFor(checkout, null));
    expect(res.status).toBe(409);
    const problem = await res.json();
    expect(problem.code).toBe('trial_already_used');
    expect(problem.messages.en).toContain('already used the free trial of "Mirai Groupware"');
    await bravo.browser.send(`/api/store/cart/items/${checkout.lines[0]!.itemId}`, 'DELETE');
  });

  it('is one per member and product: refused at placement when taken after confirmation', async () => {
    const carol = await registerAndSignIn(t, {
      loginId: 'order.carol',
      name: '千葉 三郎',
      email: 'carol@example.jp',
    });
    await addToCart(carol, groupwareTrial);
    const input = inputFor(await checkoutOf(carol), null);
    const { quote } = await (await confirm(carol, input)).json();
    // Another order of the member's takes the trial in between.
    const product = await loadProduct(t.ctx.db, 'mirai-groupware');
    await redeemTrial(t.ctx.db, {
      memberId: carol.memberId,
      productId: product!.id,
      orderId: 'ord_elsewhere',
      now: t.clock.now(),
    });
    const res = await place(carol, { ...input, quote }, 'carol-trial');
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('trial_already_used');
    expect(await orderCount(carol.memberId)).toBe(0);
    expect((await checkoutOf(carol)).lines).toHaveLength(1);
  });

  it('blocks withdrawal while applied for', async () => {
    const res = await bravo.browser.send('/api/mypage/withdrawal', 'POST', {
      password: memberTestPassword,
      confirm: true,
    });
    expect(res.status).toBe(409);
    expect((await res.json()).messages.en).toMatch(
      /the free trial of Mirai Groupware \(order K2026-\d{6}\) has been applied for/,
    );
  });
});

describe('a change between confirmation and placing', () => {
  let dave: SignedInMember;
  beforeAll(async () => {
    dave = await registerAndSignIn(t, { loginId: 'order.dave', name: '土井 四郎', email: 'dave@example.jp' });
  });

  it('refuses a price change with order_quote_changed and writes nothing', async () => {
    await addToCart(dave, coffee);
    const input = inputFor(await checkoutOf(dave));
    const { quote } = await (await confirm(dave, input)).json();
    const product = await loadProduct(t.ctx.db, 'office-coffee');
    const definition = structuredClone(product!.definition);
    definition.plans[0]!.terms[0]!.price = 1100 as never;
    await updateProduct(t.ctx.db, { productId: product!.id, definition, actor, now: t.clock.now() });
    const before = (await t.ctx.db.select().from(orders)).length;
    const res = await place(dave, { ...input, quote }, 'dave-1');
    expect(res.status).toBe(409);
    const problem = await res.json();
    expect(problem.code).toBe('order_quote_changed');
    expect(problem.messages.ja).toBe(
      'ご確認いただいた後に料金が変わりました。ご注文はまだ確定していません。内容をもう一度ご確認ください。',
    );
    expect(problem.messages.en).toBe(
      'Since you confirmed, the prices changed. Your order has not been placed; please review it again.',
    );
    expect((await t.ctx.db.select().from(orders)).length).toBe(before);
    expect((await t.ctx.db.select().from(cartItems)).some((i) => i.productId === product!.id)).toBe(true);
    // Confirming again gives a new quote at the new price, which places.
    const again = await order(dave, 'dave-2');
    expect(again.totalAmount).toBe(1188);
  });

  it('refuses a product retired in between, saying availability changed', async () => {
    await addToCart(dave, coffee);
    const input = inputFor(await checkoutOf(dave));
    const { quote } = await (await confirm(dave, input)).json();
    const product = await loadProduct(t.ctx.db, 'office-coffee');
    await changeProductStatus(t.ctx.db, {
      productId: product!.id,
      status: 'retired',
      actor,
      now: t.clock.now(),
    });
    const res = await place(dave, { ...input, quote }, 'dave-3');
    expect(res.status).toBe(409);
    const problem = await res.json();
    expect(problem.code).toBe('order_quote_changed');
    expect(problem.messages.ja).toBe(
      'ご確認いただいた後に料金、お申し込みいただける商品・お支払い方法、規約・同意事項が変わりました。ご注文はまだ確定していません。内容をもう一度ご確認ください。',
    );
    expect(await orderCount(dave.memberId)).toBe(1);
    // Nothing is left to order, so no terms are asked for either. The retired product stays in the cart,
    // flagged; confirming again says there is nothing to order.
    const empty = await confirm(dave, input);
    expect(empty.status).toBe(409);
    expect((await empty.json()).code).toBe('checkout_cart_empty');
    await changeProductStatus(t.ctx.db, {
      productId: product!.id,
      status: 'published',
      actor,
      now: t.clock.now(),
    });
  });

  it('refuses a provider that now receives other contact fields, saying the terms changed', async () => {
    const dataOnly = await registerAndSignIn(t, {
      loginId: 'order.erin',
      name: '江口 五郎',
      email: 'erin@example.jp',
    });
    await addToCart(dataOnly, { product: 'mirai-groupware', plan: 'business', term: 'monthly', quantity: 5 });
    const input = inputFor(await checkoutOf(dataOnly));
    const { quote } = await (await confirm(dataOnly, input)).json();
    const product = await loadProduct(t.ctx.db, 'mirai-groupware');
    await updateProvider(t.ctx.db, {
      providerId: product!.provider.id,
      patch: { sharedContactFields: ['company', 'name', 'email', 'phone', 'address'] },
      actor,
      now: t.clock.now(),
    });
    const res = await place(dataOnly, { ...input, quote }, 'erin-1');
    expect(res.status).toBe(409);
    const problem = await res.json();
    expect(problem.code).toBe('order_quote_changed');
    expect(problem.messages.en).toContain('the terms to agree to changed');
    const sharing = (await checkoutOf(dataOnly)).consents.find((c) => c.kind === 'provider_data_sharing')!;
    expect(sharing.version).toBe('company+name+email+phone+address');
    expect(await orderCount(dataOnly.memberId)).toBe(0);
  });

  it('refuses a line that became unavailable while others remain, saying availability changed', async () => {
    await addToCart(dave, rental);
    const checkout = await checkoutOf(dave);
    expect(checkout.lines).toHaveLength(2);
    const input = inputFor(checkout);
    const { quote } = await (await confirm(dave, input)).json();
    const product = await loadProduct(t.ctx.db, 'office-coffee');
    await changeProductStatus(t.ctx.db, {
      productId: product!.id,
      status: 'retired',
      actor,
      now: t.clock.now(),
    });
    const res = await place(dave, { ...input, quote }, 'dave-4');
    expect(res.status).toBe(409);
    const problem = await res.json();
    expect(problem.code).toBe('order_quote_changed');
    expect(problem.messages.ja).toContain('お申し込みいただける商品・お支払い方法');
    expect(await orderCount(dave.memberId)).toBe(1);
    await changeProductStatus(t.ctx.db, {
      productId: product!.id,
      status: 'published',
      actor,
      now: t.clock.now(),
    });
  });
});

describe('a cart whose products allow different payment methods', () => {
  const cloudTrial = { product: 'cloud-server', plan: 'standard', term: 'monthly', trial: true };
  let erin: SignedInMember;
  beforeAll(async () => {
    erin = await registerAndSignIn(t, { loginId: 'order.fumi', name: '江口 五郎', email: 'fumi@example.jp' });
  });

  it('orders a trial that needs no method (card or agency) with a server paid by bank transfer', async () => {
    await addToCart(erin, cloudTrial);
    await addToCart(erin, rental);
    const checkout = await checkoutOf(erin);
    expect(checkout.lines.map((l) => [l.product.slug, l.needsPaymentMethod, l.paymentProblem])).toEqual([
      ['cloud-server', false, null],
      ['rental-server-x10', true, null],
    ]);
    // The trial's card-or-agency does not narrow the server's card, bank transfer and wallet.
    expect(checkout.paymentMethods.map((m) => [m.method, m.available])).toEqual([
      ['card', false],
      ['bank_transfer', true],
      ['wallet', false],
    ]);
    expect(checkout.paymentMethodRequired).toBe(true);
    // The profile's +81312345678 is offered as typed in Japan, and stored in E.164 again.
    expect(checkout.customerContact.phone).toBe('03-1234-5678');
    const placed = await order(erin, 'fumi-mixed-1');
    expect(placed.customerContact.phone).toBe('+81312345678');
    expect(placed).toMatchObject({
      paymentMethod: 'bank_transfer',
      lines: [{ isTrial: true, trialDays: 30 }, { isTrial: false }],
    });
  });

  it('names a paid line whose methods cannot be used yet, with the way forward, and places nothing', async () => {
    await addToCart(erin, { product: 'cloud-server', plan: 'standard', term: 'monthly' });
    await addToCart(erin, coffee);
    const checkout = await checkoutOf(erin);
    const cloud = checkout.lines.find((l) => l.product.slug === 'cloud-server')!;
    expect(cloud.paymentProblem).toEqual({
      ja: '「けいやくクラウド 仮想サーバー」のお支払い方法（クレジットカード・請求書払い（決済代行））は現在ご利用いただけないため、この商品はご注文いただけません。カートから削除すると他の商品をご注文いただけます。この商品についてはお問い合わせください。',
      en: 'keiyaku Cloud Virtual Server can only be paid by credit card or invoice (payment agency), which cannot be used yet, so it cannot be ordered now. Remove it from the cart to order the rest, and contact us about it.',
    });
    // The coffee alone decides the methods offered.
    expect(checkout.paymentMethods.map((m) => m.method)).toEqual(['card', 'bank_transfer']);
    const before = await orderCount(erin.memberId);
    const res = await confirm(erin, inputFor(checkout));
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([
      expect.objectContaining({
        path: `lines.${cloud.itemId}.paymentMethod`,
        code: 'no_usable_payment_method',
        message: cloud.paymentProblem,
      }),
    ]);
    await erin.browser.send(`/api/store/cart/items/${cloud.itemId}`, 'DELETE');
    await order(erin, 'fumi-coffee-1');
    expect(await orderCount(erin.memberId)).toBe(before + 1);
  });
});
