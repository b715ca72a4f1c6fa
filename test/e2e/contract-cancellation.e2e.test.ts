// Browser test of 解約申込 on the store clock: a member with an active groupware contract applies for a short-notice cancellation on My Page after its quote, an operator re-dates and confirms it in the console, the member sees the confirmed last day and withdraws it; axe on every page shown, in Japanese and English.
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
  loginId: 'cancel.e2e',
  password: 'Kei-yaku2026!',
  name: '解約 太郎',
  nameKana: 'カイヤク タロウ',
  email: 'cancel.e2e@example.jp',
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

/**
 * The store gives Mirai Groupware's business plan a 12-month minimum term with the remaining months as the
 * early-termination fee, as an operator does in the catalog editor.
 */
async function addMinimumTerm(ownerCookie: string): Promise<void> {
  const { products } = (await (await send(ownerCookie, 'GET', '/api/admin/catalog/products')).json()) as {
    products: { id: string; definition: { slug: string } }[];
  };
  const id = products.find((p) => p.definition.slug === 'mirai-groupware')?.id ?? '';
  const product = (await (await send(ownerCookie, 'GET', `/api/admin/catalog/products/${id}`)).json()) as {
    definition: { plans: Record<string, unknown>[] } & Record<string, unknown>;
  };
  const definition = {
    ...product.definition,
    plans: product.definition.plans.map((plan) => ({
      ...plan,
      minimumTermMonths: 12,
      earlyTermination: { kind: 'remaining_months', fee: null },
    })),
  };
  const saved = await send(ownerCookie, 'PUT', `/api/admin/catalog/products/${id}`, definition);
  if (saved.status !== 200) throw new Error(await saved.text());
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
        tenant_domain: 'kaiyaku.example.jp',
        admin_email: 'admin@kaiyaku.example.jp',
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
    { 'idempotency-key': 'cancel-e2e-1' },
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

describe('cancellation on My Page and in the console', () => {
  it('quotes, applies, is re-dated and confirmed by an operator, and shows the confirmed last day', async () => {
    const admin = await ownerWatch.open({ height: 1000, bypassCsp: true });
    await signInAsOperator(admin, baseUrl, smtp, await demoOwner(server.dataDir));
    const ownerCookie = (await admin.context().cookies(`${baseUrl}/api/admin/overview`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    // Friday 4 April 2031 at 09:00 in Tokyo: Mirai Groupware needs three business days, so the earliest
    // last day is Wednesday the 9th and Monday the 7th is a short-notice wish.
    const moved = await send(ownerCookie, 'POST', '/api/admin/test-clock', {
      to: '2031-04-04T09:00:00+09:00',
    });
    expect(moved.status).toBe(200);

    await registerAndConfirm(baseUrl, smtp, fullRegistration(member));
    const memberCookie = await memberSessionCookie(baseUrl, smtp, member, 1);
    await addMinimumTerm(ownerCookie);
    const order = await placeOrder(memberCookie);
    const started = await send(ownerCookie, 'POST', `/api/admin/order-lines/${order.lines[0]!.id}/start`, {
      serviceStartDate: '2031-04-04',
    });
    expect(started.status).toBe(200);
    const listed = (await (await send(memberCookie, 'GET', '/api/mypage/contracts')).json()) as {
      contracts: { id: string; number: string }[];
    };
    expect(listed.contracts).toHaveLength(1);
    const contract = listed.contracts[0]!;

    // The member opens 契約詳細 and asks for the quote: the earliest last day and the fee come first.
    const mypage = await memberWatch.open({ height: 1000, bypassCsp: true });
    await mypage.context().addCookies(
      memberCookie.split('; ').map((pair) => {
        const [name = '', ...value] = pair.split('=');
        return { name, value: value.join('='), url: baseUrl };
      }),
    );
    await mypage.goto(`${baseUrl}/mypage/contracts/${contract.id}`);
    await expect.poll(() => mypage.getByTestId('contract-number').isVisible()).toBe(true);
    await mypage.getByRole('button', { name: '解約を申し込む' }).click();
    const quote = mypage.getByTestId('cancellation-quote');
    await expect.poll(() => quote.isVisible()).toBe(true);
    expect(await mypage.getByTestId('quote-earliest').innerText()).toBe('2031年4月9日');
    expect(await mypage.getByTestId('quote-end').innerText()).toBe('2031年4月9日');
    expect(await mypage.getByTestId('quote-fee').innerText()).toBe('¥105,600');
    const quoteText = await quote.innerText();
    expect(quoteText).toContain('2032年4月3日');
    expect(quoteText).toContain(
      '最低利用期間の満了前の解約のため、途中解約金 ¥105,600（残りの月数 × 月額料金、残り12ヶ月分）がかかります。',
    );
    expect(quoteText).toContain(
      'サービスは 2031年4月9日 までご利用いただけます。翌日にサービスが終了し、提供元にも解約をお伝えします。',
    );
    expect(await describedBy(mypage, '解約日（サービス最終日）')).toContain(
      'お手続きなしで承れる最短の解約日は 2031年4月9日 です。',
    );
    await shot(mypage, 'mypage-cancellation-quote-ja.png');
    expect(await seriousViolations(mypage)).toEqual([]);

    // Today is refused next to the field, in the member's language.
    memberWatch.tolerated = [/status of 422/];
    await field(mypage, '解約日（サービス最終日）').fill('2031-04-04');
    await expect
      .poll(() => describedBy(mypage, '解約日（サービス最終日）'))
      .toContain('明日以降の日付を指定してください。');

    // Monday the 7th: inside the lead time, accepted as waiting for the store's confirmation.
    await field(mypage, '解約日（サービス最終日）').fill('2031-04-07');
    await expect.poll(() => mypage.getByTestId('quote-end').innerText()).toBe('2031年4月7日');
    expect(await mypage.getByTestId('quote-fee').innerText()).toBe('¥105,600');
    expect(await quote.innerText()).toContain(
      'この商品の解約には3営業日のお手続き期間が必要です（最短 2031年4月9日）。',
    );
    await mypage.getByRole('button', { name: '内容を確認する' }).click();
    expect(await mypage.getByTestId('cancellation-confirm').innerText()).toContain(
      '解約日 2031年4月7日、途中解約金 ¥105,600（税抜）。',
    );
    await shot(mypage, 'mypage-cancellation-confirm-ja.png');
    await mypage.getByRole('button', { name: '解約を申し込む' }).click();
    const open = mypage.getByTestId('cancellation');
    await expect.poll(() => open.isVisible()).toBe(true);
    expect(await mypage.getByTestId('cancellation-state').innerText()).toBe('確認待ち');
    expect(await mypage.getByTestId('cancellation-desired').innerText()).toBe('2031年4月7日');
    expect(await mypage.getByTestId('cancellation-effective').innerText()).toBe('確認待ち');
    expect(await mypage.getByTestId('cancellation-fee').innerText()).toBe('¥105,600');
    expect(await mypage.getByRole('button', { name: '解約のお申し込みを取り消す' }).isVisible()).toBe(true);
    await shot(mypage, 'mypage-cancellation-requested-ja.png');
    expect(await seriousViolations(mypage)).toEqual([]);
    await switchLanguage(mypage, 'English', 'Cancellation application');
    expect(await mypage.getByTestId('cancellation-state').innerText()).toBe('Waiting for confirmation');
    expect(await mypage.getByTestId('cancellation-desired').innerText()).toBe('7 April 2031');
    await shot(mypage, 'mypage-cancellation-requested-en.png');
    expect(await seriousViolations(mypage)).toEqual([]);
    await switchLanguage(mypage, '日本語', '解約のお申し込み');

    // The operator finds it in the queue and confirms Wednesday the 9th instead, with the reason.
    await admin.getByRole('navigation').getByRole('link', { name: '契約', exact: true }).click();
    await admin.getByRole('link', { name: '解約の確認待ち一覧' }).click();
    const row = admin.locator(`tr[data-request="${contract.number}"]`);
    await expect.poll(() => row.isVisible()).toBe(true);
    const rowText = await row.innerText();
    expect(rowText).toContain('解約 太郎');
    expect(rowText).toContain('ミライ グループウェア');
    expect(rowText).toContain('2031年4月7日');
    expect(rowText).toContain('¥105,600');
    expect(rowText).toContain('確認待ち');
    await shot(admin, 'admin-contract-requests-ja.png');
    expect(await seriousViolations(admin)).toEqual([]);
    // The contract's page shows the same application with its action, and its history names the step.
    await row.getByRole('link', { name: contract.number }).click();
    await expect
      .poll(() => admin.getByRole('heading', { name: '確認待ちのお申し込み' }).isVisible())
      .toBe(true);
    expect(await row.innerText()).toContain('2031年4月7日');
    expect(await row.getByRole('button', { name: `確定する ${contract.number}` }).isVisible()).toBe(true);
    expect(await admin.getByTestId('contract-history').innerText()).toContain('解約のお申し込み（確認待ち）');
    await shot(admin, 'admin-contract-request-on-contract-ja.png');
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.goBack();
    await expect.poll(() => admin.getByRole('heading', { name: '解約の確認待ち' }).isVisible()).toBe(true);
    await row.getByRole('button', { name: `確定する ${contract.number}` }).click();
    await field(admin, '解約日（空欄ならご希望日 2031年4月7日）').fill('2031-04-09');
    await field(admin, '別の日付にする理由（会員へのメール・履歴・監査ログに残ります）').fill(
      '提供元の停止作業に3営業日かかるため、9日（水）とさせてください。',
    );
    await admin.getByTestId('confirm-request').getByRole('button', { name: '確定する' }).click();
    expect(await admin.getByTestId('confirm-request').innerText()).toContain(
      '解約日 2031年4月9日 で確定します。',
    );
    await shot(admin, 'admin-contract-request-confirm-ja.png');
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: '解約日を確定する' }).click();
    await expect
      .poll(() => admin.getByText(`${contract.number} の解約日を 2031年4月9日 に確定しました。`).isVisible())
      .toBe(true);
    await expect.poll(() => row.count()).toBe(0);
    await admin.getByLabel('状態', { exact: true }).selectOption('scheduled');
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.innerText()).toContain('受付済み');
    expect(await row.innerText()).toContain('2031年4月9日');
    await switchLanguage(admin, 'English', 'Cancellations to confirm');
    expect(await row.innerText()).toContain('Accepted');
    expect(await row.innerText()).toContain('9 April 2031');
    await shot(admin, 'admin-contract-requests-en.png');
    expect(await seriousViolations(admin)).toEqual([]);
    await switchLanguage(admin, '日本語', '解約の確認待ち');

    // The member sees the confirmed last day and the store's note; the contract is 解約予定.
    await mypage.reload();
    await expect.poll(() => mypage.getByTestId('cancellation').isVisible()).toBe(true);
    expect(await mypage.getByTestId('cancellation-state').innerText()).toBe('受付済み');
    expect(await mypage.getByTestId('cancellation-desired').innerText()).toBe('2031年4月7日');
    expect(await mypage.getByTestId('cancellation-effective').innerText()).toBe('2031年4月9日');
    expect(await mypage.getByTestId('cancellation').innerText()).toContain(
      '提供元の停止作業に3営業日かかるため、9日（水）とさせてください。',
    );
    expect(await mypage.locator('main').innerText()).toContain('解約予定');
    await shot(mypage, 'mypage-cancellation-scheduled-ja.png');
    expect(await seriousViolations(mypage)).toEqual([]);
    await switchLanguage(mypage, 'English', 'Cancellation application');
    expect(await mypage.getByTestId('cancellation-effective').innerText()).toBe('9 April 2031');
    expect(await mypage.getByTestId('cancellation-state').innerText()).toBe('Accepted');
    await shot(mypage, 'mypage-cancellation-scheduled-en.png');
    expect(await seriousViolations(mypage)).toEqual([]);
    await switchLanguage(mypage, '日本語', '解約のお申し込み');

    // Before the last day the member withdraws it (two presses): the contract is active again and can be cancelled anew.
    await mypage.getByRole('button', { name: '解約のお申し込みを取り消す' }).click();
    await mypage.getByRole('button', { name: '取り消しを確定する' }).click();
    await expect.poll(() => mypage.getByRole('button', { name: '解約を申し込む' }).isVisible()).toBe(true);
    expect(await mypage.getByTestId('cancellation').count()).toBe(0);
    // A scheduled cancellation withdrawn returns the contract to the status it had (the store clock runs on
    // from 09:00, so the minute is not fixed).
    await expect
      .poll(() => mypage.getByTestId('contract-history').innerText())
      .toMatch(/契約中に変更\s+2031\/04\/04 9:\d\d · お客様$/);
    const main = await mypage.locator('main').innerText();
    expect(main).not.toContain('サービス終了日');
    expect(await mypage.locator('main .mantine-Badge-root').first().innerText()).toBe('契約中');
  });
});
