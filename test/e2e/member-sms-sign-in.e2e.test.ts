// Browser test of sign-in by SMS against the real server: the code goes to a Twilio double, the page says where; without Twilio the owner reads it in the dev SMS outbox.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import { startTwilioDouble, type TwilioDouble, twilioEnv } from '../helpers/twilio-double.js';
import {
  demoOwner,
  field,
  freshDataDir,
  launchBrowser,
  PageWatch,
  postJson,
  type RunningServer,
  registerAndConfirm,
  repoRoot,
  shot,
  signInAsOperator,
  startServer,
  typeCode,
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

    await registerAndConfirm(
      server.baseUrl,
      smtp,
      fullRegistration({ ...member, secondFactorChannel: 'sms', mobilePhone: '090-1234-5678' }),
    );

    await page.goto(`${server.baseUrl}/login`);
    await field(page, 'ログインID').fill(member.loginId);
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
    const owner = await demoOwner(dataDir);
    expect(
      (
        await postJson(server.baseUrl, '/api/sessions', {
          loginId: member.loginId,
          password: member.password,
        })
      ).status,
    ).toBe(202);

    const page = await watch.open();
    await signInAsOperator(page, server.baseUrl, smtp, owner, 1);
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
    await signInAsOperator(
      page,
      server.baseUrl,
      smtp,
      { loginId: 'support.e2e', password: 'Supp0rt-pass-2026!' },
      2,
    );
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
