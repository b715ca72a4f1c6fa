// Browser test of 契約変更 on My Page: a member with an active groupware contract adds users and the help desk from a date, sees the daily-prorated difference and the next invoice, confirms and applies; axe and screenshots in Japanese and English.
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../../web/src/api/schema';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  demoOwner,
  describedBy,
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

declare global {
  interface Window {
    axe: typeof axe;
  }
}

let smtp: SmtpSink;
let server: RunningServer;
let baseUrl: string;
let browser: Browser;
let memberWatch: PageWatch;
let ownerWatch: PageWatch;

const member = {
  loginId: 'change.e2e',
  password: 'Kei-yaku2026!',
  name: '変更 太郎',
  nameKana: 'ヘンコウ タロウ',
  email: 'change.e2e@example.jp',
};

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url, KEIYAKU_TEST_CLOCK: '1' });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  memberWatch = new PageWatch(browser);
  ownerWatch = new PageWatch(browser);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

afterEach(async () => {
  expect([...(await memberWatch.finish()), ...(await ownerWatch.finish())]).toEqual([]);
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

/** Orders Mirai Groupware business for 12 users and 12 months (¥105,600 a term, ¥8,800 a month) by bank transfer. */
async function placeOrder(cookie: string): Promise<components['schemas']['OrderDetail']> {
  const item = { product: 'mirai-groupware', plan: 'business', term: '12m', quantity: 12 };
  const added = await send(cookie, 'POST', '/api/store/cart/items', item);
  if (added.status !== 201) throw new Error(await added.text());
  const checkout = (await (
    await send(cookie, 'GET', '/api/mypage/checkout')
  ).json()) as components['schemas']['Checkout'];
  const input = {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    orderFields: {
      [checkout.lines[0]!.itemId]: {
        tenant_domain: 'henkou.example.jp',
        admin_email: 'admin@henkou.example.jp',
      },
    },
    paymentMethod: 'bank_transfer',
    consents: checkout.consents.map((c) => ({ documentKey: c.documentKey, version: c.version })),
  };
  const confirmed = await send(cookie, 'POST', '/api/mypage/checkout/confirm', input);
  if (confirmed.status !== 200) throw new Error(await confirmed.text());
  const { quote } = (await confirmed.json()) as { quote: string };
  const placed = await send(
    cookie,
    'POST',
    '/api/mypage/orders',
    { ...input, quote },
    { 'idempotency-key': 'change-e2e-1' },
  );
  expect(placed.status).toBe(201);
  return (await placed.json()) as components['schemas']['OrderDetail'];
}

/** Waits for the page to settle, runs axe and returns its serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function switchLanguage(page: Page, to: 'English' | '日本語', shown: string): Promise<void> {
  await page.getByRole('button', { name: to }).click();
  await expect.poll(() => page.getByText(shown, { exact: true }).first().isVisible()).toBe(true);
}

describe('a contract change on My Page', () => {
  it('quotes 3 more users and the help desk from 15 April by the day, confirms and applies', async () => {
    const admin = await ownerWatch.open({ height: 1000, bypassCsp: true });
    await signInAsOperator(admin, baseUrl, smtp, await demoOwner(server.dataDir));
    const ownerCookie = (await admin.context().cookies(`${baseUrl}/api/admin/overview`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    // Friday 4 April 2031 in Tokyo: Mirai Groupware needs three business days, so the earliest date is the 9th.
    const moved = await send(ownerCookie, 'POST', '/api/admin/test-clock', {
      to: '2031-04-04T09:00:00+09:00',
    });
    expect(moved.status).toBe(200);
    await registerAndConfirm(baseUrl, smtp, fullRegistration(member));
    const memberCookie = await memberSessionCookie(baseUrl, smtp, member, 1);
    const order = await placeOrder(memberCookie);
    const started = await send(ownerCookie, 'POST', `/api/admin/order-lines/${order.lines[0]!.id}/start`, {
      serviceStartDate: '2031-04-04',
    });
    expect(started.status).toBe(200);
    const listed = (await (await send(memberCookie, 'GET', '/api/mypage/contracts')).json()) as {
      contracts: { id: string }[];
    };
    const contract = listed.contracts[0]!;

    const mypage = await memberWatch.open({ height: 1000, bypassCsp: true });
    await mypage.context().addCookies(
      memberCookie.split('; ').map((pair) => {
        const [name = '', ...value] = pair.split('=');
        return { name, value: value.join('='), url: baseUrl };
      }),
    );
    await mypage.goto(`${baseUrl}/mypage/contracts/${contract.id}`);
    await expect.poll(() => mypage.getByTestId('change-link').isVisible()).toBe(true);
    await mypage.getByTestId('change-link').click();
    await expect.poll(() => field(mypage, '変更希望日').isVisible()).toBe(true);

    // A date in the past is refused next to the field.
    memberWatch.tolerated = [/status of 422/];
    await field(mypage, '変更希望日').fill('2031-04-01');
    await field(mypage, '数量').fill('15');
    await mypage.getByRole('button', { name: '見積もる' }).click();
    await expect
      .poll(() => describedBy(mypage, '変更希望日'))
      .toContain('本日以降の日付を指定してください。');

    await field(mypage, '変更希望日').fill('2031-04-15');
    await mypage.getByRole('checkbox', { name: 'ヘルプデスク' }).check();
    await mypage.getByRole('button', { name: '見積もる' }).click();
    const quote = mypage.getByTestId('change-quote');
    await expect.poll(() => quote.isVisible()).toBe(true);
    // ¥187,000 × 355/366 = ¥181,379 − ¥105,600 × 355/366 = ¥102,426 → ¥78,953 (15 April 2031 to 3 April 2032).
    expect(await mypage.getByTestId('quote-difference').innerText()).toBe('+¥78,953');
    expect(await quote.innerText()).toContain(
      '日割り（円未満切り捨て）: 変更後 ¥187,000 × 355/366日 = ¥181,379 − 変更前 ¥105,600 × 355/366日 = ¥102,426 → 差額 ¥78,953（2031-04-15〜2032-04-03、税抜）',
    );
    expect(await mypage.getByTestId('next-invoice').innerText()).toContain('¥265,953');
    await shot(mypage, 'mypage-contract-change-quote-ja.png');
    expect(await seriousViolations(mypage)).toEqual([]);
    await mypage.getByRole('button', { name: '確認へ進む' }).click();
    expect(await mypage.getByTestId('change-confirm').innerText()).toContain(
      '2031年4月15日から変更後の内容に切り替わります。',
    );
    await switchLanguage(mypage, 'English', 'Please confirm');
    await shot(mypage, 'mypage-contract-change-confirm-en.png');
    expect(await seriousViolations(mypage)).toEqual([]);
    await switchLanguage(mypage, '日本語', 'お申し込み内容の確認');
    await mypage.getByRole('button', { name: 'この内容で申し込む' }).click();
    await expect.poll(() => mypage.getByTestId('change-result').isVisible()).toBe(true);
    expect(await mypage.getByTestId('change-result').innerText()).toContain(
      '2031年4月15日に変更が反映されます。',
    );
    await shot(mypage, 'mypage-contract-change-result-ja.png');
    await mypage.goto(`${baseUrl}/mypage/contracts/${contract.id}/change`);
    await expect.poll(() => mypage.getByTestId('open-change').isVisible()).toBe(true);
    expect(await mypage.getByTestId('open-change-summary').innerText()).toContain('数量: 12 → 15');
    await switchLanguage(mypage, 'English', 'Change application');
    await shot(mypage, 'mypage-contract-change-open-en.png');
    expect(await seriousViolations(mypage)).toEqual([]);
  });
});
