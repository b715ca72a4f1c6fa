// Browser test of account recovery against the real server and a real SMTP peer: forgotten password and login ID, a locked ID, backup codes.

import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  field,
  launchBrowser,
  mailTo,
  PageWatch,
  postJson,
  type RunningServer,
  registerAndConfirm,
  shot,
  signInCode,
  startServer,
} from './support';

let smtp: SmtpSink;
let server: RunningServer;
let baseUrl: string;
let browser: Browser;
let watch: PageWatch;

const member = {
  loginId: 'taro.recovery',
  password: 'Kei-yaku2026!',
  name: '佐藤 太郎',
  nameKana: 'サトウ タロウ',
  email: 'taro@example.jp',
};
const newPassword = 'Atarashii-Pass2026#';

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  watch = new PageWatch(browser);

  // The member this file recovers, registered and confirmed through the API: signing up has its own test.
  await registerAndConfirm(baseUrl, smtp, fullRegistration(member));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

afterEach(async () => {
  expect(await watch.finish()).toEqual([]);
});

let codeMails = 0;

/** The password step of /login; returns once the code step is showing. */
async function passwordStep(page: Page, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await field(page, 'ログインID').fill(member.loginId);
  await field(page, 'パスワード').fill(password);
  await page.getByRole('button', { name: '次へ' }).click();
  await expect.poll(() => page.getByRole('heading', { name: '確認コードの入力' }).isVisible()).toBe(true);
  codeMails += 1;
}

async function signIn(page: Page, password: string): Promise<void> {
  await passwordStep(page, password);
  const code = signInCode(await mailTo(smtp, member.email, 'ログイン確認コード', codeMails));
  await page.locator('#sign-in-code-1').click();
  await page.keyboard.type(code);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/mypage');
  await expect.poll(() => page.getByText(`${member.name} 様、ようこそ。`).isVisible()).toBe(true);
}

/** The backup codes as the security page lists them. */
const listedCodes = (page: Page) =>
  page.locator('[data-used]').evaluateAll((items) =>
    items.map((item) => ({
      code: (item.querySelector('s') ?? item).childNodes[0]?.textContent ?? '',
      used: item.getAttribute('data-used') === 'true',
    })),
  );

describe('a member who forgot their password', () => {
  it('asks for the two mails, sets a new password with the link and the temporary password, and signs in with it', async () => {
    // Refusals this journey asks for: a wrong temporary password (410) and a weak new password (422).
    watch.tolerated = [/status of 410/, /status of 422/];
    const page = await watch.open();
    await page.goto(`${baseUrl}/login`);
    // The page's code arrives as its own chunk: wait for it rather than look once.
    await expect
      .poll(() => page.getByRole('link', { name: 'ログインIDをお忘れの方' }).isVisible())
      .toBe(true);
    await shot(page, 'login-with-recovery-links.png', { fullPage: true });
    await page.getByRole('link', { name: 'パスワードをお忘れの方' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'パスワードの再設定' }).isVisible())
      .toBe(true);
    await field(page, 'ログインID').fill(member.loginId);
    await page.getByRole('button', { name: 'メールを送信する' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'メールを送信しました' }).isVisible())
      .toBe(true);
    const sentText = await page.getByText('2通のメールをお送りしました', { exact: false }).innerText();
    await shot(page, 'password-reset-sent.png', { fullPage: true });

    // An unknown login ID gets word for word the same page, and no mail.
    await page.goto(`${baseUrl}/password-reset`);
    await field(page, 'ログインID').fill('nobody.here');
    await page.getByRole('button', { name: 'メールを送信する' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'メールを送信しました' }).isVisible())
      .toBe(true);
    expect(await page.getByText('2通のメールをお送りしました', { exact: false }).innerText()).toBe(sentText);

    const linkMail = await mailTo(smtp, member.email, '再設定用リンク', 1);
    const temporaryMail = await mailTo(smtp, member.email, '仮パスワード', 1);
    const link = /https?:\/\/\S+\/password-reset\?token=[A-Za-z0-9_%-]+/.exec(linkMail.text)?.[0];
    const temporary = /(?:仮パスワード|is): ([A-Za-z0-9-]{19})/.exec(temporaryMail.text)?.[1];
    if (!link || !temporary) throw new Error(`no link or temporary password in the mails`);
    expect(linkMail.text).not.toContain(temporary);

    await page.goto(link);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: '新しいパスワードの設定' }).isVisible())
      .toBe(true);
    // The password rules are shown as on the registration form.
    expect(await page.locator('[data-rule]').count()).toBe(8);
    // A password the policy refuses is answered next to the field before anything is sent.
    await field(page, '仮パスワード').fill('AAAA-BBBB-CCCC-DDDD');
    await field(page, '新しいパスワード').fill('short1A!');
    await page.getByRole('button', { name: 'パスワードを再設定する' }).click();
    await expect.poll(() => page.getByText('パスワードは10文字以上にしてください。').isVisible()).toBe(true);

    await field(page, '仮パスワード').fill('AAAA-BBBB-CCCC-DDDD');
    await field(page, '新しいパスワード').fill(newPassword);
    await page.getByRole('button', { name: 'パスワードを再設定する' }).click();
    await expect
      .poll(() => page.getByText('リンクまたは仮パスワードが正しくないか', { exact: false }).isVisible())
      .toBe(true);
    expect(await page.getByRole('link', { name: '再設定をもう一度申し込む' }).isVisible()).toBe(true);
    await shot(page, 'password-reset-wrong-temporary.png', { fullPage: true });

    await field(page, '仮パスワード').fill(` ${temporary} `);
    await field(page, '新しいパスワード').fill('weakpassword');
    await page.getByRole('button', { name: 'パスワードを再設定する' }).click();
    // The policy's answer is shown at the new-password field, one sentence per unmet rule.
    await expect
      .poll(() => page.getByText('パスワードに数字を含めてください。', { exact: false }).isVisible())
      .toBe(true);
    await shot(page, 'password-reset-weak.png', { fullPage: true });

    await field(page, '新しいパスワード').fill(newPassword);
    await page.getByRole('button', { name: 'パスワードを再設定する' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'パスワードを再設定しました' }).isVisible())
      .toBe(true);
    await shot(page, 'password-reset-done.png', { fullPage: true });
    await page.getByRole('link', { name: 'ログインへ進む' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'ログイン' }).isVisible()).toBe(true);

    await signIn(page, newPassword);
  });

  it('asks for their login ID by email and gets it mailed, with the same answer for an unknown address', async () => {
    const page = await watch.open();
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('link', { name: 'ログインIDをお忘れの方' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'ログインIDの確認' }).isVisible())
      .toBe(true);
    await field(page, 'メールアドレス').fill(member.email);
    await page.getByRole('button', { name: 'メールを送信する' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'メールを送信しました' }).isVisible())
      .toBe(true);
    await shot(page, 'login-id-reminder-sent.png', { fullPage: true });
    expect((await mailTo(smtp, member.email, 'ログインIDのお知らせ', 1)).text).toContain(member.loginId);

    const known = await page
      .getByText('ログインIDの一覧をメールでお送りしました', { exact: false })
      .innerText();
    await page.goto(`${baseUrl}/login-id-reminder`);
    await field(page, 'メールアドレス').fill('nobody@example.jp');
    await page.getByRole('button', { name: 'メールを送信する' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'メールを送信しました' }).isVisible())
      .toBe(true);
    expect(
      await page.getByText('ログインIDの一覧をメールでお送りしました', { exact: false }).innerText(),
    ).toBe(known);
  });

  it('is told prominently that a locked login ID is locked, and where to ask', async () => {
    // Locks lie on the login ID whether or not anybody holds it, so a fresh ID is locked through the API.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await postJson(baseUrl, '/api/sessions', { loginId: 'locked.out', password: 'Wrong-Pass2026!' });
    }
    watch.tolerated = [/status of 423/];
    const page = await watch.open();
    await page.goto(`${baseUrl}/login`);
    await field(page, 'ログインID').fill('locked.out');
    await field(page, 'パスワード').fill('Wrong-Pass2026!');
    await page.getByRole('button', { name: '次へ' }).click();
    const notice = page.locator('[data-problem="login_locked"]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('ログインIDがロックされています');
    expect(await notice.innerText()).toContain('お問い合わせフォーム');
    await shot(page, 'login-locked.png', { fullPage: true });
  });
});

describe('backup codes', () => {
  it('are revealed on My Page with the password, downloaded, used at the code step, and replaced', async () => {
    // Refusals this journey asks for: a wrong password (403) and a wrong backup code (401).
    watch.tolerated = [/status of 403/, /status of 401/];
    const page = await watch.open();
    await signIn(page, newPassword);
    await page.getByRole('link', { name: 'セキュリティ', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'セキュリティ' }).isVisible())
      .toBe(true);
    expect(await page.getByRole('heading', { name: 'パスワードの変更' }).isVisible()).toBe(true);

    await field(page, 'パスワード').fill('Not-my-password1');
    await page.getByRole('button', { name: 'バックアップコードを表示する' }).click();
    await expect.poll(() => page.getByText('パスワードが正しくありません。').isVisible()).toBe(true);
    await field(page, 'パスワード').fill(newPassword);
    await page.getByRole('button', { name: 'バックアップコードを表示する' }).click();
    await expect.poll(() => page.locator('[data-used]').count()).toBe(10);
    const codes = await listedCodes(page);
    expect(codes.every(({ code, used }) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(code) && !used)).toBe(true);
    await shot(page, 'mypage-security-codes.png', { fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'テキストファイルでダウンロード' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`backup-codes-${member.loginId}.txt`);
    const file = await readFile(await download.path(), 'utf8');
    for (const { code } of codes) expect(file).toContain(code);
    expect(file).toContain(`ログインID: ${member.loginId}`);

    // Signed out, the member signs in again with a backup code instead of the mailed one.
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect
      .poll(() => page.getByText('ログインするとパスワードとバックアップコードを管理できます').isVisible())
      .toBe(true);
    await passwordStep(page, newPassword);
    await page.getByRole('button', { name: '別の方法でログイン' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'バックアップコードでログイン' }).isVisible())
      .toBe(true);
    await field(page, 'バックアップコード').fill('aaaaa-aaaaa');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await expect
      .poll(() => page.getByText('バックアップコードが正しくないか、使用済みです。').isVisible())
      .toBe(true);
    await shot(page, 'login-backup-code-wrong.png', { fullPage: true });
    const spent = codes[3]?.code ?? '';
    await field(page, 'バックアップコード').fill(spent);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/mypage');
    await expect.poll(() => page.getByText(`${member.name} 様、ようこそ。`).isVisible()).toBe(true);

    // The spent code is struck through from now on.
    await page.getByRole('link', { name: 'セキュリティ', exact: true }).click();
    await field(page, 'パスワード').fill(newPassword);
    await page.getByRole('button', { name: 'バックアップコードを表示する' }).click();
    await expect.poll(() => page.locator('[data-used="true"]').count()).toBe(1);
    expect(await page.locator('[data-used="true"] s').innerText()).toBe(spent);
    expect(await page.getByText('未使用 9 / 10').isVisible()).toBe(true);
    await shot(page, 'mypage-security-used-code.png', { fullPage: true });

    // Replacing needs the password again and a confirmation; the list then shows ten fresh codes.
    await field(page, 'パスワード（再発行の確認）').fill(newPassword);
    await page.getByRole('button', { name: '再発行する' }).click();
    const dialog = page.getByRole('dialog', { name: 'バックアップコードを再発行しますか？' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await shot(page, 'mypage-security-regenerate-confirm.png', { fullPage: true });
    await dialog.getByRole('button', { name: '再発行する' }).click();
    await expect
      .poll(() => page.getByText('新しいバックアップコードを発行しました。', { exact: false }).isVisible())
      .toBe(true);
    const fresh = await listedCodes(page);
    expect(fresh).toHaveLength(10);
    expect(fresh.some(({ code }) => codes.some((old) => old.code === code))).toBe(false);
    expect(await page.locator('[data-used="true"]').count()).toBe(0);
  });

  it('the password is changed on My Page in English, with the current password checked', async () => {
    watch.tolerated = [/status of 403/];
    const page = await watch.open();
    await signIn(page, newPassword);
    await page.getByRole('link', { name: 'セキュリティ', exact: true }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Security' }).isVisible()).toBe(true);
    await field(page, 'Current password').fill('Not-my-password1');
    await field(page, 'New password').fill('Another-Pass2026$');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await expect.poll(() => page.getByText('The current password is incorrect.').isVisible()).toBe(true);
    await field(page, 'Current password').fill(newPassword);
    await page.getByRole('button', { name: 'Change the password' }).click();
    await expect
      .poll(() => page.getByText('Your password has been changed.', { exact: false }).isVisible())
      .toBe(true);
    await shot(page, 'mypage-security-password-changed-en.png', { fullPage: true });
    // The replaced session keeps the member signed in on this device.
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Change your password' }).isVisible())
      .toBe(true);
  });
});
