// Browser test of registration review and withdrawal against the real server and a real SMTP peer: the owner turns on manual review, approves one registration and rejects another, and the approved member withdraws on My Page.

import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  confirmationLink,
  demoOwner,
  field,
  freshDataDir,
  launchBrowser,
  mailTo,
  PageWatch,
  postJson,
  type RunningServer,
  shot,
  signInAsOperator,
  signInCode,
  startServer,
} from './support';

let smtp: SmtpSink;
let dataDir: string;
let server: RunningServer;
let baseUrl: string;
let browser: Browser;
let watch: PageWatch;

const password = 'Kei-yaku2026!';
const alpha = { loginId: 'review.alpha', email: 'alpha@example.jp', name: '審査 一郎' };
const bravo = { loginId: 'review.bravo', email: 'bravo@example.jp', name: '審査 二郎' };

beforeAll(async () => {
  smtp = await startSmtpSink();
  dataDir = await freshDataDir();
  server = await startServer({ SMTP_URL: smtp.url }, { dataDir });
  baseUrl = server.baseUrl;
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

async function register(member: typeof alpha): Promise<{ memberId: string; link: string }> {
  const res = await postJson(
    baseUrl,
    '/api/members',
    fullRegistration({ loginId: member.loginId, email: member.email, name: member.name, password }),
  );
  expect(res.status).toBe(201);
  const { memberId } = (await res.json()) as { memberId: string };
  const link = confirmationLink(await mailTo(smtp, member.email, 'メールアドレスの確認', 1));
  return { memberId, link };
}

describe('registration review and withdrawal in the browser', () => {
  it('turns on manual review, approves and rejects in the queue, and lets the approved member withdraw', async () => {
    // Refusals asked for below: the pending member's sign-in (403).
    watch.tolerated = [/status of 403/];
    const page = await watch.open();

    // The owner signs in and switches registration review to manual.
    await signInAsOperator(page, baseUrl, smtp, await demoOwner(dataDir));
    await expect
      .poll(() => page.getByRole('main').getByRole('link', { name: '登録審査' }).isVisible())
      .toBe(true);

    await page.goto(`${baseUrl}/admin/settings`);
    await expect.poll(() => page.getByRole('heading', { name: '会員登録と退会' }).isVisible()).toBe(true);
    await page.getByLabel(/^登録審査/).selectOption('manual');
    const lifecycle = page
      .locator('form')
      .filter({ has: page.getByRole('heading', { name: '会員登録と退会' }) });
    await lifecycle.getByRole('button', { name: '登録・退会の設定を保存' }).click();
    await expect.poll(() => lifecycle.getByText('店舗設定を保存しました。').isVisible()).toBe(true);
    await shot(page, 'admin-settings-lifecycle.png');

    // Two people register; confirming tells them the registration is being reviewed.
    const a = await register(alpha);
    const b = await register(bravo);
    await page.goto(a.link);
    await expect.poll(() => page.getByText('会員登録の審査中です', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText('土・日・祝日・当社指定の休業日を除く', { exact: false }).isVisible()).toBe(
      true,
    );
    await shot(page, 'register-confirm-review.png');
    await page.goto(b.link);
    await expect.poll(() => page.getByText('会員登録の審査中です', { exact: false }).isVisible()).toBe(true);

    // Signing in before approval is refused with the seed's wording.
    await page.goto(`${baseUrl}/login`);
    await field(page, 'ログインID').fill(alpha.loginId);
    await field(page, 'パスワード').fill(password);
    await page.getByRole('button', { name: '次へ' }).click();
    await expect
      .poll(() => page.getByText('登録完了には少々お時間をいただきます', { exact: false }).isVisible())
      .toBe(true);
    await shot(page, 'login-pending-review.png');

    // The queue: approve alpha, reject bravo with a reason.
    await page.goto(`${baseUrl}/admin/registrations`);
    const rowA = page.locator(`tr[data-member="${a.memberId}"]`);
    const rowB = page.locator(`tr[data-member="${b.memberId}"]`);
    await expect.poll(() => rowA.isVisible()).toBe(true);
    expect(await rowB.isVisible()).toBe(true);
    await shot(page, 'admin-registrations.png');
    await rowA.getByRole('button', { name: '承認する' }).click();
    await expect.poll(() => rowA.count()).toBe(0);
    expect((await mailTo(smtp, alpha.email, '会員登録完了のお知らせ', 1)).text).toContain(
      `ログインID ${alpha.loginId}`,
    );

    await rowB.getByRole('button', { name: '登録不可にする' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^理由/).fill('ご登録の住所を確認できませんでした。');
    await shot(page, 'admin-registrations-reject.png');
    await dialog.getByRole('button', { name: '登録不可にする' }).click();
    await expect.poll(() => rowB.count()).toBe(0);
    expect((await mailTo(smtp, bravo.email, '会員登録についてのお知らせ', 1)).text).toContain(
      'ご登録の住所を確認できませんでした。',
    );
    await page.getByText('登録不可にしたもの').click();
    await expect.poll(() => page.getByText('ご登録の住所を確認できませんでした。').isVisible()).toBe(true);
    await shot(page, 'admin-registrations-rejected.png');

    // The operator's withdraw action for alpha shows nothing blocking; the operator does not go ahead.
    await page.goto(`${baseUrl}/admin/members/${a.memberId}/withdraw`);
    await page.getByRole('button', { name: '退会させる' }).click();
    await expect
      .poll(() =>
        page.getByRole('dialog').getByText('個人情報は365日後に匿名化されます', { exact: false }).isVisible(),
      )
      .toBe(true);
    await page.getByRole('dialog').getByLabel(/^理由/).fill('お問い合わせ Q2026-000001 による退会のご依頼');
    await shot(page, 'admin-member-withdraw.png');
    await page.getByRole('dialog').getByRole('button', { name: 'キャンセル' }).click();

    // Alpha signs in and withdraws on My Page.
    await page.goto(`${baseUrl}/login`);
    await field(page, 'ログインID').fill(alpha.loginId);
    await field(page, 'パスワード').fill(password);
    await page.getByRole('button', { name: '次へ' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '確認コードの入力' }).isVisible()).toBe(true);
    await page.locator('#sign-in-code-1').click();
    await page.keyboard.type(signInCode(await mailTo(smtp, alpha.email, 'ログイン確認コード', 1)));
    await expect.poll(() => new URL(page.url()).pathname).toBe('/mypage');
    await page.getByRole('link', { name: '退会' }).first().click();
    await expect.poll(() => page.getByRole('heading', { name: '退会の手続き' }).isVisible()).toBe(true);
    await field(page, '現在のパスワード').fill(password);
    await page.getByLabel('上記を確認し、退会します').check();
    await shot(page, 'mypage-withdraw.png');
    await page.getByRole('button', { name: '退会する' }).click();
    await expect.poll(() => page.getByText('退会手続きが完了しました').isVisible()).toBe(true);
    await shot(page, 'mypage-withdraw-done.png');
    expect((await mailTo(smtp, alpha.email, '退会手続き完了のお知らせ', 1)).text).toContain(
      `ログインID: ${alpha.loginId}`,
    );

    // The same page in English, signed out.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Withdraw' }).isVisible()).toBe(true);
    await shot(page, 'mypage-withdraw-done-en.png');
  });
});
