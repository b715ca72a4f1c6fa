// Browser test of inquiries against the real server: a guest sends the form and gets the receipt mail; an operator opens it in the inbox, notes, takes and answers it; the reply mail arrives.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  demoOwner,
  field,
  launchBrowser,
  mailTo,
  PageWatch,
  postJson,
  type RunningServer,
  shot,
  signInAsOperator,
  startServer,
} from './support';

let smtp: SmtpSink;
let server: RunningServer;
let browser: Browser;
let watch: PageWatch;

beforeAll(async () => {
  smtp = await startSmtpSink();
  [server, browser] = await Promise.all([startServer({ SMTP_URL: smtp.url }), launchBrowser()]);
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

describe('an inquiry from a guest to an operator and back', () => {
  it('is received with a number, answered in the inbox, and the reply is mailed', async () => {
    const baseUrl = server.baseUrl;
    const page = await watch.open();

    // The guest arrives from a page that preselects the category.
    const tokenIssued = page
      .waitForResponse((response) => response.url().endsWith('/api/inquiries/form-token'))
      .then(() => Date.now());
    await page.goto(`${baseUrl}/inquiry?category=withdrawal`);
    await expect.poll(() => field(page, 'お問い合わせの種類').inputValue()).toBe('withdrawal');
    await field(page, '件名').fill('退会の手続きについて');
    await field(page, 'お問い合わせ内容').fill('退会を希望します。手続きを教えてください。');
    await field(page, 'お名前').fill('佐藤 一郎');
    // A missing address is caught beside its field before anything is sent.
    await page.getByRole('button', { name: '送信する' }).click();
    await expect.poll(() => page.getByText('入力してください。').isVisible()).toBe(true);
    await field(page, 'メールアドレス').fill('ichiro@example.jp');
    await shot(page, 'inquiry-form.png');
    // The server refuses a form sent within 3 seconds of its token, as a bot would send it.
    const issuedAt = await tokenIssued;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3_500 - (Date.now() - issuedAt))));
    await page.getByRole('button', { name: '送信する' }).click();

    await expect.poll(() => new URL(page.url()).pathname).toBe('/inquiry/received');
    const number = await page.locator('[data-inquiry-number]').innerText();
    expect(number).toMatch(/^Q\d{4}-\d{6}$/);
    expect(await page.getByText('ichiro@example.jp にお送りしました').isVisible()).toBe(true);
    await shot(page, 'inquiry-received.png');

    const receipt = await mailTo(smtp, '', `お問い合わせを受け付けました（${number}）`);
    expect(receipt.to).toContain('ichiro@example.jp');
    expect(receipt.text).toContain('退会を希望します。');

    // The operator signs in and finds it in the inbox.
    await signInAsOperator(page, baseUrl, smtp, await demoOwner(server.dataDir));

    await page.getByRole('navigation').getByRole('link', { name: 'お問い合わせ' }).click();
    const row = page.locator(`tr[data-inquiry="${number}"]`);
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.innerText()).toContain('新規');
    expect(await row.innerText()).toContain('未割り当て');
    await shot(page, 'admin-inquiries.png');
    await row.getByRole('link', { name: number }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: '退会の手続きについて' }).isVisible())
      .toBe(true);

    // Only the steps the state machine allows from "new" are offered.
    const next = await page
      .locator('[data-next-status]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-next-status')));
    expect(next).toEqual(['in_progress', 'closed']);

    await field(page, '社内メモ（お客様には表示されません）').fill('退会の条件を確認済み');
    await page.getByRole('button', { name: 'メモを追加する' }).click();
    await expect.poll(() => page.locator('[data-direction="internal_note"]').count()).toBe(1);
    await page.getByRole('button', { name: '自分が担当する' }).click();
    await expect.poll(() => page.locator('tr[data-field="assignee"]').innerText()).toContain('デモオーナー');

    await field(page, '回答（メールで送信され、会員にはマイページにも表示されます）').fill(
      '退会のご依頼を承りました。手続きが済みましたらご連絡します。',
    );
    await page.getByRole('button', { name: '回答を送信する' }).click();
    await expect.poll(() => page.locator('[data-direction="to_customer"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-status]').first().innerText()).toBe('回答済み');
    await shot(page, 'admin-inquiry.png');

    const reply = await mailTo(smtp, '', `お問い合わせへのご回答（${number}）`);
    expect(reply.to).toContain('ichiro@example.jp');
    expect(reply.text).toContain('退会のご依頼を承りました。');
    expect(reply.text).not.toContain('退会の条件を確認済み');
  });
});

describe('pages that send a member to the inquiry form', () => {
  it('open it with the matching category preselected', async () => {
    const baseUrl = server.baseUrl;
    // Locks lie on the login ID whether or not anybody holds it, so a fresh ID is locked through the API.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await postJson(baseUrl, '/api/sessions', { loginId: 'locked.for.form', password: 'Wrong-Pass2026!' });
    }
    watch.tolerated = [/status of 423/];
    const page = await watch.open();
    await page.goto(`${baseUrl}/login`);
    await field(page, 'ログインID').fill('locked.for.form');
    await page.getByRole('textbox', { name: 'パスワード' }).fill('Wrong-Pass2026!');
    await page.getByRole('button', { name: '次へ' }).click();
    const notice = page.locator('[data-problem="login_locked"]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    await notice.getByRole('link', { name: 'お問い合わせフォームへ' }).click();
    await expect
      .poll(() => `${new URL(page.url()).pathname}${new URL(page.url()).search}`)
      .toBe('/inquiry?category=unlock');
    await expect.poll(() => field(page, 'お問い合わせの種類').inputValue()).toBe('unlock');

    await page.goto(`${baseUrl}/login-id-reminder`);
    await page.getByRole('main').getByRole('link', { name: 'お問い合わせフォームへ' }).click();
    await expect.poll(() => field(page, 'お問い合わせの種類').inputValue()).toBe('login_id');
  });
});
