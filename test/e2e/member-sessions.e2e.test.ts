// Browser test of My Page security's sessions: recent sign-ins and signed-in devices, signing another device out, in Japanese and English.

import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  demoOwner,
  field,
  launchBrowser,
  mailTo,
  memberSessionCookie,
  PageWatch,
  type RunningServer,
  registerAndConfirm,
  shot,
  signInAsOperator,
  signInCode,
  startServer,
  typeCode,
} from './support';

let smtp: SmtpSink;
let server: RunningServer;
let baseUrl: string;
let browser: Browser;
let watch: PageWatch;

const member = {
  loginId: 'hanako.sessions',
  password: 'Kei-yaku2026!',
  name: '鈴木 花子',
  nameKana: 'スズキ ハナコ',
  email: 'hanako.sessions@example.jp',
};
const phoneAgent =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

let codeMails = 0;

/** Signs in over plain HTTP as another device (a phone); returns its session cookie. */
async function signInAsPhone(): Promise<string> {
  codeMails += 1;
  return memberSessionCookie(baseUrl, smtp, member, codeMails, { 'user-agent': phoneAgent });
}

async function signInInBrowser(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await field(page, 'ログインID').fill(member.loginId);
  await field(page, 'パスワード').fill(member.password);
  await page.getByRole('button', { name: '次へ' }).click();
  await expect.poll(() => page.getByRole('heading', { name: '確認コードの入力' }).isVisible()).toBe(true);
  codeMails += 1;
  const code = signInCode(await mailTo(smtp, member.email, 'ログイン確認コード', codeMails));
  await typeCode(page, '#sign-in-code-1', code);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/mypage');
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  watch = new PageWatch(browser);
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

describe('My Page security: sign-ins and devices', () => {
  it('lists both devices and the sign-ins, signs the phone out, and reads the same in English', async () => {
    watch.tolerated = [/status of 401/];
    const phoneCookie = await signInAsPhone();
    const page = await watch.open({ height: 1400 });
    await signInInBrowser(page);
    await page.goto(`${baseUrl}/mypage/security`);
    const devices = page.getByRole('region', { name: 'ログイン中の端末' });
    await expect.poll(() => devices.getByRole('row').count()).toBe(3);
    expect(await devices.getByText('Safari 17 / iOS', { exact: true }).isVisible()).toBe(true);
    expect(await devices.getByText('この端末', { exact: true }).isVisible()).toBe(true);
    const history = page.getByRole('region', { name: '最近のログイン履歴' });
    await expect.poll(() => history.getByRole('row').count()).toBe(3);
    await shot(page, 'mypage-security-sessions-ja.png', { fullPage: true });

    await devices.getByRole('button', { name: '他の端末のログインをすべて終了' }).click();
    await expect.poll(() => page.getByText('1 台の端末のログインを終了しました。').isVisible()).toBe(true);
    await expect.poll(() => devices.getByRole('row').count()).toBe(2);
    const phone = await fetch(`${baseUrl}/api/mypage/me`, { headers: { cookie: phoneCookie } });
    expect(phone.status).toBe(401);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Signed-in devices' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Recent sign-ins' }).isVisible()).toBe(true);
    await shot(page, 'mypage-security-sessions-en.png', { fullPage: true });
    await page.getByRole('button', { name: '日本語' }).click();
  });

  it('shows a new password that breaks the policy as an error on the new-password field', async () => {
    watch.tolerated = [/status of 422/];
    const page = await watch.open({ height: 1400 });
    await signInInBrowser(page);
    await page.goto(`${baseUrl}/mypage/security`);
    await page.getByLabel(/^現在のパスワード\s*\*?$/).fill(member.password);
    const newPassword = page.getByLabel(/^新しいパスワード\s*\*?$/);
    await newPassword.fill(`${member.loginId}-X1!`);
    await page.getByRole('button', { name: 'パスワードを変更する' }).click();
    // The policy's answer names `newPassword`, so it is drawn under that field, not in a general alert.
    const error = page.getByText('パスワードにログインIDを含めないでください。');
    await expect.poll(() => error.isVisible()).toBe(true);
    const errorId = await error.getAttribute('id');
    expect((await newPassword.getAttribute('aria-describedby')) ?? '').toContain(errorId ?? 'missing');
    await shot(page, 'mypage-security-password-error.png', { fullPage: true });
  });

  it('lets the owner set the member session timeouts on the store settings page', async () => {
    watch.tolerated = [/status of 401/, /status of 422/];
    const page = await watch.open({ height: 1600 });
    await signInAsOperator(page, baseUrl, smtp, await demoOwner(server.dataDir));

    await page.goto(`${baseUrl}/admin/settings`);
    const section = page.getByRole('region', { name: '会員のログイン時間' });
    const idle = section.getByLabel(/^無操作でログアウトするまでの時間（分）\s*\*?$/);
    await expect.poll(() => idle.inputValue()).toBe('30');
    expect(await section.getByLabel(/^ログインの有効期間（時間）\s*\*?$/).inputValue()).toBe('24');
    await idle.fill('3');
    await section.getByRole('button', { name: 'ログイン時間を更新' }).click();
    await expect
      .poll(async () => (await idle.getAttribute('aria-invalid')) ?? (await idle.getAttribute('data-error')))
      .not.toBeNull();
    await shot(page, 'admin-session-settings-error.png', { fullPage: true });
    await idle.fill('60');
    await section.getByRole('button', { name: 'ログイン時間を更新' }).click();
    await expect.poll(() => section.getByText('ログイン時間の設定を保存しました。').isVisible()).toBe(true);
    const saved = await fetch(`${baseUrl}/api/admin/store`, {
      headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    expect(await saved.json()).toMatchObject({ sessionIdleMinutes: 60, sessionAbsoluteHours: 24 });
    await shot(page, 'admin-session-settings.png', { fullPage: true });
  });
});
