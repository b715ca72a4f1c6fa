// Browser test of the console's billing calendar: the demo owner opens it, reads seed 003's dates for April 2026 and sees the page in Japanese and English.
import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  demoOwner,
  field,
  freshDataDir,
  launchBrowser,
  PageWatch,
  type RunningServer,
  shot,
  signInAsOperator,
  startServer,
} from './support';

let smtp: SmtpSink;
let dataDir: string;
let server: RunningServer | undefined;
let browser: Browser;
let watch: PageWatch;

beforeAll(async () => {
  smtp = await startSmtpSink();
  dataDir = await freshDataDir();
  browser = await launchBrowser();
  watch = new PageWatch(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

afterEach(async () => {
  expect(await watch.finish()).toEqual([]);
});

describe('the billing calendar in the console', () => {
  it("shows the default profile's twelve months with labels, in Japanese and English", async () => {
    server = await startServer({ SMTP_URL: smtp.url }, { dataDir });
    const page = await watch.open();
    await signInAsOperator(page, server.baseUrl, smtp, await demoOwner(dataDir));
    await page.getByRole('link', { name: '請求カレンダー' }).first().click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: '請求カレンダー' }).isVisible())
      .toBe(true);
    await field(page, '表示開始月').fill('2026-04');
    const april = page.getByRole('row').filter({ hasText: '2026-04' });
    // Seed 003: closed on 1 April, on My Page on the 10th, invoice sent Monday 27 April, debit Thursday 7 May.
    await expect.poll(() => april.textContent()).toContain('2026/05/07(木)');
    expect(await april.textContent()).toContain('2026/04/27(月)');
    expect(await page.getByRole('combobox', { name: '締め日' }).inputValue()).toBe('start_of_month');
    await shot(page, 'billing-calendar-ja.png', { fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Billing calendar' }).isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: '2026-04' }).textContent())
      .toContain('Thu, 07/05/2026');
    await shot(page, 'billing-calendar-en.png', { fullPage: true });
  }, 180_000);
});
