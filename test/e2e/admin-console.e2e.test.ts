// Browser test of the admin console against the real server: the demo owner signs in, edits the store, closes and reopens a day, binds an authenticator app, reads the dev mailbox and signs out.

import { createHmac } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  demoOwner,
  describedBy,
  field,
  freshDataDir,
  launchBrowser,
  type OperatorCredentials,
  operatorCode,
  PageWatch,
  postJson,
  type RunningServer,
  shot,
  startServer,
  typeCode,
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

function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The RFC 6238 code an authenticator app would show now for an otpauth:// URI. */
function totpCode(uri: string): string {
  const params = new URL(uri).searchParams;
  const secret = base32Decode(params.get('secret') ?? '');
  const digits = Number(params.get('digits') ?? 6);
  const period = Number(params.get('period') ?? 30);
  const algorithm = (params.get('algorithm') ?? 'SHA1').toLowerCase();
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / period)));
  const mac = createHmac(algorithm, secret).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 10 ** digits).padStart(digits, '0');
}

let owner: OperatorCredentials;
let totpUri = '';

describe('the demo owner in the admin console', () => {
  it('signs in with the mailed code, edits the store, closes and reopens a day, binds an app, signs out', async () => {
    server = await startServer({ SMTP_URL: smtp.url }, { dataDir });
    const baseUrl = server.baseUrl;
    owner = await demoOwner(dataDir);
    // Refusals asked for below: a wrong password (401) and an invalid postal code (422).
    watch.tolerated = [/status of 401/, /status of 422/];
    const page = await watch.open();

    await page.goto(`${baseUrl}/admin/settings`);
    await expect.poll(() => page.getByText('運営者としてサインインしてください').isVisible()).toBe(true);
    await page.getByRole('main').getByRole('link', { name: 'サインイン' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: '運営者サインイン' }).isVisible())
      .toBe(true);

    await field(page, '運営者ログインID').fill(owner.loginId);
    await field(page, 'パスワード').fill(`${owner.password}x`);
    await page.getByRole('button', { name: '次へ' }).click();
    await expect
      .poll(() => describedBy(page, 'パスワード'))
      .toContain('ログインIDまたはパスワードが正しくありません。');
    await shot(page, 'admin-login-wrong.png');

    await field(page, 'パスワード').fill(owner.password);
    await page.getByRole('button', { name: '次へ' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '確認コードの入力' }).isVisible()).toBe(true);
    expect(await page.getByText('登録メールアドレスに6桁の確認コードを送信しました').isVisible()).toBe(true);
    await shot(page, 'admin-login-code.png');
    await typeCode(page, '#operator-code-1', await operatorCode(smtp, 1));

    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin');
    await expect
      .poll(() => page.getByText('デモオーナー さん、こんにちは。', { exact: false }).isVisible())
      .toBe(true);
    expect(await page.getByTestId('operator-identity').first().innerText()).toBe('デモオーナー（オーナー）');
    for (const card of ['メールボックス', '店舗設定', 'セキュリティ']) {
      expect(await page.getByRole('main').getByRole('link', { name: card }).isVisible()).toBe(true);
    }
    await shot(page, 'admin-dashboard.png');

    // Store settings: a field error from the server, the check-digit warning, then a saved change.
    await page.getByRole('main').getByRole('link', { name: '店舗設定' }).click();
    await expect.poll(() => field(page, 'ストア名').inputValue()).not.toBe('');
    const newName = 'けいやく テスト商店';
    const registrationNumber = await field(page, '適格請求書発行事業者登録番号').inputValue();
    await field(page, 'ストア名').fill(newName);
    await field(page, '郵便番号').fill('1000');
    await field(page, '適格請求書発行事業者登録番号').fill('T1234567890123');
    expect(await page.getByText('登録番号のチェックディジットが一致しません').isVisible()).toBe(true);
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => describedBy(page, '郵便番号')).toContain('形式が正しくありません。');
    await shot(page, 'admin-settings-errors.png');
    await field(page, '郵便番号').fill('100-0005');
    await field(page, '適格請求書発行事業者登録番号').fill(registrationNumber);
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.getByText('店舗設定を保存しました。').isVisible()).toBe(true);
    expect(await describedBy(page, '郵便番号')).not.toContain('形式が正しくありません。');

    // Closure days: add one, see it listed, remove it.
    await field(page, '日付').fill('2026-08-13');
    await field(page, '理由').fill('夏季休業');
    await page.getByRole('button', { name: '休業日を追加' }).click();
    const row = page.locator('tr[data-day="2026-08-13"]');
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.innerText()).toContain('2026年8月13日');
    expect(await row.innerText()).toContain('夏季休業');
    await shot(page, 'admin-settings.png');
    await row.getByRole('button', { name: '削除' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await page.getByText('休業日は登録されていません').isVisible()).toBe(true);

    // The store's home shows the new name.
    await page.getByRole('link', { name: 'ストア', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: newName }).isVisible()).toBe(true);
    await shot(page, 'admin-store-renamed.png');

    // Authenticator app: the password, the URI, then a code from it.
    await page.goto(`${baseUrl}/admin/security`);
    await field(page, 'パスワード').fill(owner.password);
    await page.getByRole('button', { name: '設定を始める' }).click();
    await expect.poll(() => page.getByTestId('totp-uri').isVisible()).toBe(true);
    totpUri = await page.getByTestId('totp-uri').innerText();
    expect(totpUri).toMatch(/^otpauth:\/\/totp\//);
    await shot(page, 'admin-security-uri.png');
    await typeCode(page, '#totp-code-1', totpCode(totpUri));
    await expect.poll(() => page.getByText('認証アプリを設定済みです').isVisible()).toBe(true);
    await shot(page, 'admin-security-done.png');

    // With SMTP configured, mail really leaves: the dev mailbox stays empty and says why.
    await page.getByRole('link', { name: 'メールボックス', exact: true }).click();
    await expect.poll(() => page.getByText('メールはまだありません').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'サインアウト' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/login');
    await page.goto(`${baseUrl}/admin`);
    await expect.poll(() => page.getByText('運営者としてサインインしてください').isVisible()).toBe(true);
    expect(await page.getByText('デモオーナー').count()).toBe(0);
    await shot(page, 'admin-signed-out.png');
    await server.stop();
    server = undefined;
  });

  it('signs in with the authenticator app and reads the dev mailbox when no SMTP server is set', async () => {
    server = await startServer({}, { dataDir });
    const baseUrl = server.baseUrl;
    // A member's registration queues a confirmation mail, which lands in the dev mailbox.
    const registered = await postJson(
      baseUrl,
      '/api/members',
      fullRegistration({
        loginId: 'taro.e2e',
        name: '鈴木 太郎',
        nameKana: 'スズキ タロウ',
        email: 'taro@example.jp',
      }),
    );
    expect(registered.status).toBe(201);

    const page = await watch.open();
    await page.goto(`${baseUrl}/admin/login`);
    await field(page, '運営者ログインID').fill(owner.loginId);
    await field(page, 'パスワード').fill(owner.password);
    await page.getByRole('button', { name: '次へ' }).click();
    await expect
      .poll(() => page.getByText('認証アプリに表示されている6桁のコードを入力してください。').isVisible())
      .toBe(true);
    await shot(page, 'admin-login-totp.png');
    await typeCode(page, '#operator-code-1', totpCode(totpUri));
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin');

    await page.getByRole('link', { name: 'メールボックス', exact: true }).click();
    const subject = page.getByRole('link', { name: /メールアドレスの確認/ });
    await expect.poll(() => subject.first().isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByRole('cell', { name: 'taro@example.jp' }).first().isVisible()).toBe(true);
    await shot(page, 'admin-mailbox.png');
    await subject.first().click();
    await expect.poll(() => page.getByLabel('本文').isVisible()).toBe(true);
    expect(await page.getByLabel('本文').innerText()).toContain('/register/confirm?token=');
    await shot(page, 'admin-mail-detail.png');

    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('link', { name: '← Back to the mail list' }).isVisible())
      .toBe(true);
    await page.getByRole('link', { name: '← Back to the mail list' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Mailbox' }).isVisible()).toBe(true);
    await shot(page, 'admin-mailbox-en.png');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Operator sign-in' }).isVisible())
      .toBe(true);
    await page.getByRole('button', { name: '日本語' }).click();
  });
});
