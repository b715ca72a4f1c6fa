// Browser test of contracts: a member orders a rental server, the store starts it, the member reads 契約一覧 and 契約詳細, and the owner finds, suspends and resumes the contract, in Japanese and English.
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
  loginId: 'contract.e2e',
  password: 'Kei-yaku2026!',
  name: '契約 花子',
  nameKana: 'ケイヤク ハナコ',
  email: 'contract.e2e@example.jp',
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

function send(
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: baseUrl, cookie, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Orders the rental server X10 for 12 months with the quick SSL option, by bank transfer, over the API. */
async function placeOrder(cookie: string): Promise<components['schemas']['OrderDetail']> {
  const item = { product: 'rental-server-x10', plan: 'x10', term: '12m', options: [{ code: 'ssl-quick' }] };
  expect((await send(cookie, 'POST', '/api/store/cart/items', item)).status).toBe(201);
  const checkout = (await (
    await send(cookie, 'GET', '/api/mypage/checkout')
  ).json()) as components['schemas']['Checkout'];
  const input = {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    orderFields: {
      [checkout.lines[0]!.itemId]: { domain: 'keiyaku-hanako.example.jp', server_id: 'hanako-01' },
    },
    paymentMethod: 'bank_transfer',
    consents: checkout.consents.map((c) => ({ documentKey: c.documentKey, version: c.version })),
  };
  const confirmed = await send(cookie, 'POST', '/api/mypage/checkout/confirm', input);
  expect(confirmed.status).toBe(200);
  const { quote } = (await confirmed.json()) as { quote: string };
  const placed = await send(
    cookie,
    'POST',
    '/api/mypage/orders',
    { ...input, quote },
    { 'idempotency-key': 'ctr-e2e-1' },
  );
  expect(placed.status).toBe(201);
  return (await placed.json()) as components['schemas']['OrderDetail'];
}

const jaDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

describe('contracts on My Page and in the console', () => {
  it('opens a contract at the start, shows it to the member and lets the owner suspend and resume it', async () => {
    await registerAndConfirm(baseUrl, smtp, fullRegistration(member));
    const memberCookie = await memberSessionCookie(baseUrl, smtp, member, 1);
    const order = await placeOrder(memberCookie);
    const start = bankCalendar.addBusinessDays(Temporal.Now.plainDateISO('Asia/Tokyo'), 3).toString();
    const termEnd = Temporal.PlainDate.from(start).add({ months: 12 }).subtract({ days: 1 }).toString();

    const admin = await watch.open({ height: 1000 });
    await signInAsOperator(admin, baseUrl, smtp, await demoOwner(server.dataDir));
    const operatorCookie = (await admin.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const started = await send(operatorCookie, 'POST', `/api/admin/order-lines/${order.lines[0]!.id}/start`, {
      serviceStartDate: start,
    });
    expect(started.status).toBe(200);

    // The member's 契約一覧 and 契約詳細.
    const mypage = await watch.open({ height: 1000 });
    await mypage.context().addCookies(
      memberCookie.split('; ').map((pair) => {
        const [name = '', ...value] = pair.split('=');
        return { name, value: value.join('='), url: baseUrl };
      }),
    );
    await mypage.goto(`${baseUrl}/mypage/contracts`);
    const list = mypage.getByTestId('contract-list');
    await expect.poll(() => list.isVisible()).toBe(true);
    const listText = await list.innerText();
    expect(listText).toContain('けいやくレンタルサーバー X10');
    expect(listText).toContain('12ヶ月');
    expect(listText).toContain(jaDate(start));
    expect(listText).toContain(jaDate(termEnd));
    expect(listText).toContain('契約中');
    await shot(mypage, 'mypage-contracts.png');
    const number = (await list.getByRole('link').first().innerText()).trim();
    expect(number).toMatch(/^C\d{4}-\d{6}$/);
    await list.getByRole('link', { name: number }).click();
    await expect.poll(() => mypage.getByTestId('contract-number').isVisible()).toBe(true);
    const detail = await mypage.locator('main').innerText();
    expect(detail).toContain('手動更新');
    expect(detail).toContain('銀行振込');
    expect(detail).toContain('独自SSL（クイック認証）');
    expect(detail).toContain(`${jaDate(start)}〜${jaDate(termEnd)}`);
    expect(await mypage.getByTestId('contract-history').innerText()).toContain('契約開始（契約中）');
    await shot(mypage, 'mypage-contract.png', { fullPage: true });
    await mypage.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => mypage.getByText('Manual renewal').isVisible()).toBe(true);
    expect(await mypage.locator('main').innerText()).toContain('Bank transfer');
    await shot(mypage, 'mypage-contract-en.png', { fullPage: true });
    await mypage.getByRole('link', { name: '← Back to contracts' }).click();
    await expect.poll(() => mypage.getByTestId('contract-list').isVisible()).toBe(true);
    await shot(mypage, 'mypage-contracts-en.png');
    await mypage.getByRole('button', { name: '日本語' }).click();

    // The owner finds it by number, suspends it with a reason (two presses) and resumes it.
    await admin.getByRole('navigation').getByRole('link', { name: '契約', exact: true }).click();
    await field(admin, '契約番号').fill(number);
    await admin.getByRole('button', { name: '検索', exact: true }).click();
    const row = admin.locator(`tr[data-contract="${number}"]`);
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.innerText()).toContain('契約 花子');
    await shot(admin, 'admin-contracts.png');
    await row.getByRole('link', { name: number }).click();
    await expect.poll(() => admin.getByTestId('contract-number').isVisible()).toBe(true);
    await field(admin, '理由（履歴と監査ログに残ります）').fill('お振込みの確認待ちのため');
    await admin.getByRole('button', { name: '停止する' }).click();
    await admin.getByRole('button', { name: '停止を確定する' }).click();
    const history = admin.getByTestId('contract-history');
    await expect.poll(() => history.innerText()).toContain('停止中に変更');
    expect(await history.innerText()).toContain('お振込みの確認待ちのため');
    await shot(admin, 'admin-contract-suspended.png', { fullPage: true });
    await field(admin, '理由（履歴と監査ログに残ります）').fill('入金を確認');
    await admin.getByRole('button', { name: '再開する' }).click();
    await admin.getByRole('button', { name: '再開を確定する' }).click();
    await expect.poll(() => history.innerText()).toContain('契約中に変更');
    await admin.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => admin.getByText('Changed to Active').isVisible()).toBe(true);
    await shot(admin, 'admin-contract-en.png', { fullPage: true });
    await admin.getByRole('link', { name: '← Back to contracts' }).click();
    await expect.poll(() => row.isVisible()).toBe(true);
    await shot(admin, 'admin-contracts-en.png');
    await admin.getByRole('button', { name: '日本語' }).click();
  });
});
