// Browser test of the store home: a catalog search box and the recommended products with their images, in Japanese and English.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  fontsSettled,
  launchBrowser,
  PageWatch,
  type RunningServer,
  screenshotDir,
  startServer,
} from './support';

let server: RunningServer;
let browser: Browser;
let watch: PageWatch;

beforeAll(async () => {
  server = await startServer();
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

describe('the store home', () => {
  it('shows the recommended products with their images and searches the catalog', async () => {
    const page = await watch.open({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.getByRole('heading', { name: 'おすすめの商品' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'すべての商品（4件）を見る' }).isVisible()).toBe(true);
    for (const name of [
      'けいやくクラウド 仮想サーバー',
      'けいやくレンタルサーバー X10',
      'ミライ グループウェア',
      'ミライ会計 Desktop 基本使用サービス',
    ]) {
      expect(await page.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    }
    // Every card image is served by the store and decoded (a broken or CSP-blocked image has no width).
    const images = page.locator('img[src^="/images/products/"]');
    await expect.poll(() => images.count()).toBe(4);
    await expect
      .poll(() => images.evaluateAll((all) => all.every((img) => (img as HTMLImageElement).naturalWidth > 0)))
      .toBe(true);
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'store-home-products.png'), fullPage: true });

    await page.getByLabel('商品を探す').fill('会計');
    await page.getByRole('button', { name: '検索' }).click();
    await expect.poll(() => page.getByText('1件の商品').isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe('会計');

    await page.getByRole('link', { name: 'ミライ会計 Desktop 基本使用サービス', exact: true }).click();
    const hero = page.getByRole('img', { name: '会計ソフトのグラフ画面のイメージ' });
    await expect
      .poll(() => hero.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
  });

  it('reads in English', async () => {
    const page = await watch.open({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Recommended products' }).isVisible())
      .toBe(true);
    expect(await page.getByRole('link', { name: 'See all 4 products' }).isVisible()).toBe(true);
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'store-home-products-en.png'), fullPage: true });
  });
});
