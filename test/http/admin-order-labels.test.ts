// The admin order API names what the order keeps as codes: plans, options, order fields, consented documents and the people in the timeline, so no page shows a code without its label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { registerAndSignIn, type SignedInMember } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let member: SignedInMember;
let support: SignedInOperator;

beforeAll(async () => {
  t = await createTestApp();
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  member = await registerAndSignIn(t, {
    loginId: 'label.member',
    name: '青木 一郎',
    email: 'aoki@example.jp',
  });
  support = await operatorSignedIn(t, 'label.support', ['support']);
});

afterAll(async () => {
  await t.close();
});

interface Checkout {
  customerContact: unknown;
  billingContact: unknown;
  lines: { itemId: string; product: { slug: string } }[];
  consents: { documentKey: string; version: string }[];
}

/** The rental server with two options and the groupware trial, placed as the checkout pages place them. */
async function placeOrder(): Promise<string> {
  const items = [
    {
      product: 'rental-server-x10',
      plan: 'x10',
      term: '12m',
      options: [{ code: 'ssl-quick' }, { code: 'backup' }],
    },
    { product: 'mirai-groupware', plan: 'business', term: 'monthly', quantity: 5, trial: true },
  ];
  for (const item of items)
    expect((await member.browser.send('/api/store/cart/items', 'POST', item)).status).toBe(201);
  const checkout = (await (await member.browser.send('/api/mypage/checkout', 'GET')).json()) as Checkout;
  const fields: Record<string, Record<string, string>> = {
    'rental-server-x10': { domain: 'aoki.example.jp', server_id: 'aoki-01' },
    'mirai-groupware': { tenant_domain: 'aoki.example.jp', admin_email: 'admin@aoki.example.jp' },
  };
  const input = {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    orderFields: Object.fromEntries(checkout.lines.map((l) => [l.itemId, fields[l.product.slug] ?? {}])),
    paymentMethod: 'bank_transfer',
    consents: checkout.consents.map((c) => ({ documentKey: c.documentKey, version: c.version })),
  };
  const confirmed = await member.browser.send('/api/mypage/checkout/confirm', 'POST', input);
  expect(confirmed.status).toBe(200);
  const { quote } = (await confirmed.json()) as { quote: unknown };
  const placed = await member.browser.send(
    '/api/mypage/orders',
    'POST',
    { ...input, quote },
    { 'idempotency-key': 'labels-1' },
  );
  expect(placed.status).toBe(201);
  return ((await placed.json()) as { id: string }).id;
}

interface AdminOrder {
  lines: {
    id: string;
    plan: string;
    planName: { ja: string; en: string };
    options: { code: string; name: { ja: string; en: string } }[];
    orderFieldLabels: Record<string, { ja: string; en: string }>;
  }[];
  consents: { documentKey: string; documentTitle: { ja: string; en: string } }[];
  timeline: { kind: string; actor: string; actorName: { ja: string; en: string } | null }[];
}

describe('GET /api/admin/orders/{id} labels', () => {
  it('names the plan, options, order fields, documents and actors beside their codes', async () => {
    const orderId = await placeOrder();
    const before = (await (
      await support.browser.send(`/api/admin/orders/${orderId}`, 'GET')
    ).json()) as AdminOrder;
    const preparing = await support.browser.send(
      `/api/admin/order-lines/${before.lines[0]?.id}/preparing`,
      'POST',
      {},
    );
    expect(preparing.status).toBe(200);
    const res = await support.browser.send(`/api/admin/orders/${orderId}`, 'GET');
    expect(res.status).toBe(200);
    const order = (await res.json()) as AdminOrder;

    expect(order.lines.map((l) => [l.plan, l.planName])).toEqual([
      ['x10', { ja: 'X10プラン', en: 'X10 plan' }],
      ['business', { ja: 'ビジネス', en: 'Business' }],
    ]);
    expect(order.lines[0]?.options.map((o) => [o.code, o.name])).toEqual([
      ['ssl-quick', { ja: '独自SSL（クイック認証）', en: 'SSL certificate (domain validated)' }],
      ['backup', { ja: 'バックアップオプション', en: 'Backup option' }],
    ]);
    expect(order.lines.map((l) => l.orderFieldLabels)).toEqual([
      {
        domain: { ja: 'ご利用予定のドメイン', en: 'Domain you will use' },
        server_id: { ja: '初期サーバーID', en: 'Server ID' },
      },
      {
        tenant_domain: { ja: 'ご利用ドメイン', en: 'Your domain' },
        admin_email: { ja: '管理者メールアドレス', en: 'Administrator email' },
      },
    ]);
    expect(
      order.consents
        .map((c) => [c.documentKey, c.documentTitle.ja, c.documentTitle.en])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['backup-terms', 'バックアップオプション 利用規約', 'Backup option terms'],
      ['groupware-terms', 'ミライ グループウェア 利用規約', 'Mirai Groupware terms of service'],
      [
        'groupware-trial',
        'ミライ グループウェア 無料トライアル条件',
        'Mirai Groupware free trial conditions',
      ],
      ['hosting-terms', 'けいやくレンタルサーバー 利用規約', 'keiyaku Rental Server terms of service'],
      [
        'provider:mirai-soft',
        '提供元「ミライソフト株式会社」への情報提供',
        'Sharing details with the provider Mirai Soft Inc.',
      ],
      ['ssl-terms', '独自SSL 利用規約', 'SSL certificate terms'],
      ['store:terms', '利用規約', 'Terms of use'],
    ]);
    const named = order.timeline.map((e) => [e.kind, e.actor.split(':')[0], e.actorName?.ja ?? null]);
    expect(named).toContainEqual(['placed', 'member', '青木 一郎']);
    expect(named).toContainEqual(['line_status_changed', 'operator', 'label.support さん']);
    // No actor is left unnamed but the system.
    expect(order.timeline.filter((e) => e.actorName === null).map((e) => e.actor.split(':')[0])).toEqual(
      order.timeline.filter((e) => e.actor === 'system').map(() => 'system'),
    );
  });
});
