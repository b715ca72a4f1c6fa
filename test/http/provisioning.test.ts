// Provisioning end to end: the signed hand-off a provider receives (only the agreed fields), its mail, the provider API scoped by key, starting, rejecting and re-dating lines, and the admin orders API.
import { and, asc, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { catalogProviders } from '../../src/db/schema/catalog.js';
import { domainEvents } from '../../src/db/schema/events.js';
import { webhookMessages } from '../../src/db/schema/notifications.js';
import { orderEvents, orderLines, orders } from '../../src/db/schema/ordering.js';
import { providerApiKeys, provisioningRequests } from '../../src/db/schema/provisioning.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { listDevMailbox } from '../../src/modules/notifications/index.js';
import { Browser, mailTo, memberTestPassword, registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { insertTestOrder, testContact } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

let t: TestApp;
let receiver: WebhookReceiver;
let owner: SignedInOperator;
let support: SignedInOperator;
let miraiId: string;
let otherId: string;
let webhookSecret: string;
let keyA: string;
let keyAId: string;
let keyB: string;
let memberId: string;
let memberBrowser: Browser;
let order: { orderId: string; number: string; lineIds: string[]; requestIds: string[] };

const providerMail = 'provisioning@mirai-soft.example';

/** A provider system's request: a bearer key, JSON, no cookie and no Origin. */
async function asProvider(
  key: string | null,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<Response> {
  const headers = new Headers();
  if (key) headers.set('authorization', `Bearer ${key}`);
  if (body !== undefined) headers.set('content-type', 'application/json');
  return t.app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  t.clock.travelTo('2026-04-01T09:00:00+09:00');
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  owner = await operatorSignedIn(t, 'prov.owner', ['owner']);
  support = await operatorSignedIn(t, 'prov.support', ['support']);
  const [mirai] = await t.ctx.db
    .select()
    .from(catalogProviders)
    .where(eq(catalogProviders.slug, 'mirai-soft'));
  miraiId = mirai!.id;
  // The provider receives the company and the name only; email, phone and address stay with the store.
  await t.ctx.db
    .update(catalogProviders)
    .set({ sharedContactFields: ['company', 'name'] })
    .where(eq(catalogProviders.id, miraiId));

  const patched = await owner.browser.send(`/api/admin/catalog/providers/${miraiId}`, 'PATCH', {
    webhookUrl: receiver.url,
    // The receiver runs on this machine: the provider's webhook may reach it only through this allow-list.
    webhookAllowedNetworks: ['127.0.0.1/32'],
  });
  expect(patched.status).toBe(200);
  const patchedBody = await patched.json();
  expect(patchedBody).toMatchObject({
    webhookUrl: receiver.url,
    webhookAllowedNetworks: ['127.0.0.1/32'],
    webhookSecret: expect.stringMatching(/^whsec_/),
  });
  webhookSecret = patchedBody.webhookSecret;

  const other = await owner.browser.send('/api/admin/catalog/providers', 'POST', {
    slug: 'other-soft',
    nameJa: 'アザーソフト株式会社',
    nameEn: 'Other Soft Inc.',
    contactEmails: ['ops@other-soft.example'],
  });
  expect(other.status).toBe(201);
  const otherBody = await other.json();
  expect(otherBody.webhookSecret).toBeNull();
  otherId = otherBody.id;

  const issuedA = await owner.browser.send(`/api/admin/catalog/providers/${miraiId}/api-keys`, 'POST', {
    label: '本番連携',
  });
  expect(issuedA.status).toBe(201);
  const issuedABody = await issuedA.json();
  keyA = issuedABody.key;
  keyAId = issuedABody.apiKey.id;
  const issuedB = await owner.browser.send(`/api/admin/catalog/providers/${otherId}/api-keys`, 'POST', {
    label: 'B',
  });
  ({ key: keyB } = await issuedB.json());

  ({ memberId, browser: memberBrowser } = await registerAndSignIn(t, {
    loginId: 'prov-member',
    name: '山田 太郎',
    email: testContact.email,
  }));
  order = await insertTestOrder(t, {
    memberId,
    lines: [
      {
        productSlug: 'mirai-groupware',
        plan: 'business',
        term: '12m',
        quantity: 10,
        options: [{ code: 'helpdesk' }],
        orderFields: { tenant_domain: 'test-shoji.example.jp', admin_email: 'admin@test-shoji.example.jp' },
      },
      {
        productSlug: 'rental-server-x10',
        plan: 'standard',
        term: '12m',
        orderFields: { domain: 'test.example.jp' },
      },
    ],
  });
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  await t.close();
  await receiver.close();
});

describe('the hand-off to the provider', () => {
  it('sends a signed provisioning.requested webhook carrying exactly the agreed fields', async () => {
    expect(order.requestIds).toHaveLength(1);
    const [hook] = await receiver.waitFor(1);
    const verified = new Webhook(webhookSecret).verify(hook!.body, {
      'webhook-id': String(hook!.headers['webhook-id']),
      'webhook-timestamp': String(hook!.headers['webhook-timestamp']),
      'webhook-signature': String(hook!.headers['webhook-signature']),
    }) as { type: string; data: Record<string, unknown> };
    expect(verified.type).toBe('provisioning.requested');
    const [product] = await t.ctx.db.select().from(orderLines).where(eq(orderLines.id, order.lineIds[0]!));
    expect(verified.data).toEqual({
      requestId: order.requestIds[0],
      orderNumber: 'K2026-000001',
      orderedAt: '2026-04-01T00:00:00.000Z',
      line: {
        orderLineId: order.lineIds[0],
        productId: product!.productId,
        productSlug: 'mirai-groupware',
        productName: { ja: 'ミライ グループウェア', en: 'Mirai Groupware' },
        plan: 'business',
        term: '12m',
        quantity: 10,
        options: [{ code: 'helpdesk' }],
        trial: null,
      },
      orderFields: { tenant_domain: 'test-shoji.example.jp', admin_email: 'admin@test-shoji.example.jp' },
      contact: { companyName: '株式会社テスト商事', name: '山田 太郎' },
    });
    // The kana reading was never agreed to: お名前 is the name as written.
    expect(hook!.body).not.toContain(testContact.nameKana!);
    expect(hook!.body).not.toContain(testContact.email);
    expect(hook!.body).not.toContain(testContact.phone);
    expect(hook!.body).not.toContain('千代田');
  });

  it('mails the provider in Japanese with the same fields, and nothing for the store’s own line', async () => {
    const [mail] = await mailTo(t, providerMail, 1);
    expect(mail!.subject).toBe('【keiyaku デモストア】サービス提供依頼（注文番号 K2026-000001）');
    expect(mail!.text).toContain('ミライソフト株式会社 ご担当者様');
    for (const line of [
      `依頼ID: ${order.requestIds[0]}`,
      '注文番号: K2026-000001',
      '商品: ミライ グループウェア',
      'プラン: business',
      '契約期間: 12m',
      '数量: 10',
      'オプション: helpdesk',
      '無料トライアル: なし',
      'ご利用ドメイン: test-shoji.example.jp',
      '管理者メールアドレス: admin@test-shoji.example.jp',
      '会社名: 株式会社テスト商事',
      'お名前: 山田 太郎',
    ]) {
      expect(mail!.text).toContain(line);
    }
    expect(mail!.text).not.toContain(testContact.email);
    expect(mail!.text).not.toContain('情報システム部');

    const requests = await t.ctx.db
      .select()
      .from(provisioningRequests)
      .where(eq(provisioningRequests.orderId, order.orderId));
    expect(requests.map((r) => r.orderLineId)).toEqual([order.lineIds[0]]);
    const timeline = await t.ctx.db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.orderId))
      .orderBy(asc(orderEvents.at), asc(orderEvents.id));
    expect(timeline.map((e) => [e.kind, e.orderLineId, e.note])).toEqual([
      ['placed', null, null],
      ['provisioning_requested', order.lineIds[0], 'webhook+mail'],
    ]);
  });
});

describe('the provider API', () => {
  it('answers 401 without a key, with a made-up key, and with a member or operator cookie only', async () => {
    for (const key of [null, 'kpk_not-a-real-key', 'Bearer', keyA.slice(0, -2)]) {
      const res = await asProvider(key, '/api/provider/provisioning-requests');
      expect([res.status, (await res.json()).code]).toEqual([401, 'provider_key_invalid']);
    }
    const viaCookie = await owner.browser.send('/api/provider/provisioning-requests', 'GET');
    expect(viaCookie.status).toBe(401);
  });

  it('shows a provider only its own requests: another provider’s request and line are 404', async () => {
    const listA = await asProvider(keyA, '/api/provider/provisioning-requests?status=received,preparing');
    expect(listA.status).toBe(200);
    const bodyA = await listA.json();
    expect(bodyA.requests.map((r: { id: string }) => r.id)).toEqual(order.requestIds);
    expect(bodyA.requests[0]).toMatchObject({
      orderLineId: order.lineIds[0],
      lineStatus: 'received',
      serviceStartDate: null,
      payload: { orderNumber: 'K2026-000001' },
    });
    const started = await asProvider(keyA, '/api/provider/provisioning-requests?status=started');
    expect((await started.json()).requests).toEqual([]);
    const badStatus = await asProvider(keyA, '/api/provider/provisioning-requests?status=done');
    expect(badStatus.status).toBe(422);

    const listB = await asProvider(keyB, '/api/provider/provisioning-requests');
    expect((await listB.json()).requests).toEqual([]);
    const readB = await asProvider(keyB, `/api/provider/provisioning-requests/${order.requestIds[0]}`);
    expect([readB.status, (await readB.json()).code]).toEqual([404, 'provisioning_request_not_found']);
    for (const step of ['preparing', 'start', 'reject']) {
      const res = await asProvider(keyB, `/api/provider/order-lines/${order.lineIds[0]}/${step}`, 'POST', {
        serviceStartDate: '2026-04-15',
        reason: 'x',
      });
      expect([step, res.status, (await res.json()).code]).toEqual([step, 404, 'order_line_not_found']);
    }
    // The store's own line is nobody's provider line.
    const storeLine = await asProvider(
      keyA,
      `/api/provider/order-lines/${order.lineIds[1]}/preparing`,
      'POST',
    );
    expect(storeLine.status).toBe(404);
    const [line] = await t.ctx.db.select().from(orderLines).where(eq(orderLines.id, order.lineIds[0]!));
    expect(line!.status).toBe('received');

    const readA = await asProvider(keyA, `/api/provider/provisioning-requests/${order.requestIds[0]}`);
    expect(readA.status).toBe(200);
    const [key] = await t.ctx.db.select().from(providerApiKeys).where(eq(providerApiKeys.id, keyAId));
    expect(key!.lastUsedAt).not.toBeNull();
    expect(key!.keyHash).not.toContain(keyA);
    expect(key!.prefix).toBe(keyA.slice(0, 12));
  });

  it('marks preparing, refuses illegal steps and bad dates, then confirms the start and mails the member', async () => {
    const lineId = order.lineIds[0]!;
    t.clock.travelTo('2026-04-02T10:00:00+09:00');
    const preparing = await asProvider(keyA, `/api/provider/order-lines/${lineId}/preparing`, 'POST');
    expect([preparing.status, await preparing.json()]).toEqual([
      200,
      { orderLineId: lineId, status: 'preparing', serviceStartDate: null },
    ]);
    const again = await asProvider(keyA, `/api/provider/order-lines/${lineId}/preparing`, 'POST');
    expect([again.status, (await again.json()).code]).toEqual([409, 'order_line_transition_not_allowed']);
    const [orderRow] = await t.ctx.db.select().from(orders).where(eq(orders.id, order.orderId));
    expect(orderRow!.status).toBe('in_progress');

    for (const [date, code] of [
      ['2026-04-29', 'service_start_date_not_business_day'],
      ['2026-04-18', 'service_start_date_not_business_day'],
      ['2026-03-31', 'service_start_date_before_order'],
      ['2026-02-30', 'invalid_date'],
    ]) {
      const res = await asProvider(keyA, `/api/provider/order-lines/${lineId}/start`, 'POST', {
        serviceStartDate: date,
      });
      expect([date, res.status, (await res.json()).code]).toEqual([date, 422, code]);
    }
    const mailsBefore = (await listDevMailbox(t.ctx.db, 500)).filter(
      (m) => m.to === testContact.email,
    ).length;
    const start = await asProvider(keyA, `/api/provider/order-lines/${lineId}/start`, 'POST', {
      serviceStartDate: '2026-04-15',
    });
    expect([start.status, await start.json()]).toEqual([
      200,
      { orderLineId: lineId, status: 'started', serviceStartDate: '2026-04-15' },
    ]);
    const mail = (await mailTo(t, testContact.email, mailsBefore + 1)).at(-1)!;
    expect(mail.subject).toBe('【keiyaku デモストア】サービス提供開始のお知らせ（注文番号 K2026-000001）');
    expect(mail.text).toContain('山田 太郎 様');
    expect(mail.text).toContain('商品: ミライ グループウェア');
    expect(mail.text).toContain('提供元: ミライソフト株式会社');
    expect(mail.text).toContain('提供開始日: 2026年4月15日');

    const events = await t.ctx.db.select().from(domainEvents).where(eq(domainEvents.subjectId, lineId));
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      [
        'order.line.started',
        {
          orderId: order.orderId,
          orderLineId: lineId,
          memberId,
          serviceStartDate: '2026-04-15',
          orderNumber: 'K2026-000001',
          productId: expect.stringMatching(/^prd_/),
          providerId: miraiId,
          productNameJa: 'ミライ グループウェア',
          productNameEn: 'Mirai Groupware',
          plan: 'business',
          term: '12m',
          quantity: 10,
          options: [{ code: 'helpdesk' }],
          pricing: { lines: [], monthlyAmount: null, termAmount: 8800, oneTimeAmount: 0 },
          paymentMethod: 'bank_transfer',
          isTrial: false,
          trialDays: null,
          locale: 'ja',
          startedBy: { kind: 'provider', id: miraiId },
        },
      ],
    ]);
    const timeline = await t.ctx.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderLineId, lineId), eq(orderEvents.kind, 'line_status_changed')))
      .orderBy(asc(orderEvents.at), asc(orderEvents.id));
    expect(timeline.map((e) => [e.fromStatus, e.toStatus, e.actor, e.note])).toEqual([
      ['received', 'preparing', `provider:${miraiId}`, null],
      ['preparing', 'started', `provider:${miraiId}`, '2026-04-15'],
    ]);
    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, lineId));
    expect(audits.map((a) => [a.action, a.actorKind, a.actorId])).toEqual([
      ['order.line.preparing', 'provider', miraiId],
      ['order.line.started', 'provider', miraiId],
    ]);

    const rejectAfter = await asProvider(keyA, `/api/provider/order-lines/${lineId}/reject`, 'POST', {
      reason: '遅すぎる',
    });
    expect([rejectAfter.status, (await rejectAfter.json()).code]).toEqual([
      409,
      'order_line_transition_not_allowed',
    ]);
  });

  it('refuses a revoked key at once', async () => {
    const revoked = await owner.browser.send(
      `/api/admin/catalog/providers/${miraiId}/api-keys/${keyAId}/revoke`,
      'POST',
    );
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).revokedAt).not.toBeNull();
    const res = await asProvider(keyA, '/api/provider/provisioning-requests');
    expect([res.status, (await res.json()).code]).toEqual([401, 'provider_key_invalid']);
    const keys = await (
      await owner.browser.send(`/api/admin/catalog/providers/${miraiId}/api-keys`, 'GET')
    ).json();
    expect(keys.keys).toEqual([
      expect.objectContaining({ id: keyAId, label: '本番連携', prefix: keyA.slice(0, 12) }),
    ]);
    expect(JSON.stringify(keys)).not.toContain(keyA);
    // Another provider's key cannot be revoked through this provider.
    const cross = await owner.browser.send(
      `/api/admin/catalog/providers/${otherId}/api-keys/${keyAId}/revoke`,
      'POST',
    );
    expect(cross.status).toBe(404);
  });
});

describe('operators on orders', () => {
  it('rejects the store’s own line with a reason: the member’s mail, the event, the order completed', async () => {
    const lineId = order.lineIds[1]!;
    const empty = await support.browser.send(`/api/admin/order-lines/${lineId}/reject`, 'POST', {
      reason: '  ',
    });
    expect([empty.status, (await empty.json()).code]).toEqual([422, 'rejection_reason_required']);
    const mailsBefore = (await listDevMailbox(t.ctx.db, 500)).filter(
      (m) => m.to === testContact.email,
    ).length;
    const rejected = await support.browser.send(`/api/admin/order-lines/${lineId}/reject`, 'POST', {
      reason: 'ご指定のドメインは既に他のサーバーで使われています。',
    });
    expect(rejected.status).toBe(200);
    const mail = (await mailTo(t, testContact.email, mailsBefore + 1)).at(-1)!;
    expect(mail.subject).toBe(
      '【keiyaku デモストア】お申し込みのサービスをご提供できないことのお知らせ（注文番号 K2026-000001）',
    );
    expect(mail.text).toContain('理由: ご指定のドメインは既に他のサーバーで使われています。');
    expect(mail.text).toContain('商品: けいやくレンタルサーバー');
    const [event] = await t.ctx.db.select().from(domainEvents).where(eq(domainEvents.subjectId, lineId));
    expect([event!.type, event!.payload]).toEqual([
      'order.line.rejected',
      {
        orderId: order.orderId,
        orderLineId: lineId,
        memberId,
        reason: 'ご指定のドメインは既に他のサーバーで使われています。',
      },
    ]);
    const [orderRow] = await t.ctx.db.select().from(orders).where(eq(orders.id, order.orderId));
    expect(orderRow!.status).toBe('completed');
    const startAfter = await support.browser.send(`/api/admin/order-lines/${lineId}/start`, 'POST', {
      serviceStartDate: '2026-04-15',
    });
    expect(startAfter.status).toBe(409);
  });

  it('changes the start date before the service starts, and not on or after it', async () => {
    const lineId = order.lineIds[0]!;
    const notSet = await support.browser.send(
      `/api/admin/order-lines/${order.lineIds[1]}/start-date`,
      'POST',
      {
        serviceStartDate: '2026-04-20',
      },
    );
    expect([notSet.status, (await notSet.json()).code]).toEqual([409, 'service_start_date_not_set']);
    const holiday = await support.browser.send(`/api/admin/order-lines/${lineId}/start-date`, 'POST', {
      serviceStartDate: '2026-04-29',
    });
    expect(holiday.status).toBe(422);
    const mailsBefore = (await listDevMailbox(t.ctx.db, 500)).filter(
      (m) => m.to === testContact.email,
    ).length;
    const changed = await support.browser.send(`/api/admin/order-lines/${lineId}/start-date`, 'POST', {
      serviceStartDate: '2026-04-20',
      note: 'お客様からのお問い合わせ Q2026-000003',
    });
    expect([changed.status, await changed.json()]).toEqual([
      200,
      { orderLineId: lineId, serviceStartDate: '2026-04-20', previousDate: '2026-04-15' },
    ]);
    const mail = (await mailTo(t, testContact.email, mailsBefore + 1)).at(-1)!;
    expect(mail.subject).toBe('【keiyaku デモストア】提供開始日変更のお知らせ（注文番号 K2026-000001）');
    expect(mail.text).toContain('提供開始日: 2026年4月20日（変更前: 2026年4月15日）');

    const moved = await t.ctx.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.subjectId, lineId), eq(domainEvents.type, 'order.line.start_date_changed')));
    expect(moved.map((e) => e.payload)).toEqual([
      {
        orderId: order.orderId,
        orderLineId: lineId,
        memberId,
        previousDate: '2026-04-15',
        serviceStartDate: '2026-04-20',
      },
    ]);

    t.clock.travelTo('2026-04-20T09:00:00+09:00');
    const late = await support.browser.send(`/api/admin/order-lines/${lineId}/start-date`, 'POST', {
      serviceStartDate: '2026-04-22',
    });
    expect([late.status, (await late.json()).code]).toEqual([409, 'service_already_started']);
    const [line] = await t.ctx.db.select().from(orderLines).where(eq(orderLines.id, lineId));
    expect(line!.serviceStartDate).toBe('2026-04-20');
  });

  it('lists, searches and shows orders with timeline and provisioning delivery', async () => {
    const second = await insertTestOrder(t, {
      memberId,
      lines: [
        {
          productSlug: 'mirai-groupware',
          plan: 'business',
          term: 'monthly',
          quantity: 5,
          trialDays: 30,
          orderFields: { tenant_domain: 'b.example.jp', admin_email: 'a@b.example.jp' },
        },
        { productSlug: 'cloud-server', plan: 'standard', term: 'monthly' },
      ],
    });
    const list = await support.browser.send('/api/admin/orders?member=prov-member', 'GET');
    expect(list.status).toBe(200);
    const listed = await list.json();
    expect([listed.total, listed.orders.map((o: { number: string }) => o.number)]).toEqual([
      2,
      ['K2026-000002', 'K2026-000001'],
    ]);
    expect(listed.orders[1]).toMatchObject({
      status: 'completed',
      member: { id: memberId, loginId: 'prov-member', name: '山田 太郎' },
      totalAmount: 9680,
    });
    const byNumber = await (await support.browser.send('/api/admin/orders?number=000001', 'GET')).json();
    expect(byNumber.orders.map((o: { number: string }) => o.number)).toEqual(['K2026-000001']);
    const byStatus = await (await support.browser.send('/api/admin/orders?status=received', 'GET')).json();
    expect(byStatus.orders.map((o: { number: string }) => o.number)).toEqual(['K2026-000002']);
    const byDate = await (
      await support.browser.send('/api/admin/orders?placedFrom=2026-04-02&placedTo=2026-04-30', 'GET')
    ).json();
    expect(byDate.orders.map((o: { number: string }) => o.number)).toEqual(['K2026-000002']);
    const paged = await (await support.browser.send('/api/admin/orders?limit=1&offset=1', 'GET')).json();
    expect([paged.total, paged.orders.map((o: { number: string }) => o.number)]).toEqual([
      2,
      ['K2026-000001'],
    ]);

    await receiver.waitFor(2);
    await mailTo(t, providerMail, 2);
    // biome-ignore lint/suspicious/noExplicitAny: the answer is checked field by field below
    let detail: Record<string, any> = {};
    for (let i = 0; i < 100; i++) {
      detail = await (await support.browser.send(`/api/admin/orders/${order.orderId}`, 'GET')).json();
      if (detail.provisioningRequests[0].delivery.status === 'delivered') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(detail).toMatchObject({
      status: 'completed',
      member: { id: memberId, email: testContact.email },
      lines: [
        { id: order.lineIds[0], status: 'started', serviceStartDate: '2026-04-20' },
        { id: order.lineIds[1], status: 'rejected', rejectionReason: expect.any(String) },
      ],
    });
    expect(
      detail.timeline.map((e: { kind: string; toStatus: string | null }) => [e.kind, e.toStatus]),
    ).toEqual([
      ['placed', 'received'],
      ['provisioning_requested', null],
      ['line_status_changed', 'preparing'],
      ['line_status_changed', 'started'],
      ['line_status_changed', 'rejected'],
      ['start_date_changed', null],
    ]);
    expect(detail.provisioningRequests).toHaveLength(1);
    expect(detail.provisioningRequests[0].delivery).toMatchObject({
      status: 'delivered',
      sendCount: 1,
      webhook: { status: 'delivered', attempts: 1, lastStatusCode: 204 },
      mails: [{ to: providerMail, status: 'delivered' }],
    });
    expect((await support.browser.send('/api/admin/orders/ord_unknown', 'GET')).status).toBe(404);

    const queue = await (await support.browser.send('/api/admin/provisioning-queue', 'GET')).json();
    expect(queue.total).toBe(2);
    expect(
      queue.items.map((i: { orderLineId: string; provider: { slug: string }; request: unknown }) => [
        i.orderLineId,
        i.provider.slug,
        i.request === null,
      ]),
    ).toEqual([
      [second.lineIds[0], 'mirai-soft', false],
      [second.lineIds[1], 'keiyaku', true],
    ]);
    const miraiQueue = await (
      await support.browser.send(`/api/admin/provisioning-queue?providerId=${miraiId}`, 'GET')
    ).json();
    expect(miraiQueue.items.map((i: { orderLineId: string }) => i.orderLineId)).toEqual([second.lineIds[0]]);
  });

  it('resends a failed hand-off only', async () => {
    const [request] = await t.ctx.db
      .select()
      .from(provisioningRequests)
      .where(eq(provisioningRequests.orderLineId, order.lineIds[0]!));
    const notFailed = await support.browser.send(
      `/api/admin/provisioning-requests/${request!.id}/resend`,
      'POST',
    );
    expect([notFailed.status, (await notFailed.json()).code]).toEqual([
      409,
      'provisioning_resend_not_needed',
    ]);
    // The receiver gave up on it (the worker's last retry failed).
    await t.ctx.db
      .update(webhookMessages)
      .set({ status: 'failed', lastStatusCode: 503 })
      .where(eq(webhookMessages.id, request!.webhookMessageId!));
    const before = receiver.received.length;
    const resent = await support.browser.send(
      `/api/admin/provisioning-requests/${request!.id}/resend`,
      'POST',
    );
    expect(resent.status).toBe(200);
    const body = await resent.json();
    expect(body.delivery).toMatchObject({ sendCount: 2, status: 'pending' });
    expect(body.delivery.webhook.messageId).not.toBe(request!.webhookMessageId);
    const hooks = await receiver.waitFor(before + 1);
    const again = JSON.parse(hooks.at(-1)!.body);
    expect(again.data.requestId).toBe(request!.id);
    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, request!.id));
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ['provisioning_request.resent', support.operatorId],
    ]);
  });

  it('rotates the provider’s webhook secret, shown once', async () => {
    const rotated = await owner.browser.send(
      `/api/admin/catalog/providers/${miraiId}/webhook-secret`,
      'POST',
    );
    expect(rotated.status).toBe(200);
    const body = await rotated.json();
    expect(body.webhookSecret).toMatch(/^whsec_/);
    expect(body.webhookSecret).not.toBe(webhookSecret);
    const missing = await owner.browser.send(
      `/api/admin/catalog/providers/${otherId}/webhook-secret`,
      'POST',
    );
    expect([missing.status, (await missing.json()).code]).toEqual([409, 'provider_webhook_missing']);
  });
});

describe('placing an order through the store', () => {
  it('hands a provider’s trial line to the provider in the order’s transaction', async () => {
    const before = receiver.received.length;
    // The clock moved past the session's idle limit in the tests above: sign in again, at the same time.
    vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
    memberBrowser = new Browser(t);
    const mails = (await listDevMailbox(t.ctx.db, 500)).filter((m) => m.to === testContact.email).length;
    const signIn = await memberBrowser.send('/api/sessions', 'POST', {
      loginId: 'prov-member',
      password: memberTestPassword,
    });
    expect(signIn.status).toBe(202);
    const codeMail = (await mailTo(t, testContact.email, mails + 1)).at(-1)!;
    const code = /コード: (\d{6})/.exec(codeMail.text)![1]!;
    expect((await memberBrowser.send('/api/sessions/verify-code', 'POST', { code })).status).toBe(200);
    const added = await memberBrowser.send('/api/store/cart/items', 'POST', {
      product: 'mirai-groupware',
      plan: 'business',
      term: 'monthly',
      quantity: 5,
      trial: true,
    });
    expect(added.status).toBeLessThan(300);
    const checkoutRes = await memberBrowser.send('/api/mypage/checkout', 'GET');
    const checkout = await checkoutRes.json();
    expect([checkoutRes.status, checkout]).toMatchObject([200, {}]);
    const itemId = checkout.lines[0].itemId as string;
    const input = {
      customerContact: { ...checkout.customerContact, companyName: '株式会社トライアル' },
      billingContact: checkout.billingContact,
      orderFields: { [itemId]: { tenant_domain: 'trial.example.jp', admin_email: 'admin@trial.example.jp' } },
      paymentMethod: null,
      consents: checkout.consents.map((c: { documentKey: string; version: string }) => ({
        documentKey: c.documentKey,
        version: c.version,
      })),
    };
    const confirmed = await memberBrowser.send('/api/mypage/checkout/confirm', 'POST', input);
    expect(confirmed.status).toBe(200);
    const { quote } = await confirmed.json();
    const placed = await memberBrowser.send(
      '/api/mypage/orders',
      'POST',
      { ...input, quote },
      { 'idempotency-key': 'provisioning-trial-1' },
    );
    expect(placed.status).toBe(201);
    const placedBody = await placed.json();
    const [request] = await t.ctx.db
      .select()
      .from(provisioningRequests)
      .innerJoin(orderLines, eq(orderLines.id, provisioningRequests.orderLineId))
      .where(eq(orderLines.orderId, placedBody.id));
    expect(request!.provisioning_requests.payload).toMatchObject({
      orderNumber: placedBody.number,
      line: {
        productSlug: 'mirai-groupware',
        plan: 'business',
        term: 'monthly',
        quantity: 5,
        trial: { days: 30 },
      },
      orderFields: { tenant_domain: 'trial.example.jp', admin_email: 'admin@trial.example.jp' },
      contact: { companyName: '株式会社トライアル', name: '山田 太郎' },
    });
    expect(Object.keys(request!.provisioning_requests.payload.contact).sort()).toEqual([
      'companyName',
      'name',
    ]);
    const hooks = await receiver.waitFor(before + 1);
    expect(JSON.parse(hooks.at(-1)!.body).data.requestId).toBe(request!.provisioning_requests.id);
  });
});
