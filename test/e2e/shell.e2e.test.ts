// Browser test of the web app shell against the real server: the three areas, both languages, no CSP errors.
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StoreProfile } from '../../web/src/api/store';
import {
  fontsSettled,
  launchBrowser,
  PageWatch,
  type RunningServer,
  screenshotDir,
  shot,
  startServer,
} from './support';

let server: RunningServer;
let baseUrl: string;
let browser: Browser;
let watch: PageWatch;
let store: StoreProfile;

beforeAll(async () => {
  server = await startServer();
  baseUrl = server.baseUrl;
  const response = await fetch(`${baseUrl}/api/store`);
  expect(response.status).toBe(200);
  store = (await response.json()) as StoreProfile;
  browser = await launchBrowser();
  watch = new PageWatch(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const openPage = (options: { width?: number; height?: number } = {}) => watch.open(options);

/** Where an element sits across the viewport's left edge: a collapsed navbar slides out, it is not hidden. */
async function placement(locator: Locator): Promise<'inside' | 'outside' | 'sliding'> {
  const box = await locator.boundingBox();
  if (box === null || box.x + box.width <= 0) return 'outside';
  return box.x >= 0 ? 'inside' : 'sliding';
}

afterEach(async () => {
  expect(await watch.finish()).toEqual([]);
});

describe('web app shell', () => {
  it('serves the app under a Content-Security-Policy', async () => {
    const response = await fetch(`${baseUrl}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    // Without a policy the "no CSP violation" checks below would pass for the wrong reason.
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('shows the store home in Japanese with the name and contact from the API', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: store.name }).isVisible()).toBe(true);
    expect(await page.getByText(store.email).first().isVisible()).toBe(true);
    expect(await page.getByText(`© ${store.name}`).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '商品一覧' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await fontsSettled(page)).toContain('Noto Sans JP');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Noto Sans JP/);
    await page.screenshot({ path: join(screenshotDir, 'store.png'), fullPage: true });

    await page.getByRole('link', { name: '商品一覧' }).click();
    // The first embedded start puts the demo catalog in place.
    await expect.poll(() => page.getByText('4件の商品').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'けいやくレンタルサーバー X10' }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/products');
  });

  it('shows My Page with its sections and the sign-in notice', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/mypage`);
    await expect
      .poll(() => page.getByText('ログインするとご契約・ご注文・ご請求を確認できます').isVisible())
      .toBe(true);
    for (const section of ['ご契約', 'ご注文', 'ご請求', '会員情報']) {
      expect(await page.getByRole('link', { name: section, exact: true }).isVisible()).toBe(true);
    }
    await expect.poll(() => page.getByText(store.email).isVisible()).toBe(true);
    await shot(page, 'mypage.png', { fullPage: true });

    await page.getByRole('link', { name: 'ご請求', exact: true }).click();
    await expect
      .poll(() => page.getByText('ご請求の内容は、ログイン後にここに表示されます').isVisible())
      .toBe(true);
  });

  it('shows the admin console asking for an operator sign-in', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/admin`);
    await expect.poll(() => page.getByText('運営者としてサインインしてください').isVisible()).toBe(true);
    expect(await page.getByText('運営者アカウントが必要です', { exact: false }).isVisible()).toBe(true);
    for (const section of ['ダッシュボード', 'メールボックス', '店舗設定', 'セキュリティ']) {
      expect(await page.getByRole('link', { name: section, exact: true }).isVisible()).toBe(true);
    }
    await shot(page, 'admin.png', { fullPage: true });

    await page.getByRole('link', { name: 'メールボックス', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'メールボックス' }).isVisible())
      .toBe(true);
    expect(await page.getByText('運営者としてサインインしてください').isVisible()).toBe(true);
  });

  it('switches to English, keeps it on the next page loads, and switches back', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: store.name }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'Products', exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('Contact', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '日本語' }).isVisible()).toBe(true);
    await shot(page, 'store-en.png', { fullPage: true });

    await page.goto(`${baseUrl}/mypage`);
    await expect
      .poll(() => page.getByText('Sign in to see your contracts, orders and invoices').isVisible())
      .toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.goto(`${baseUrl}/admin`);
    await expect.poll(() => page.getByText('Please sign in as an operator').isVisible()).toBe(true);

    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => page.getByText('運営者としてサインインしてください').isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
  });

  it('explains a failed store request in the current language and recovers on retry', async () => {
    // The browser logs each refused request; those are the failure this test asks for.
    watch.tolerated = [/status of 503/];
    const page = await openPage();
    await page.route('**/api/store', (route) => route.fulfill({ status: 503, body: '' }));
    await page.goto(`${baseUrl}/`);
    await expect.poll(() => page.getByText('ストア情報を読み込めませんでした').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByText('Store information could not be loaded').isVisible()).toBe(true);
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'store-error-en.png') });

    await page.unroute('**/api/store');
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: store.name }).isVisible()).toBe(true);
  });

  it('shows a 404 page inside the layout for an unknown client route', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/mypage/no-such-page`);
    await expect.poll(() => page.getByText('ページが見つかりません').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'トップへ戻る' }).click();
    await expect
      .poll(() => page.getByText('ログインするとご契約・ご注文・ご請求を確認できます').isVisible())
      .toBe(true);
  });

  it('opens and closes the navigation on a phone-sized screen', async () => {
    const page = await openPage({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/mypage`);
    const contracts = page.getByRole('link', { name: 'ご契約', exact: true });
    await expect
      .poll(() => page.getByText('ログインするとご契約・ご注文・ご請求を確認できます').isVisible())
      .toBe(true);
    expect(await placement(contracts)).toBe('outside');

    await page.getByRole('button', { name: 'メニューを開く' }).click();
    await expect.poll(() => placement(contracts)).toBe('inside');
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'mypage-phone-menu.png') });

    await contracts.click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'ご契約' }).isVisible()).toBe(true);
    await expect.poll(() => placement(contracts)).toBe('outside');
  });
});
