// Browser test of the rehearsal store clock: with KEIYAKU_TEST_CLOCK=1 the console shows the store time on every page and the owner moves it forward in the settings.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  demoOwner,
  field,
  launchBrowser,
  PageWatch,
  type RunningServer,
  shot,
  signInAsOperator,
  startServer,
} from './support';

let smtp: SmtpSink;
let server: RunningServer | undefined;
let browser: Browser;
let watch: PageWatch;

beforeAll(async () => {
  smtp = await startSmtpSink();
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

describe('the store clock of a rehearsal', () => {
  it('is announced at start and on every console page, and the owner moves it forward in the settings', async () => {
    server = await startServer({ SMTP_URL: smtp.url, KEIYAKU_TEST_CLOCK: '1' });
    expect(server.output()).toContain('!!! TEST CLOCK ON (KEIYAKU_TEST_CLOCK=1)');
    const page = await watch.open();
    await signInAsOperator(page, server.baseUrl, smtp, await demoOwner(server.dataDir));

    // The banner on the dashboard, before any move: the store runs on system time.
    const banner = page.getByRole('status').filter({ hasText: '予行演習用のストア時計で動いています' });
    await expect.poll(() => banner.isVisible()).toBe(true);

    await page.goto(`${server.baseUrl}/admin/settings`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'ストア時計（予行演習）' }).isVisible())
      .toBe(true);
    await field(page, '進める先の日時（日本時間）').fill('2031-04-01T09:00');
    await page.getByRole('button', { name: '時計を進める' }).click();
    await expect
      .poll(() => page.getByText('ストアの時刻を 2031-04-01 09:00（日本時間）に進めました。').isVisible())
      .toBe(true);
    expect(await page.getByText('退会・却下した会員の個人情報の匿名化: 0件').isVisible()).toBe(true);
    // Every console query is refetched after a move, the banner with them.
    await expect
      .poll(() => page.getByTestId('test-clock-now').innerText())
      .toMatch(/^ストアの現在時刻: 2031-04-01 09:0\d（日本時間）/);
    await shot(page, 'admin-test-clock-ja.png');

    // Never backwards: the server's refusal is shown as it says it.
    watch.tolerated = [/status of 409/];
    await field(page, '進める先の日時（日本時間）').fill('2031-03-31T09:00');
    await page.getByRole('button', { name: '時計を進める' }).click();
    await expect
      .poll(() => page.getByText('ストアの時計は進めることしかできません', { exact: false }).isVisible())
      .toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Store clock (rehearsal)' }).isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByTestId('test-clock-now').innerText())
      .toMatch(/^Store time: 2031-04-01 09:0\d \(JST\)/);
    await shot(page, 'admin-test-clock-en.png');

    // Another console page carries the banner too.
    await page.goto(`${server.baseUrl}/admin/orders`);
    await expect
      .poll(() => page.getByText('This store runs on the rehearsal clock (KEIYAKU_TEST_CLOCK=1)').isVisible())
      .toBe(true);
  });
});
