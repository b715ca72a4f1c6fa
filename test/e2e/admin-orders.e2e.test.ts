// Browser test of the admin order pages: a member orders over the API, the owner finds the order, confirms the service start, and sees the status and the timeline change; the queue and a provider's keys in Japanese and English.
import type { Browser } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bankCalendar } from '../../src/domain/calendar.js';
import type { components } from '../../web/src/api/schema';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  demoOwner,
  field,
  launchBrowser,
  mailTo,
  memberSessionCookie,
  PageWatch,
  type RunningServer,
  registerAndConfirm,
  shot,
  signInAsOperator,
  startServer,
} from './support';

let smtp: SmtpSink;
let server: RunningServer;
let baseUrl: string;
let browser: Browser;
let watch: PageWatch;

const member = {
  loginId: 'order.e2e',
  password: 'Kei-yaku2026!',
  name: '注文 花子',
  nameKana: 'チュウモン ハナコ',
  email: 'order.e2e@example.jp',
};

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  watch = new PageWatch(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

afterEach(async () => {
  expect(await watch.finish()).toEqual([]);
});

/** A JSON request as the signed-in member's browser sends it (session cookie, trusted Origin). */
function send(
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: baseUrl, cookie, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * Orders the rental server (the store's own product, 12 months) and a trial of the groupware (a marketplace
 * provider's) over the HTTP API, as the checkout pages do: cart, checkout, confirmation, order.
 */
async function placeOrder(cookie: string): Promise<components['schemas']['OrderDetail']> {
  const items = [
    { product: 'rental-server-x10', plan: 'x10', term: '12m', options: [{ code: 'ssl-quick' }] },
    { product: 'mirai-groupware', plan: 'business', term: 'monthly', quantity: 5, trial: true },
  ];
  for (const item of items)
    expect((await send(cookie, 'POST', '/api/store/cart/items', item)).status).toBe(201);
  const checkoutResponse = await send(cookie, 'GET', '/api/mypage/checkout');
  expect(checkoutResponse.status).toBe(200);
  const checkout = (await checkoutResponse.json()) as components['schemas']['Checkout'];
  const fields: Record<string, Record<string, string>> = {
    'rental-server-x10': { domain: 'chumon.example.jp', server_id: 'chumon-01' },
    'mirai-groupware': { tenant_domain: 'chumon.example.jp', admin_email: 'admin@chumon.example.jp' },
  };
  const input = {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    orderFields: Object.fromEntries(
      checkout.lines.map((line) => [line.itemId, fields[line.product.slug] ?? {}]),
    ),
    paymentMethod: 'bank_transfer',
    consents: checkout.consents.map((c) => ({ documentKey: c.documentKey, version: c.version })),
  };
  const confirmed = await send(cookie, 'POST', '/api/mypage/checkout/confirm', input);
  expect(confirmed.status).toBe(200);
  const { quote } = (await confirmed.json()) as components['schemas']['CheckoutConfirmation'];
  const placed = await send(
    cookie,
    'POST',
    '/api/mypage/orders',
    { ...input, quote },
    { 'idempotency-key': 'e2e-1' },
  );
  expect(placed.status).toBe(201);
  return (await placed.json()) as components['schemas']['OrderDetail'];
}

/** A business day a few days ahead in Tokyo, and the next one: start dates the API accepts whatever today is. */
function startDates(): [string, string] {
  const first = bankCalendar.addBusinessDays(Temporal.Now.plainDateISO('Asia/Tokyo'), 3);
  return [first.toString(), bankCalendar.addBusinessDays(first, 1).toString()];
}

const jaDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

describe('orders in the admin console', () => {
  it('finds a new order, confirms the service start, moves the date, and shows the status and the timeline', async () => {
    await registerAndConfirm(baseUrl, smtp, fullRegistration(member));
    const cookie = await memberSessionCookie(baseUrl, smtp, member, 1);
    const { number } = await placeOrder(cookie);
    const [startDate, laterDate] = startDates();

    const page = await watch.open({ height: 900 });
    await signInAsOperator(page, baseUrl, smtp, await demoOwner(server.dataDir));
    await page.getByRole('navigation').getByRole('link', { name: '注文', exact: true }).click();
    await field(page, '注文番号').fill(number);
    await page.getByRole('button', { name: '検索', exact: true }).click();
    const row = page.locator(`tr[data-order="${number}"]`);
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.innerText()).toContain('受付済');
    expect(await row.innerText()).toContain('注文 花子');
    await shot(page, 'admin-orders.png');

    await row.getByRole('link', { name: number }).click();
    await expect.poll(() => page.getByRole('heading', { name: number }).isVisible()).toBe(true);
    const rental = page.locator('[data-line]').filter({ hasText: 'けいやくレンタルサーバー X10' });
    const groupware = page.locator('[data-line]').filter({ hasText: 'ミライ グループウェア' });
    expect(await rental.locator('[data-line-status]').innerText()).toBe('受付済');
    expect(await rental.innerText()).toContain('chumon-01');
    // The store's own product has no hand-off; the marketplace provider's line was mailed to the provider.
    expect(await rental.innerText()).toContain('提供元への依頼はありません');
    await expect.poll(() => groupware.locator('[data-delivery-status]').count()).toBe(1);
    expect(await page.locator('[data-consent]').count()).toBeGreaterThan(0);
    await shot(page, 'admin-order.png');

    // The store starts setting the server up: the member's order page will say 準備中.
    await rental.getByRole('button', { name: '準備中にする' }).click();
    await expect.poll(() => rental.locator('[data-line-status]').innerText()).toBe('準備中');
    expect(await rental.getByRole('button', { name: '準備中にする' }).count()).toBe(0);

    // Confirming the start without a date is caught beside the field; with one, the line starts.
    await rental.getByRole('button', { name: '提供開始を確定' }).click();
    await page.getByRole('button', { name: '提供開始を確定する' }).click();
    await expect
      .poll(() => page.getByText('提供開始日を選んでください。', { exact: true }).isVisible())
      .toBe(true);
    await field(page, '提供開始日').fill(startDate);
    await shot(page, 'admin-order-confirm-start.png');
    await page.getByRole('button', { name: '提供開始を確定する' }).click();
    await expect.poll(() => rental.locator('[data-line-status]').innerText()).toBe('提供開始');
    expect(await rental.getByText(`提供開始日 ${jaDate(startDate)}`).isVisible()).toBe(true);
    // One line started, the trial still waits: the order is in progress.
    expect(await page.locator('[data-order-status]').first().innerText()).toBe('準備中');
    const timeline = page.locator('[data-timeline]');
    await expect.poll(() => timeline.innerText()).toContain('受付済 → 準備中');
    expect(await timeline.innerText()).toContain('準備中 → 提供開始');
    const started = await mailTo(smtp, member.email, 'サービス提供開始のお知らせ');
    expect(started.text).toContain(`提供開始日: ${jaDate(startDate)}`);
    expect(started.text).toContain(number);

    // On the member's request the date moves while the service has not started yet.
    await rental.getByRole('button', { name: '提供開始日を変更' }).click();
    await field(page, '提供開始日').fill(laterDate);
    await field(page, '変更の理由（任意）').fill('お客様のご都合による');
    await page.getByRole('button', { name: '提供開始日を変更する' }).click();
    await expect.poll(() => rental.getByText(`提供開始日 ${jaDate(laterDate)}`).isVisible()).toBe(true);
    await expect.poll(() => timeline.innerText()).toContain('お客様のご都合による');
    await shot(page, 'admin-order-started.png');

    // The queue keeps the trial line, under its provider.
    await page.getByRole('navigation').getByRole('link', { name: '提供待ち', exact: true }).click();
    const queued = page.locator(`tr[data-queue-line="${number}"]`);
    await expect.poll(() => queued.count()).toBe(1);
    expect(await queued.innerText()).toContain('ミライ グループウェア');
    await shot(page, 'admin-provisioning.png');

    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Provisioning queue' }).isVisible())
      .toBe(true);
    await shot(page, 'admin-provisioning-en.png');
    await queued.getByRole('link', { name: number }).click();
    await expect.poll(() => page.getByText('Service started', { exact: true }).isVisible()).toBe(true);
    await shot(page, 'admin-order-en.png');
    await page.getByRole('link', { name: '← Back to the orders' }).click();
    await expect.poll(() => row.isVisible()).toBe(true);
    await shot(page, 'admin-orders-en.png');
    await page.getByRole('button', { name: '日本語' }).click();
  });

  it("issues a provider's API key once and revokes it", async () => {
    const page = await watch.open({ height: 900 });
    await signInAsOperator(page, baseUrl, smtp, await demoOwner(server.dataDir), 2);
    await page.getByRole('navigation').getByRole('link', { name: '提供待ち', exact: true }).click();
    await page.getByRole('link', { name: 'APIキーとWebhook' }).first().click();
    await expect.poll(() => page.getByText('ミライソフト株式会社').isVisible()).toBe(true);
    await field(page, 'メモ').fill('本番連携');
    await page.getByRole('button', { name: 'APIキーを発行' }).click();
    await expect.poll(() => page.getByTestId('provider-api-key').isVisible()).toBe(true);
    const key = await page.getByTestId('provider-api-key').innerText();
    const listed = await fetch(`${baseUrl}/api/provider/provisioning-requests`, {
      headers: { authorization: `Bearer ${key.trim()}` },
    });
    expect(listed.status).toBe(200);
    const rowOfKey = page.locator('tr[data-api-key]').filter({ hasText: '本番連携' });
    expect(await rowOfKey.innerText()).toContain('有効');
    await shot(page, 'admin-provider-keys.png');

    await rowOfKey.getByRole('button', { name: '失効させる' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '失効させる' }).click();
    // The row's own button says 失効させる, so the revocation shows as the active badge going away.
    await expect.poll(() => rowOfKey.innerText()).not.toContain('有効');
    expect(await rowOfKey.innerText()).toContain('失効（');
    const refused = await fetch(`${baseUrl}/api/provider/provisioning-requests`, {
      headers: { authorization: `Bearer ${key.trim()}` },
    });
    expect(refused.status).toBe(401);

    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Provider connection' }).isVisible())
      .toBe(true);
    await shot(page, 'admin-provider-keys-en.png');
    await page.getByRole('button', { name: '日本語' }).click();
  });
});
