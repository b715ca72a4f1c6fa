// Browser test of My Page invoices: a contract billed by the close shows in 請求一覧 and 請求詳細 from the reflection day, in Japanese and English, with exact yen, dates and the PDF link.
import type { Browser } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bankCalendar } from '../../src/domain/calendar.js';
import type { components } from '../../web/src/api/schema';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  demoOwner,
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
  loginId: 'invoice.e2e',
  password: 'Kei-yaku2026!',
  name: '請求 花子',
  nameKana: 'セイキュウ ハナコ',
  email: 'invoice.e2e@example.jp',
};

beforeAll(async () => {
  smtp = await startSmtpSink();
  // The rehearsal clock lets the store reach the reflection day of the billed month.
  server = await startServer({ SMTP_URL: smtp.url, KEIYAKU_TEST_CLOCK: '1' });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  watch = new PageWatch(browser);
}, 300_000);

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

/** Orders the rental server X10 for 12 months by bank transfer, over the API. */
async function placeOrder(cookie: string): Promise<components['schemas']['OrderDetail']> {
  const item = { product: 'rental-server-x10', plan: 'x10', term: '12m', options: [] };
  expect((await send(cookie, 'POST', '/api/store/cart/items', item)).status).toBe(201);
  const checkout = (await (
    await send(cookie, 'GET', '/api/mypage/checkout')
  ).json()) as components['schemas']['Checkout'];
  const input = {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    orderFields: {
      [checkout.lines[0]!.itemId]: { domain: 'seikyu-hanako.example.jp', server_id: 'seikyu-01' },
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
    { 'idempotency-key': 'inv-e2e-1' },
  );
  expect(placed.status).toBe(201);
  return (await placed.json()) as components['schemas']['OrderDetail'];
}

const jaDate = (d: Temporal.PlainDate) => `${d.year}年${d.month}月${d.day}日`;
const enDate = (d: Temporal.PlainDate) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${d.toString()}T00:00:00Z`),
  );
const enMonth = (m: Temporal.PlainYearMonth) =>
  new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${m.toString()}-01T00:00:00Z`),
  );
// X10 for 12 months by bank transfer: the ¥13,200 term and the ¥3,000 setup fee, which comes with the first
// term (nothing was paid at the order), before tax; ¥1,620 tax at 10%, rounded once.
const invoiceTotal = 17_820;
const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

describe('invoices on My Page', () => {
  it('shows the closed month’s invoice from the reflection day, in Japanese and English', async () => {
    await registerAndConfirm(baseUrl, smtp, fullRegistration(member));
    const orderCookie = await memberSessionCookie(baseUrl, smtp, member, 1);
    const order = await placeOrder(orderCookie);
    const start = bankCalendar.addBusinessDays(Temporal.Now.plainDateISO('Asia/Tokyo'), 3);
    const month = start.toPlainYearMonth();

    const admin = await watch.open({ height: 1000 });
    await signInAsOperator(admin, baseUrl, smtp, await demoOwner(server.dataDir));
    const operatorCookie = (await admin.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const started = await send(operatorCookie, 'POST', `/api/admin/order-lines/${order.lines[0]!.id}/start`, {
      serviceStartDate: start.toString(),
    });
    expect(started.status).toBe(200);
    // The start-of-month close bills the 12-month term that begins in the month, in advance.
    const closed = await send(operatorCookie, 'POST', '/api/admin/billing-runs', { month: month.toString() });
    expect(closed.status).toBe(200);
    const run = (await closed.json()) as { written: { invoices: number; total: number } };
    expect(run.written.invoices).toBe(1);
    expect(run.written.total).toBe(invoiceTotal);

    // The default profile (seed 003) shows the month from the 10th; bank transfer is sent on the 25th
    // (rolled to a business day) and due 30 days later (rolled again).
    const reflection = month.toPlainDate({ day: 10 });
    const sending = bankCalendar.nextBusinessDay(month.toPlainDate({ day: 25 }));
    const due = bankCalendar.nextBusinessDay(sending.add({ days: 30 }));
    if (Temporal.PlainDate.compare(reflection, Temporal.Now.plainDateISO('Asia/Tokyo')) > 0) {
      const moved = await send(operatorCookie, 'POST', '/api/admin/test-clock', {
        to: `${reflection.toString()}T00:00:00+09:00`,
      });
      expect(moved.status).toBe(200);
    }

    // Signed in again on the store's new day.
    const memberCookie = await memberSessionCookie(baseUrl, smtp, member, 2);
    const mypage = await watch.open({ height: 1000 });
    await mypage.context().addCookies(
      memberCookie.split('; ').map((pair) => {
        const [name = '', ...value] = pair.split('=');
        return { name, value: value.join('='), url: baseUrl };
      }),
    );
    await mypage.goto(`${baseUrl}/mypage/invoices`);
    const list = mypage.getByTestId('invoice-list');
    await expect.poll(() => list.isVisible()).toBe(true);
    const listText = await list.innerText();
    expect(listText).toContain(`${month.year}年${month.month}月`);
    expect(listText).toContain(yen(invoiceTotal));
    expect(listText).toContain('請求済（未入金）');
    expect(listText).toContain(jaDate(due));
    expect(listText).toContain('銀行振込');
    expect(listText).not.toContain('bank_transfer');
    await shot(mypage, 'mypage-invoices.png');
    const number = (await list.getByRole('link').first().innerText()).trim();
    expect(number).toMatch(/^INV\d{4}-\d{7}$/);

    await list.getByRole('link', { name: number }).click();
    await expect.poll(() => mypage.getByTestId('invoice-number').isVisible()).toBe(true);
    const termEnd = start.add({ months: 12 }).subtract({ days: 1 });
    const lines = await mypage.getByTestId('invoice-lines').innerText();
    expect(lines).toContain(`${jaDate(start)}〜${jaDate(termEnd)}`);
    const totals = await mypage.getByTestId('invoice-totals').innerText();
    expect(totals).toContain(yen(invoiceTotal));
    expect(totals).toContain('10%対象');
    const facts = await mypage.getByTestId('invoice-facts').innerText();
    expect(facts).toContain(jaDate(due));
    expect(facts).toContain(jaDate(month.toPlainDate({ day: 1 })));
    const pdf = mypage.getByRole('link', { name: '請求書（PDF）をダウンロード' });
    expect(await pdf.getAttribute('href')).toMatch(/^\/api\/mypage\/invoices\/inv_[^/]+\/pdf$/);
    await shot(mypage, 'mypage-invoice.png', { fullPage: true });

    await mypage.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => mypage.getByText('Invoice details').isVisible()).toBe(true);
    const en = await mypage.locator('main').innerText();
    expect(en).toContain('Issued (unpaid)');
    expect(en).toContain('Bank transfer');
    expect(en).toContain(enDate(due));
    expect(en).toContain(`${enDate(start)} – ${enDate(termEnd)}`);
    expect(en).toContain(yen(invoiceTotal));
    expect(await mypage.getByRole('link', { name: 'Download the invoice (PDF)' }).isVisible()).toBe(true);
    await shot(mypage, 'mypage-invoice-en.png', { fullPage: true });
    await mypage.getByRole('link', { name: '← Back to invoices' }).click();
    await expect.poll(() => mypage.getByTestId('invoice-list').isVisible()).toBe(true);
    expect(await mypage.getByTestId('invoice-list').innerText()).toContain(enMonth(month));
    await shot(mypage, 'mypage-invoices-en.png');
    await mypage.getByRole('button', { name: '日本語' }).click();
  });
});
