// Browser test of the printable estimate: the simulator's choice opens as a printable page that says it is a simulation, and its PDF downloads with the same yen.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

describe('the printable estimate', () => {
  it('opens the rental server for 12 months with EV SSL as a printable page and a PDF', async () => {
    const page = await watch.open({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/products/rental-server-x10`);
    await expect.poll(() => page.getByRole('heading', { name: '料金シミュレーター' }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: '契約期間' }).click();
    await page.getByRole('option', { name: '12ヶ月' }).click();
    await page.getByLabel(/独自SSL（EV SSL）/).check();
    // 13,200 + 78,000 = 91,200 per 12 months; 10 % tax 9,120; with the setup fees 8,000 + 800 → 109,120 first
    await expect.poll(() => page.getByText('¥91,200 / 消費税 ¥9,120').isVisible()).toBe(true);

    await page.getByRole('link', { name: '印刷用の見積もりを開く' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'お見積もり（料金シミュレーション）' }).isVisible())
      .toBe(true);
    const address = new URL(page.url());
    expect(address.pathname).toBe('/products/rental-server-x10/estimate');
    expect(address.searchParams.get('term')).toBe('12m');
    expect(address.searchParams.get('options')).toBe('ssl-ev:1');
    await expect.poll(() => page.getByText('¥91,200 / 消費税 ¥9,120').isVisible()).toBe(true);
    expect(await page.getByText('¥109,120').isVisible()).toBe(true);
    expect(await page.getByRole('note').textContent()).toContain('正式な見積書ではありません');
    expect(await page.getByText('けいやくレンタルサーバー X10').first().isVisible()).toBe(true);
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'estimate-print.png'), fullPage: true });

    // The same address reloads to the same estimate: it can be bookmarked or sent on.
    await page.reload();
    await expect.poll(() => page.getByText('¥109,120').isVisible()).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PDF をダウンロード' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('estimate-rental-server-x10.pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'keiyaku-estimate-')), 'estimate.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('けいやくレンタルサーバー X10');
    expect(text).toContain('109,120');
    expect(text).toContain('正式な見積書ではありません');
  });

  it('answers a tampered address with the engine’s message, in English', async () => {
    const page = await watch.open();
    watch.tolerated.push(/422/);
    await page.goto(`${server.baseUrl}/products/rental-server-x10/estimate?plan=x10&term=7m`);
    await expect.poll(() => page.getByText('この組み合わせではお見積りできません').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByText('This combination cannot be estimated').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Download PDF' }).isDisabled()).toBe(true);
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'estimate-print-invalid-en.png'), fullPage: true });
  });
});
