// Browser test of a new store's first hour, with no SMTP server and no CLI: the demo owner signs in with the code read in the dev mail viewer; a guest builds a cart of the cloud server's free trial and the rental server, registers from the checkout's sign-in, confirms by the link in the viewer, comes back to the checkout and orders.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  demoOwner,
  field,
  launchBrowser,
  PageWatch,
  type RunningServer,
  shot,
  startServer,
  typeCode,
} from './support';

let server: RunningServer;
let baseUrl: string;
let browser: Browser;
let watch: PageWatch;

const member = {
  loginId: 'newcomer.sato',
  password: 'Kei-yaku2026!',
  name: '佐藤 花子',
  nameKana: 'サトウ ハナコ',
  email: 'hanako.sato@example.jp',
};

/** Opens the dev mail viewer from the page's link, in the new tab the link opens. */
async function openViewer(page: Page): Promise<Page> {
  const [viewer] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('link', { name: '開発用メールボックスを開く' }).click(),
  ]);
  await viewer.waitForLoadState();
  expect(new URL(viewer.url()).pathname).toBe('/dev/mail');
  return viewer;
}

/** Reloads the viewer until a message with `subject` (to `to`, when given) is there; returns the newest one's text. */
async function newestMessage(viewer: Page, subject: string, to?: string): Promise<string> {
  const matching = () => {
    const bySubject = viewer.locator('article.message').filter({ hasText: subject });
    return to ? bySubject.filter({ hasText: to }) : bySubject;
  };
  await expect
    .poll(
      async () => {
        await viewer.reload();
        return matching().count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  // Newest on top.
  return matching().first().innerText();
}

beforeAll(async () => {
  // No SMTP_URL: every mail stays in the dev mailbox, as on a newcomer's first `npm start`.
  server = await startServer();
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  watch = new PageWatch(browser);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  expect(await watch.finish()).toEqual([]);
});

describe("a new store's first hour", () => {
  it('the demo owner signs in with the code from the dev mail viewer, while the server runs', async () => {
    expect(server.output()).toContain(`open ${baseUrl}/dev/mail on this computer`);
    const owner = await demoOwner(server.dataDir);
    const page = await watch.open();
    await page.goto(`${baseUrl}/admin/login`);
    await field(page, '運営者ログインID').fill(owner.loginId);
    await field(page, 'パスワード').fill(owner.password);
    await page.getByRole('button', { name: '次へ' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '確認コードの入力' }).isVisible()).toBe(true);
    await shot(page, 'first-hour-admin-code.png');
    const viewer = await openViewer(page);
    const text = await newestMessage(viewer, '管理画面ログイン確認コード');
    await shot(viewer, 'first-hour-dev-mail.png');
    const code = /ログイン確認コード: (\d{6})/.exec(text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await viewer.close();
    await typeCode(page, '#operator-code-1', code!);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin');
  }, 240_000);

  it('a guest orders the trial and the server after registering from the checkout', async () => {
    // Registration and confirmation are guests' pages; the checkout asks a guest to sign in.
    watch.tolerated = [/status of 401/];
    const page = await watch.open({ width: 1280, height: 900 });

    // The cloud server's trial (card or agency) and the rental server (card, wallet or bank transfer).
    await page.goto(`${baseUrl}/products/cloud-server`);
    await page.getByRole('button', { name: '30日間無料で試す' }).click();
    await expect.poll(() => page.getByText('無料トライアルをカートに入れました').isVisible()).toBe(true);
    await page.goto(`${baseUrl}/products/rental-server-x10`);
    await page.getByRole('button', { name: 'カートに入れる' }).click();
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('2');
    await page.goto(`${baseUrl}/cart`);
    await expect.poll(() => page.getByTestId('cart-item').count()).toBe(2);
    await page.getByRole('button', { name: 'ご注文手続きへ進む' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/checkout');

    // 会員登録 from the sign-in page keeps where to come back to.
    await page.getByRole('main').getByRole('link', { name: '会員登録' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '会員登録' }).isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/checkout');
    await field(page, 'ログインID').fill(member.loginId);
    await field(page, 'パスワード').fill(member.password);
    await field(page, 'お名前').fill(member.name);
    await field(page, 'フリガナ').fill(member.nameKana);
    await field(page, 'メールアドレス').fill(member.email);
    await field(page, '郵便番号').fill('1000005');
    await expect.poll(() => field(page, '都道府県').inputValue()).toBe('東京都');
    await field(page, '町名・番地').fill('丸の内1-1-1');
    await field(page, '電話番号').fill('03-1234-5678');
    await page.getByLabel('利用規約に同意します').check();
    await page.getByLabel('プライバシーポリシーに同意します').check();
    await page.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => page.getByTestId('dev-mailbox-link').isVisible()).toBe(true);
    await shot(page, 'first-hour-registered.png');

    // The confirmation link, clicked in the viewer, opens the store in the viewer's tab.
    const viewer = await openViewer(page);
    await newestMessage(viewer, 'メールアドレスの確認', member.email);
    await viewer
      .locator('article.message')
      .filter({ hasText: 'メールアドレスの確認' })
      .first()
      .getByRole('link', { name: /\/register\/confirm\?token=/ })
      .click();
    await expect
      .poll(() => viewer.getByRole('heading', { name: 'メールアドレスを確認しました' }).isVisible())
      .toBe(true);
    await viewer.getByRole('link', { name: 'ログインへ進む' }).click();
    await expect.poll(() => new URL(viewer.url()).pathname).toBe('/login');
    expect(new URL(viewer.url()).searchParams.get('next')).toBe('/checkout');
    await field(viewer, 'ログインID').fill(member.loginId);
    await field(viewer, 'パスワード').fill(member.password);
    await viewer.getByRole('button', { name: '次へ' }).click();
    await expect.poll(() => viewer.locator('#sign-in-code-1').isVisible()).toBe(true);
    expect(await viewer.getByTestId('dev-mailbox-link').isVisible()).toBe(true);
    const mailbox = await viewer.context().newPage();
    await mailbox.goto(`${baseUrl}/dev/mail`);
    const codeMail = await newestMessage(mailbox, 'ログイン確認コード', member.email);
    const code = /コード: (\d{6})/.exec(codeMail)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await mailbox.close();
    await typeCode(viewer, '#sign-in-code-1', code!);

    // Back at the checkout, with the guest's cart; the trial needs no payment method and blocks nothing.
    await expect.poll(() => new URL(viewer.url()).pathname).toBe('/checkout');
    const checkout = viewer;
    await expect.poll(() => checkout.getByTestId('checkout-line').count()).toBe(2);
    expect(
      await checkout.getByText('無料トライアルのため、この商品にお支払い方法は使われません。').isVisible(),
    ).toBe(true);
    await checkout.getByLabel(/^ホスト名/).fill('web01.example.jp');
    await checkout.getByRole('textbox', { name: /^OSイメージ/ }).click();
    await checkout.getByRole('option', { name: 'Ubuntu 24.04 LTS' }).click();
    await checkout.getByLabel(/^ご利用予定のドメイン/).fill('sato.example.jp');
    await checkout.getByLabel(/^初期サーバーID/).fill('sato-web');
    expect(await checkout.getByRole('radio', { name: 'クレジットカード' }).isDisabled()).toBe(true);
    expect(await checkout.getByRole('radio', { name: '銀行振込' }).isChecked()).toBe(true);
    for (const box of await checkout.getByRole('checkbox').all()) await box.check();
    await shot(checkout, 'first-hour-checkout.png');
    await checkout.getByRole('button', { name: '確認画面へ進む' }).click();
    await expect.poll(() => checkout.getByRole('button', { name: '注文を実行する' }).isVisible()).toBe(true);
    expect(await checkout.getByText('お支払い方法: 銀行振込').isVisible()).toBe(true);
    await checkout.getByRole('button', { name: '注文を実行する' }).click();
    await expect.poll(() => checkout.getByTestId('order-number').isVisible()).toBe(true);
    expect((await checkout.getByTestId('order-number').textContent()) ?? '').toMatch(/K\d{4}-\d{6}/);
    await shot(checkout, 'first-hour-ordered.png');

    // My Page shares the store's header, cart included (now empty).
    await checkout.goto(`${baseUrl}/mypage`);
    await expect.poll(() => checkout.getByRole('link', { name: /^カート\s*0\s*点$/ }).isVisible()).toBe(true);
  }, 360_000);
});
