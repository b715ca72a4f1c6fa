// Browser test of My Page security's sessions: recent sign-ins and signed-in devices, signing another device out, in Japanese and English.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullRegistration } from '../helpers/registration.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  fontsSettled,
  launchBrowser,
  PageWatch,
  type RunningServer,
  screenshotDir,
  startServer,
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

async function mail(to: string, subject: string, nth: number): Promise<ReceivedMail> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = smtp.received.filter(
      (m) => (to === '' || m.to.includes(to)) && m.subject.includes(subject),
    )[nth - 1];
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(
        `no mail #${nth} "${subject}" to ${to}; got ${smtp.received.map((m) => m.subject).join(', ')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, ...headers },
    body: JSON.stringify(body),
  });
}

const codeIn = (text: string) => /(?:コード|code is): (\d{6})/.exec(text)?.[1] ?? '';
let codeMails = 0;

/** Signs in over plain HTTP as another device (a phone); returns its session cookie. */
async function signInAsPhone(): Promise<string> {
  const first = await post(
    '/api/sessions',
    { loginId: member.loginId, password: member.password },
    {
      'user-agent': phoneAgent,
    },
  );
  expect(first.status).toBe(202);
  const pending = first.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  codeMails += 1;
  const code = codeIn((await mail(member.email, 'ログイン確認コード', codeMails)).text);
  const verified = await post(
    '/api/sessions/verify-code',
    { code },
    { cookie: pending, 'user-agent': phoneAgent },
  );
  expect(verified.status).toBe(200);
  return verified.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

async function signInInBrowser(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/^ログインID\s*\*?$/).fill(member.loginId);
  await page.getByLabel(/^パスワード\s*\*?$/).fill(member.password);
  await page.getByRole('button', { name: '次へ' }).click();
  await expect.poll(() => page.getByRole('heading', { name: '確認コードの入力' }).isVisible()).toBe(true);
  codeMails += 1;
  const code = codeIn((await mail(member.email, 'ログイン確認コード', codeMails)).text);
  await page.locator('#sign-in-code-1').click();
  await page.keyboard.type(code);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/mypage');
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  watch = new PageWatch(browser);
  expect((await post('/api/members', fullRegistration(member))).status).toBe(201);
  const link = await mail(member.email, 'メールアドレスの確認', 1);
  const token = /\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(link.text)?.[1] ?? '';
  expect((await post('/api/members/confirm-email', { token: decodeURIComponent(token) })).status).toBe(200);
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
    expect(await devices.getByText('Safari 17 / iOS').isVisible()).toBe(true);
    expect(await devices.getByText('この端末', { exact: true }).isVisible()).toBe(true);
    const history = page.getByRole('region', { name: '最近のログイン履歴' });
    await expect.poll(() => history.getByRole('row').count()).toBe(3);
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'mypage-security-sessions-ja.png'), fullPage: true });

    await devices.getByRole('button', { name: '他の端末のログインをすべて終了' }).click();
    await expect.poll(() => page.getByText('1 台の端末のログインを終了しました。').isVisible()).toBe(true);
    await expect.poll(() => devices.getByRole('row').count()).toBe(2);
    const phone = await fetch(`${baseUrl}/api/mypage/me`, { headers: { cookie: phoneCookie } });
    expect(phone.status).toBe(401);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Signed-in devices' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Recent sign-ins' }).isVisible()).toBe(true);
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'mypage-security-sessions-en.png'), fullPage: true });
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
    await fontsSettled(page);
    await page.screenshot({
      path: join(screenshotDir, 'mypage-security-password-error.png'),
      fullPage: true,
    });
  });

  it('lets the owner set the member session timeouts on the store settings page', async () => {
    watch.tolerated = [/status of 401/, /status of 422/];
    const owner = JSON.parse(await readFile(join(server.dataDir, 'demo-operator.json'), 'utf8')) as {
      loginId: string;
      password: string;
    };
    const page = await watch.open({ height: 1600 });
    await page.goto(`${baseUrl}/admin/login`);
    await page.getByLabel(/^運営者ログインID\s*\*?$/).fill(owner.loginId);
    await page.getByLabel(/^パスワード\s*\*?$/).fill(owner.password);
    await page.getByRole('button', { name: '次へ' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '確認コードの入力' }).isVisible()).toBe(true);
    const code =
      /ログイン確認コード: (\d{6})/.exec((await mail('', '管理画面ログイン確認コード', 1)).text)?.[1] ?? '';
    await page.locator('#operator-code-1').click();
    await page.keyboard.type(code);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin');

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
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'admin-session-settings-error.png'), fullPage: true });
    await idle.fill('60');
    await section.getByRole('button', { name: 'ログイン時間を更新' }).click();
    await expect.poll(() => section.getByText('ログイン時間の設定を保存しました。').isVisible()).toBe(true);
    const saved = await fetch(`${baseUrl}/api/admin/store`, {
      headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    expect(await saved.json()).toMatchObject({ sessionIdleMinutes: 60, sessionAbsoluteHours: 24 });
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'admin-session-settings.png'), fullPage: true });
  });
});
