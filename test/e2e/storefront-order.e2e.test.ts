// Browser test of buying in the store: search, simulate, add to cart as a guest, sign in (the cart merges), order a free trial in Japanese and a hosting plan by bank transfer in English, the receipt mails and My Page's orders.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullRegistration } from '../helpers/registration.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  fontsSettled,
  launchBrowser,
  mailTo,
  PageWatch,
  postJson,
  type RunningServer,
  screenshotDir,
  startServer,
} from './support';

let smtp: SmtpSink;
let server: RunningServer;
let baseUrl: string;
let browser: Browser;
let watch: PageWatch;

const member = {
  loginId: 'taro.order',
  password: 'Kei-yaku2026!',
  name: '佐藤 太郎',
  nameKana: 'サトウ タロウ',
  email: 'taro.order@example.jp',
};

/** Waits for the `nth` mail (1-based) to this address whose subject contains `subject`. */
function mail(to: string, subject: string | RegExp, nth: number): Promise<ReceivedMail> {
  return mailTo(smtp, to, subject, nth);
}

function post(path: string, body: unknown): Promise<Response> {
  return postJson(baseUrl, path, body);
}

const codeIn = (text: string) => /(?:コード|code is): (\d{6})/.exec(text)?.[1] ?? '';
let codeMails = 0;

async function shot(page: Page, name: string): Promise<void> {
  await fontsSettled(page);
  await page.screenshot({ path: join(screenshotDir, name), fullPage: true });
}

/** A form field by its label, which Mantine ends with " *" on required fields. */
function field(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label}\\s*\\*?$`));
}

/** Signs in on the login page already open: ID and password, then the mailed code. */
async function signIn(page: Page, labels: { loginId: string; password: string; next: string }) {
  await field(page, labels.loginId).fill(member.loginId);
  await field(page, labels.password).fill(member.password);
  await page.getByRole('button', { name: labels.next }).click();
  await expect.poll(() => page.locator('#sign-in-code-1').isVisible()).toBe(true);
  codeMails += 1;
  const code = codeIn((await mail(member.email, /ログイン確認コード|sign-in code/i, codeMails)).text);
  await page.locator('#sign-in-code-1').click();
  await page.keyboard.type(code);
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  watch = new PageWatch(browser);
  const registration = fullRegistration({
    ...member,
    memberKind: 'corporate',
    companyName: '株式会社けいやく商事',
    department: '情報システム部',
  });
  expect((await post('/api/members', registration)).status).toBe(201);
  const link = await mail(member.email, 'メールアドレスの確認', 1);
  const token = /\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(link.text)?.[1] ?? '';
  expect((await post('/api/members/confirm-email', { token: decodeURIComponent(token) })).status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

afterEach(async () => {
  expect(await watch.finish()).toEqual([]);
});

describe('ordering in the store', () => {
  it('searches, simulates, adds to the cart as a guest, signs in, and orders the groupware trial in Japanese', async () => {
    // A visitor's cart asks who is signed in (401); the empty checkout form is refused on purpose (422).
    watch.tolerated = [/status of 401/, /status of 422/];
    const page = await watch.open({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/products`);
    await page.getByLabel('キーワード').fill('グループウェア');
    await page.getByRole('button', { name: '検索' }).click();
    await expect.poll(() => page.getByText('1件の商品').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'ミライ グループウェア' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '料金シミュレーター' }).isVisible()).toBe(true);

    // 10 users × ¥800 a month, with the help desk (¥5,000): ¥13,000, tax ¥1,300.
    await page.getByLabel(/^数量/).fill('10');
    await page.getByLabel(/ヘルプデスク/).check();
    await expect.poll(() => page.getByText('¥13,000 / 消費税 ¥1,300').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'カートに入れる' }).click();
    await expect.poll(() => page.getByText('カートに入れました').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('1');
    await shot(page, 'order-product-added.png');

    // The trial too; then the guest's cart holds both.
    await page.getByRole('button', { name: '30日間無料で試す' }).click();
    await expect.poll(() => page.getByText('無料トライアルをカートに入れました').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('2');
    await page.getByRole('link', { name: 'カートを見る' }).click();
    await expect.poll(() => page.getByTestId('cart-item').count()).toBe(2);
    await shot(page, 'order-cart-guest.png');

    // Proceeding asks for a sign-in, which comes back to checkout with the cart merged.
    await page.getByRole('button', { name: 'ご注文手続きへ進む' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await expect
      .poll(() =>
        page.getByText('ご注文手続きに進むには、ログインしてください。', { exact: false }).isVisible(),
      )
      .toBe(true);
    await signIn(page, { loginId: 'ログインID', password: 'パスワード', next: '次へ' });
    await expect.poll(() => new URL(page.url()).pathname).toBe('/checkout');
    await expect.poll(() => page.getByTestId('checkout-line').count()).toBe(2);
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('2');

    // Only the trial is ordered now: the paid line goes back out of the cart.
    await page.goto(`${baseUrl}/cart`);
    await expect.poll(() => page.getByTestId('cart-item').count()).toBe(2);
    await shot(page, 'order-cart-member.png');
    await page.getByTestId('cart-item').first().getByRole('button', { name: '削除' }).click();
    await expect.poll(() => page.getByTestId('cart-item').count()).toBe(1);
    await page.getByRole('button', { name: 'ご注文手続きへ進む' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/checkout');

    // (a) contacts prefilled from the profile.
    await expect.poll(() => page.getByTestId('checkout-line').count()).toBe(1);
    expect(
      await page
        .getByLabel(/^お名前/)
        .first()
        .inputValue(),
    ).toBe(member.name);
    expect(
      await page
        .getByLabel(/^会社名/)
        .first()
        .inputValue(),
    ).toBe('株式会社けいやく商事');
    // Nothing filled in or agreed: every field's error shows next to it at once, checked with the server's rules.
    await page.getByRole('button', { name: '確認画面へ進む' }).click();
    await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    await shot(page, 'order-checkout-errors.png');

    // (b) the order fields, (c) no payment method for a trial, (d) every consent.
    await page.getByLabel(/^ご利用ドメイン/).fill('keiyaku-shoji.example.jp');
    await page.getByLabel(/^管理者メールアドレス/).fill('admin@keiyaku-shoji.example.jp');
    expect(await page.getByText('お支払い方法の指定は不要です', { exact: false }).isVisible()).toBe(true);
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    expect(await page.getByText('提供する情報:', { exact: false }).isVisible()).toBe(true);
    await shot(page, 'order-checkout-form.png');
    await page.getByRole('button', { name: '確認画面へ進む' }).click();

    // (e) the confirmation, (f) one click places one order.
    await expect.poll(() => page.getByRole('button', { name: '注文を実行する' }).isVisible()).toBe(true);
    expect(await page.getByText('ご注文後の取り消しはできません', { exact: false }).isVisible()).toBe(true);
    await shot(page, 'order-confirmation.png');
    await page.getByRole('button', { name: '注文を実行する' }).dblclick();
    await expect.poll(() => page.getByTestId('order-number').isVisible()).toBe(true);
    const number = /K\d{4}-\d{6}/.exec((await page.getByTestId('order-number').textContent()) ?? '')?.[0];
    expect(number).toBeDefined();
    await shot(page, 'order-complete.png');

    // The receipt mail names the order; My Page lists it once.
    const receipt = await mail(member.email, number!, 1);
    expect(receipt.text).toContain(number!);
    expect(receipt.text).toContain('ミライ グループウェア');
    await page.getByRole('link', { name: 'マイページでご注文を見る' }).click();
    await expect.poll(() => page.getByTestId('order-line').count()).toBe(1);
    expect(await page.getByText('受付済').first().isVisible()).toBe(true);
    expect(await page.getByText('ご注文後のキャンセルはできません', { exact: false }).isVisible()).toBe(true);
    await shot(page, 'order-detail.png');
    await page.goto(`${baseUrl}/mypage/orders`);
    await expect.poll(() => page.getByRole('link', { name: number! }).count()).toBe(1);
    await shot(page, 'order-list.png');
  });

  it('orders the rental server for 12 months by bank transfer in English', async () => {
    watch.tolerated = [/status of 401/];
    const page = await watch.open({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('button', { name: 'English' }).click();
    await signIn(page, { loginId: 'Login ID', password: 'Password', next: 'Next' });
    await expect.poll(() => new URL(page.url()).pathname).toBe('/mypage');

    await page.goto(`${baseUrl}/products/rental-server-x10`);
    await expect.poll(() => page.getByRole('heading', { name: 'Price simulator' }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Term' }).click();
    await page.getByRole('option', { name: '12 months' }).click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect.poll(() => page.getByText('Added to the cart').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'View the cart' }).click();
    await expect.poll(() => page.getByTestId('cart-item').count()).toBe(1);
    await shot(page, 'order-cart-en.png');
    await page.getByRole('button', { name: 'Proceed to checkout' }).click();
    await expect.poll(() => page.getByTestId('checkout-line').count()).toBe(1);

    await page.getByLabel(/^Server ID/).fill('keiyaku-web');
    // Card and wallet need a registration first: shown, but not selectable, with the reason.
    expect(await page.getByRole('radio', { name: 'Credit card' }).isDisabled()).toBe(true);
    await page.getByRole('radio', { name: 'Bank transfer' }).check();
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await shot(page, 'order-checkout-form-en.png');
    await page.getByRole('button', { name: 'Continue to confirmation' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Place the order' }).isVisible()).toBe(true);
    // 12 months ¥13,200 + setup ¥3,000 = ¥16,200, tax ¥1,620.
    expect(await page.getByText('¥16,200 / Tax ¥1,620').isVisible()).toBe(true);
    expect(await page.getByText('Payment method: Bank transfer').isVisible()).toBe(true);
    await shot(page, 'order-confirmation-en.png');
    await page.getByRole('button', { name: 'Place the order' }).click();
    await expect.poll(() => page.getByTestId('order-number').isVisible()).toBe(true);
    const number = /K\d{4}-\d{6}/.exec((await page.getByTestId('order-number').textContent()) ?? '')?.[0];
    await shot(page, 'order-complete-en.png');
    const receipt = await mail(member.email, number!, 1);
    expect(receipt.text).toContain('¥17,820');

    await page.getByRole('link', { name: 'See the order on My Page' }).click();
    await expect.poll(() => page.getByTestId('order-line').count()).toBe(1);
    expect(await page.getByText('Received').first().isVisible()).toBe(true);
    await shot(page, 'order-detail-en.png');
    await page.goto(`${baseUrl}/mypage/orders`);
    await expect.poll(() => page.getByRole('link', { name: /K\d{4}-\d{6}/ }).count()).toBe(2);
    await shot(page, 'order-list-en.png');
  });
});
