// Browser test of the catalog on the demo store of a first start: search and filter, open a product, simulate an estimate, read a document, in Japanese and English.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PageWatch, type RunningServer, shot, startServer } from './support';

let server: RunningServer;
let baseUrl: string;
let browser: Browser;
let watch: PageWatch;

beforeAll(async () => {
  server = await startServer();
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  watch = new PageWatch(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  expect(await watch.finish()).toEqual([]);
});

describe('the catalog in the browser', () => {
  it('searches, filters, and simulates the rental server for 12 months with EV SSL and two devices', async () => {
    const page = await watch.open({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/products`);
    await expect.poll(() => page.getByText('4件の商品').isVisible()).toBe(true);
    await page.getByLabel('キーワード').fill('ＳＳＬ');
    await page.getByRole('button', { name: '検索' }).click();
    await expect.poll(() => page.getByText('1件の商品').isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe('ＳＳＬ');
    await page.getByRole('link', { name: 'けいやくレンタルサーバー X10' }).click();

    await expect.poll(() => page.getByRole('heading', { name: '料金シミュレーター' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '¥39,996' }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: '契約期間' }).click();
    await page.getByRole('option', { name: '12ヶ月' }).click();
    await page.getByLabel(/独自SSL（EV SSL）/).check();
    await page.getByLabel(/デバイスセキュリティ/).check();
    await page.getByLabel('デバイスセキュリティの数量').fill('2');
    // 13,200 + 78,000 + 3,600 × 2 = 98,400 per 12 months; 10 % tax 9,840; with the setup fees 8,000 + 800
    await expect.poll(() => page.getByText('¥98,400 / 消費税 ¥9,840').isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '¥108,240' }).isVisible()).toBe(true);
    expect(await page.getByText('¥117,040').isVisible()).toBe(true);
    expect(await page.getByText('正式な見積書ではありません', { exact: false }).isVisible()).toBe(true);
    await shot(page, 'catalog-simulator.png', { fullPage: true });

    await page.getByRole('link', { name: '独自SSL 利用規約' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '独自SSL 利用規約' }).isVisible()).toBe(true);
  });

  it('shows the cloud usage estimate and the download edition in English', async () => {
    const page = await watch.open({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/products/cloud-server`);
    await expect.poll(() => page.getByRole('heading', { name: '料金シミュレーター' }).isVisible()).toBe(true);
    await page.getByLabel(/データ転送量（送信）の想定利用量/).fill('1250');
    // 4,800 + (1,250 − 100) × 11 = 17,450; tax 1,745
    await expect.poll(() => page.getByText('¥17,450 / 消費税 ¥1,745').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${baseUrl}/products/mirai-accounting-desktop`);
    await expect.poll(() => page.getByRole('heading', { name: 'Price simulator' }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Plan' }).click();
    await page.getByRole('option', { name: 'Download edition' }).click();
    await expect.poll(() => page.getByText('¥30,000 / Tax ¥3,000').isVisible()).toBe(true);
    expect(await page.getByText('Payroll link option (included)').isVisible()).toBe(true);
    await shot(page, 'catalog-download-en.png', { fullPage: true });
  });

  it('names every plan, term and option of every demo product in English, in the price table and the simulator', async () => {
    const page = await watch.open({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/products`);
    await page.getByRole('button', { name: 'English' }).click();
    const japanese = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/;
    for (const slug of ['rental-server-x10', 'cloud-server', 'mirai-accounting-desktop', 'mirai-groupware']) {
      await page.goto(`${baseUrl}/products/${slug}`);
      await expect.poll(() => page.getByRole('heading', { name: 'Price simulator' }).isVisible()).toBe(true);
      // The page's own content, without the store's name in the header and footer (a store setting).
      const texts = await page
        .locator('main')
        .evaluate((main) => [
          ...(main as HTMLElement).innerText.split('\n'),
          ...[...main.querySelectorAll('input:not([type=hidden])')].map(
            (input) => (input as HTMLInputElement).value,
          ),
          ...[...main.querySelectorAll('[role=option]')].map((option) => option.textContent ?? ''),
        ]);
      expect(texts.filter((text) => japanese.test(text))).toEqual([]);
      await shot(page, `catalog-${slug}-en.png`, { fullPage: true });
    }
  });
});
