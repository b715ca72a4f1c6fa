// The order receipt leaves through the outbox to a real SMTP peer: number, lines, per-rate totals, method, no cancellation.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCheckout } from '../../src/flows/build-checkout.js';
import { confirmCheckout } from '../../src/flows/confirm-checkout.js';
import { placeOrder } from '../../src/flows/place-order.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { addCartItem } from '../../src/modules/ordering/index.js';
import { Browser } from '../helpers/member-session.js';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let sink: SmtpSink;
let t: TestApp;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, env: { MAIL_FROM: 'デモストア <shop@example.jp>' } });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

it('arrives with the order number, each line with plan, term, options and amounts, and the per-rate totals', async () => {
  const browser = new Browser(t);
  const registered = await browser.send(
    '/api/members',
    'POST',
    fullRegistration({
      loginId: 'receipt.member',
      name: '受取 花子',
      nameKana: 'ウケトリ',
      email: 'hanako@example.jp',
    }),
  );
  expect(registered.status).toBe(201);
  const { memberId } = await registered.json();
  const [confirmation] = await sink.waitFor(1);
  const token = decodeURIComponent(
    /\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(confirmation!.text)![1]!,
  );
  expect((await browser.send('/api/members/confirm-email', 'POST', { token })).status).toBe(200);
  await sink.waitFor(2);

  t.clock.travelTo('2026-04-13T14:05:00+09:00');
  const now = t.clock.now();
  await addCartItem(t.ctx.db, {
    owner: { kind: 'member', memberId },
    choice: {
      product: 'rental-server-x10',
      plan: 'x10',
      term: '6m',
      options: [{ code: 'device-security', quantity: 2 }],
    },
    now,
  });
  const checkout = await buildCheckout(t.ctx.db, { memberId, now });
  const input = {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    orderFields: { [checkout.lines[0]!.itemId]: { server_id: 'hanako-01' } },
    paymentMethod: 'bank_transfer',
    consents: checkout.consents.map((c) => ({ documentKey: c.documentKey, version: c.version })),
  };
  const { quote } = await confirmCheckout(t.ctx.db, { memberId, checkout: input, now });
  const { order } = await placeOrder(t.ctx.db, {
    memberId,
    idempotencyKey: 'receipt-1',
    checkout: input,
    quote,
    actor: { kind: 'member', id: memberId },
    now,
  });
  expect(order.number).toBe('K2026-000001');

  const mails = await sink.waitFor(3);
  const receipt = mails[2]!;
  expect(receipt.to).toEqual(['hanako@example.jp']);
  expect(receipt.subject).toBe('【keiyaku デモストア】ご注文を受け付けました（K2026-000001）');
  // X10 for 6 months ¥7,320, device security 2 × ¥1,800, setup ¥3,000: ¥13,920, 10 % tax ¥1,392.
  expect(receipt.text).toContain(
    [
      '注文番号: K2026-000001',
      'ご注文日時: 2026-04-13 14:05',
      '',
      '1. けいやくレンタルサーバー X10',
      '   プラン: X10プラン / 契約期間: 6ヶ月 / 数量: 1',
      '   プラン: X10プラン × 1  ¥7,320（10%）',
      '   オプション: デバイスセキュリティ × 2  ¥3,600（10%）',
      '   初期費用: X10プラン × 1  ¥3,000（10%）',
      '   小計（税抜）: ¥13,920',
      '',
      '10%対象: ¥13,920  消費税 ¥1,392',
      '小計（税抜）: ¥13,920',
      '消費税: ¥1,392',
      '合計（初回・税込）: ¥15,312',
      '',
      'お支払い方法: 銀行振込',
    ].join('\n'),
  );
  expect(receipt.text).toContain(
    'ご注文後のキャンセルはできません。ご利用をやめる場合は契約の解約をお申し込みください（無料トライアル期間中の解約は無料です）。',
  );
  expect(receipt.html).toContain('K2026-000001');
});
