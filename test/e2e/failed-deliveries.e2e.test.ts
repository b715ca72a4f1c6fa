// Browser test of the console's failed deliveries: an SMS that Twilio refused on every try is listed with a masked number and sent again; axe on the page, in Japanese and English.
import { rm } from 'node:fs/promises';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import { startTwilioDouble, type TwilioDouble, twilioEnv } from '../helpers/twilio-double.js';
import {
  demoOwner,
  freshDataDir,
  launchBrowser,
  PageWatch,
  postJson,
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
let twilio: TwilioDouble;
let dataDir: string;
let server: RunningServer | undefined;
let browser: Browser;
let watch: PageWatch;

const member = { loginId: 'failed.sms', password: 'Kei-yaku2026!', email: 'failed.sms@example.jp' };

beforeAll(async () => {
  smtp = await startSmtpSink();
  twilio = await startTwilioDouble();
  dataDir = await freshDataDir();
  browser = await launchBrowser();
  watch = new PageWatch(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  await twilio?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

afterEach(async () => {
  expect(await watch.finish()).toEqual([]);
});

/** Waits for the page to settle, runs axe and returns its serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('failed deliveries in the console', () => {
  it('lists an SMS that failed for good with the number masked, and sends it again', async () => {
    server = await startServer(
      { SMTP_URL: smtp.url, ...twilioEnv(twilio, { from: '+15017122661' }) },
      { dataDir },
    );
    await registerAndConfirm(
      server.baseUrl,
      smtp,
      fullRegistration({ ...member, secondFactorChannel: 'sms', mobilePhone: '090-1234-5678' }),
    );
    // The SMS queue tries seven times (2, 4 … 64 s apart); Twilio answers 500 to each, so the code fails for good.
    twilio.failNext(500, 7);
    const signIn = await postJson(server.baseUrl, '/api/sessions', {
      loginId: member.loginId,
      password: member.password,
    });
    expect(signIn.status).toBe(202);
    await twilio.waitFor(7, 300_000);

    // axe is injected as an inline script, which the store's CSP would block.
    const page = await watch.open({ bypassCsp: true });
    await signInAsOperator(page, server.baseUrl, smtp, await demoOwner(dataDir));
    await page.goto(`${server.baseUrl}/admin/deliveries`);
    const row = page.getByRole('row').filter({ hasText: '••••5678' });
    await expect
      .poll(
        async () => {
          if (await row.isVisible()) return true;
          await page.reload();
          return false;
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(true);
    expect(await row.textContent()).toContain('SMS（本文は確認コードを含むことがあるため表示しません）');
    expect(await row.textContent()).toContain('7 回試行');
    expect(await page.getByText('090-1234-5678').count()).toBe(0);
    expect(await page.getByText('+819012345678').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'admin-failed-deliveries-ja.png', { fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Failed deliveries' }).isVisible())
      .toBe(true);
    expect(await row.textContent()).toContain('7 attempts');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'admin-failed-deliveries-en.png', { fullPage: true });

    await row.getByRole('button', { name: 'Send again (••••5678)' }).click();
    // Queued again, the SMS is no longer failed: the list is fetched afresh and it leaves it.
    await expect.poll(() => page.getByText('No failed deliveries').isVisible()).toBe(true);
    // The retry goes out under a new job and Twilio, no longer failing, accepts it.
    const requests = await twilio.waitFor(8, 120_000);
    expect(requests[7]!.form.To).toBe('+819012345678');
    expect(requests[7]!.answeredStatus).toBe(201);
    await page.reload();
    await expect.poll(() => page.getByText('No failed deliveries').isVisible()).toBe(true);
    expect(await row.count()).toBe(0);
  }, 600_000);
});
