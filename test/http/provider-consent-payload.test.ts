// A provider receives exactly the contact fields the member agreed to share with it on that order, in the webhook and the mail.
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { catalogProviders } from '../../src/db/schema/catalog.js';
import { provisioningRequests } from '../../src/db/schema/provisioning.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { mailTo, registerAndSignIn, type SignedInMember } from '../helpers/member-session.js';
import { operatorSignedIn } from '../helpers/operator-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

let t: TestApp;
let receiver: WebhookReceiver;
let webhookSecret: string;
let miraiId: string;
let member: SignedInMember;

const providerMail = 'provisioning@mirai-soft.example';
// Every column of the order's contact holds a value no other field has, so any of them leaking shows.
const contact = {
  companyName: '株式会社同意商事',
  departmentName: '機密管理部',
  name: '同意 花子',
  nameKana: 'ドウイ ハナコ',
  email: 'hanako@doui-shoji.example.jp',
  phone: '+81398765432',
  postalCode: '150-0001',
  address: '東京都渋谷区神宮前9-8-7',
};

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await createTestApp();
  // Standard Webhooks refuses a timestamp far from now: the verifier's Date travels with the store's clock.
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  const owner = await operatorSignedIn(t, 'consent.owner', ['owner']);
  const [mirai] = await t.ctx.db
    .select()
    .from(catalogProviders)
    .where(eq(catalogProviders.slug, 'mirai-soft'));
  miraiId = mirai!.id;
  const patched = await owner.browser.send(`/api/admin/catalog/providers/${miraiId}`, 'PATCH', {
    webhookUrl: receiver.url,
    // The receiver runs on this machine: the provider's webhook may reach it only through this allow-list.
    webhookAllowedNetworks: ['127.0.0.1/32'],
  });
  expect(patched.status).toBe(200);
  webhookSecret = (await patched.json()).webhookSecret;
  await t.ctx.db
    .update(catalogProviders)
    .set({ sharedContactFields: ['company', 'name', 'email'] })
    .where(eq(catalogProviders.id, miraiId));
  member = await registerAndSignIn(t, { loginId: 'consent.member', name: '同意 花子', email: contact.email });
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  await t.close();
  await receiver.close();
});

function verified(hook: { body: string; headers: Record<string, string | string[] | undefined> }) {
  return new Webhook(webhookSecret).verify(hook.body, {
    'webhook-id': String(hook.headers['webhook-id']),
    'webhook-timestamp': String(hook.headers['webhook-timestamp']),
    'webhook-signature': String(hook.headers['webhook-signature']),
  }) as { type: string; data: { requestId: string; contact: Record<string, unknown> } };
}

/** The mail's text above the store's signature. */
const bodyOf = (text: string) => text.split('\n\n―')[0]!;

/** Every contact value the provider must not see, given what it may. */
function withheld(shared: readonly string[]): string[] {
  return Object.entries(contact)
    .filter(([column]) => !shared.includes(column))
    .map(([, value]) => value);
}

it('sends the webhook and the mail with the agreed company, name and email, and nothing else of the contact', async () => {
  expect(
    (
      await member.browser.send('/api/store/cart/items', 'POST', {
        product: 'mirai-groupware',
        plan: 'business',
        term: '12m',
        quantity: 5,
        options: [],
      })
    ).status,
  ).toBe(201);
  const checkout = await (await member.browser.send('/api/mypage/checkout', 'GET')).json();
  const sharing = checkout.consents.find((c: { kind: string }) => c.kind === 'provider_data_sharing');
  expect(sharing).toMatchObject({
    documentKey: 'provider:mirai-soft',
    version: 'company+name+email',
    title: { ja: '提供元「ミライソフト株式会社」への情報提供（会社名・お名前・メールアドレス）' },
  });
  const input = {
    customerContact: contact,
    billingContact: contact,
    orderFields: {
      [checkout.lines[0].itemId]: { tenant_domain: 'doui.example.jp', admin_email: 'it@doui.example.jp' },
    },
    paymentMethod: 'bank_transfer',
    consents: checkout.consents.map((c: { documentKey: string; version: string }) => ({
      documentKey: c.documentKey,
      version: c.version,
    })),
  };
  const confirmed = await member.browser.send('/api/mypage/checkout/confirm', 'POST', input);
  expect(confirmed.status).toBe(200);
  const placed = await member.browser.send(
    '/api/mypage/orders',
    'POST',
    { ...input, quote: (await confirmed.json()).quote },
    { 'idempotency-key': 'consent-1' },
  );
  expect(placed.status).toBe(201);
  const { id: orderId, number } = await placed.json();
  const [request] = await t.ctx.db
    .select()
    .from(provisioningRequests)
    .where(eq(provisioningRequests.orderId, orderId));

  const [hook] = await receiver.waitFor(1);
  const event = verified(hook!);
  expect(event.type).toBe('provisioning.requested');
  expect(event.data.requestId).toBe(request!.id);
  expect(event.data.contact).toEqual({
    companyName: '株式会社同意商事',
    name: '同意 花子',
    email: 'hanako@doui-shoji.example.jp',
  });
  for (const value of withheld(['companyName', 'name', 'email'])) expect(hook!.body).not.toContain(value);

  const [mail] = await mailTo(t, providerMail, 1);
  expect(bodyOf(mail!.text)).toBe(
    [
      'ミライソフト株式会社 ご担当者様',
      '',
      '次のサービスのお申し込みがありました。ご準備のうえ、提供開始日を提供元APIまたは当ストアまでお知らせください。',
      '',
      `依頼ID: ${request!.id}`,
      `注文番号: ${number}`,
      '商品: ミライ グループウェア',
      'プラン: business',
      '契約期間: 12m',
      '数量: 5',
      'オプション: なし',
      '無料トライアル: なし',
      'ご利用ドメイン: doui.example.jp',
      '管理者メールアドレス: it@doui.example.jp',
      '会社名: 株式会社同意商事',
      'お名前: 同意 花子',
      'メールアドレス: hanako@doui-shoji.example.jp',
    ].join('\n'),
  );
  for (const value of withheld(['companyName', 'name', 'email'])) expect(mail!.html).not.toContain(value);
});

it('follows the order’s consent, not the provider’s setting now: phone only, or nothing', async () => {
  await t.ctx.db
    .update(catalogProviders)
    .set({ sharedContactFields: ['company', 'department', 'name', 'email', 'phone', 'address'] })
    .where(eq(catalogProviders.id, miraiId));
  const line = {
    productSlug: 'mirai-groupware',
    plan: 'business',
    term: '12m',
    orderFields: { tenant_domain: 'x.example.jp', admin_email: 'a@x.example.jp' },
  };
  const phoneOnly = await insertTestOrder(t, {
    memberId: member.memberId,
    contact,
    lines: [line],
    sharedContactFields: { 'mirai-soft': ['phone'] },
  });
  const bare = await insertTestOrder(t, {
    memberId: member.memberId,
    contact,
    lines: [line],
    sharedContactFields: { 'mirai-soft': [] },
  });
  const hooks = await receiver.waitFor(3);
  const byRequest = new Map(hooks.map((h) => [verified(h).data.requestId, h]));
  const phoneHook = byRequest.get(phoneOnly.requestIds[0]!)!;
  expect(verified(phoneHook).data.contact).toEqual({ phone: '+81398765432' });
  for (const value of withheld(['phone'])) expect(phoneHook.body).not.toContain(value);
  const bareHook = byRequest.get(bare.requestIds[0]!)!;
  expect(verified(bareHook).data.contact).toEqual({});
  for (const value of withheld([])) expect(bareHook.body).not.toContain(value);

  const mails = await mailTo(t, providerMail, 3);
  const phoneMail = mails.find((m) => m.text.includes(`依頼ID: ${phoneOnly.requestIds[0]}`))!;
  expect(bodyOf(phoneMail.text).split('\n').slice(-2)).toEqual([
    '管理者メールアドレス: a@x.example.jp',
    '電話番号: +81398765432',
  ]);
  const bareMail = mails.find((m) => m.text.includes(`依頼ID: ${bare.requestIds[0]}`))!;
  expect(bodyOf(bareMail.text).split('\n').at(-1)).toBe('管理者メールアドレス: a@x.example.jp');
  for (const value of withheld([])) expect(bareMail.text).not.toContain(value);
});
