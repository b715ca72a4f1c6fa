// Browser test of sign-in by SMS against the real server: the code goes to a Twilio double, the page says where; without Twilio the owner reads it in the dev SMS outbox.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import { startTwilioDouble, type TwilioDouble, twilioEnv } from '../helpers/twilio-double.js';
import {
  fontsSettled,
  freshDataDir,
  launchBrowser,
  PageWatch,
  type RunningServer,
  repoRoot,
  screenshotDir,
  startServer,
} from './support';

let smtp: SmtpSink;
let twilio: TwilioDouble;
let dataDir: string;
let server: RunningServer | undefined;
let browser: Browser;
let watch: PageWatch;

const member = { loginId: 'sms.e2e', password: 'Kei-yaku2026!', email: 'sms.e2e@example.jp' };

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

async function shot(page: Page, name: string): Promise<void> {
  await fontsSettled(page);
  // The shell's header and footer are fixed: the viewport is made as tall as the page for the capture.
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.screenshot({ path: join(screenshotDir, name) });
  await page.setViewportSize(viewport);
}

function post(path: string, body: unknown): Promise<Response> {
  const baseUrl = server!.baseUrl;
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(body),
  });
}

async function waitForMail(subject: string, nth: number): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = smtp.received.filter((m) => m.subject.includes(subject))[nth - 1];
    if (found) return found.text;
    if (Date.now() > deadline) throw new Error(`no mail #${nth} "${subject}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `keiyaku create-operator` on the stopped store's data folder, the password given on standard input. */
async function createOperator(loginId: string, role: string, password: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'create-operator',
      '--login-id',
      loginId,
      '--name',
      'サポート 佐藤',
      '--email',
      `${loginId}@staff.example.jp`,
      '--role',
      role,
      '--password-stdin',
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(`${password}\n`);
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`create-operator exited with ${code}:\n${output}`);
}

async function signInAsOperator(
  page: Page,
  loginId: string,
  password: string,
  nthCode: number,
): Promise<void> {
  await page.goto(`${server!.baseUrl}/admin/login`);
  await page.getByLabel(/^運営者ログインID/).fill(loginId);
  await page.getByRole('textbox', { name: 'パスワード' }).fill(password);
  await page.getByRole('button', { name: '次へ' }).click();
  const mail = await waitForMail('管理画面ログイン確認コード', nthCode);
  await typeCode(page, '#operator-code-1', /ログイン確認コード: (\d{6})/.exec(mail)![1]!);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/admin');
}

async function typeCode(page: Page, firstBox: string, code: string): Promise<void> {
  await page.locator(firstBox).click();
  await page.keyboard.type(code);
}

describe('sign-in by SMS', () => {
  it('describes SMS on the registration form, sends the code to Twilio and says where it went', async () => {
    server = await startServer(
      { SMTP_URL: smtp.url, ...twilioEnv(twilio, { from: '+15017122661' }) },
      { dataDir },
    );
    const page = await watch.open();
    await page.goto(`${server.baseUrl}/register`);
    await page.getByText('SMS（携帯電話）', { exact: true }).click();
    await expect
      .poll(() =>
        page.getByText('ログイン時の確認コードを、下の携帯電話番号宛にSMSでお送りします。').isVisible(),
      )
      .toBe(true);
    await shot(page, 'register-sms.png');

    const registered = await post(
      '/api/members',
      fullRegistration({ ...member, secondFactorChannel: 'sms', mobilePhone: '090-1234-5678' }),
    );
    expect(registered.status).toBe(201);
    const confirmation = await waitForMail('メールアドレスの確認', 1);
    const token = decodeURIComponent(/\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(confirmation)![1]!);
    expect((await post('/api/members/confirm-email', { token })).status).toBe(200);

    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel(/^ログインID/).fill(member.loginId);
    await page.getByRole('textbox', { name: 'パスワード' }).fill(member.password);
    await page.getByRole('button', { name: '次へ' }).click();
    await expect
      .poll(() =>
        page
          .getByText(
            '末尾が 5678 の携帯電話番号に、SMSで6桁の確認コードをお送りしました。10分以内に入力してください。',
          )
          .isVisible(),
      )
      .toBe(true);
    await shot(page, 'login-code-sms.png');
    const [request] = await twilio.waitFor(1);
    expect(request!.violations).toEqual([]);
    expect(request!.form.To).toBe('+819012345678');
    const code = /ログイン確認コード: (\d{6})/.exec(request!.form.Body!)![1]!;
    await typeCode(page, '#sign-in-code-1', code);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/mypage');
  });

  it('keeps the SMS in the dev SMS outbox without Twilio, where the owner reads it', async () => {
    await server?.stop();
    await createOperator('support.e2e', 'support', 'Supp0rt-pass-2026!');
    server = await startServer({ SMTP_URL: smtp.url }, { dataDir });
    const owner = JSON.parse(await readFile(join(dataDir, 'demo-operator.json'), 'utf8')) as {
      loginId: string;
      password: string;
    };
    expect((await post('/api/sessions', { loginId: member.loginId, password: member.password })).status).toBe(
      202,
    );

    const page = await watch.open();
    await signInAsOperator(page, owner.loginId, owner.password, 1);
    await page.goto(`${server.baseUrl}/admin/mailbox?channel=sms`);
    await expect
      .poll(
        () => page.getByText(/^【keiyaku デモストア】ログイン確認コード: \d{6}（10分間有効）$/).isVisible(),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    expect(await page.getByRole('cell', { name: '+819012345678' }).isVisible()).toBe(true);
    await shot(page, 'admin-mailbox-sms.png');
    await page.getByRole('tab', { name: 'メール' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'SMS' }).click();
    await expect.poll(() => page.getByText('1 SMS', { exact: true }).isVisible()).toBe(true);
    await shot(page, 'admin-mailbox-sms-en.png');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: '運営者サインイン' }).isVisible())
      .toBe(true);

    // Support sees that a code was sent, never the code: neither a member's SMS nor an operator's mail.
    await signInAsOperator(page, 'support.e2e', 'Supp0rt-pass-2026!', 2);
    await page.goto(`${server.baseUrl}/admin/mailbox?channel=sms`);
    await expect
      .poll(() =>
        page.getByText('確認コードなどの認証情報を含むため、本文はオーナーだけが閲覧できます。').isVisible(),
      )
      .toBe(true);
    expect(await page.getByText(/ログイン確認コード: \d{6}/).count()).toBe(0);
    await shot(page, 'admin-mailbox-sms-support.png');
  });
});
