// Browser test of account administration: the demo owner finds a locked member, unlocks and resets the second factor after an identity check, and adds an operator.

import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  demoOwner,
  field,
  freshDataDir,
  launchBrowser,
  mailTo,
  PageWatch,
  postJson,
  type RunningServer,
  registerAndConfirm,
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

describe('account administration in the admin console', () => {
  it('unlocks a member and resets the second factor after an identity check, and adds an operator', async () => {
    server = await startServer({ SMTP_URL: smtp.url }, { dataDir });
    const baseUrl = server.baseUrl;
    const owner = await demoOwner(dataDir);
    const post = (path: string, body: unknown) => postJson(baseUrl, path, body);

    // A member who confirmed the address, then locked the login ID with five wrong passwords.
    await registerAndConfirm(
      baseUrl,
      smtp,
      fullRegistration({
        loginId: 'locked.e2e',
        name: '施錠 花子',
        nameKana: 'セジョウ ハナコ',
        email: 'locked.e2e@example.jp',
        memberKind: 'corporate',
        companyName: '株式会社ロック',
      }),
    );
    for (let i = 0; i < 5; i++)
      await post('/api/sessions', { loginId: 'locked.e2e', password: 'Wrong-pass-2026!' });
    expect((await post('/api/sessions', { loginId: 'locked.e2e', password: 'Kei-yaku2026!' })).status).toBe(
      423,
    );

    const page = await watch.open();
    await signInAsOperator(page, baseUrl, smtp, owner);

    // Members: search by company, open the record.
    await page.getByRole('navigation').getByRole('link', { name: '会員', exact: true }).first().click();
    await field(page, '会員を検索').fill('ロック');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => page.getByRole('link', { name: 'locked.e2e' }).isVisible()).toBe(true);
    await shot(page, 'admin-members.png');
    await page.getByRole('link', { name: 'locked.e2e' }).click();
    await expect.poll(() => page.getByText('ロック中').isVisible()).toBe(true);
    expect(await page.getByText('株式会社ロック').isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '利用規約' }).isVisible()).toBe(true);
    await shot(page, 'admin-member-locked.png');

    // Unlock: the note is required before anything is sent.
    await page.getByRole('button', { name: '本人確認をしてロックを解除' }).click();
    await page.getByRole('button', { name: 'ロックを解除', exact: true }).click();
    await expect.poll(() => page.getByText('確認した内容を入力してください。').isVisible()).toBe(true);
    await shot(page, 'admin-member-identity-check.png');
    await field(page, '確認した内容').fill('登録電話番号へ折り返し、登録住所を確認');
    await page.getByRole('button', { name: 'ロックを解除', exact: true }).click();
    await expect.poll(() => page.getByText('ロックされていません（連続失敗 0 回）。').isVisible()).toBe(true);
    expect((await post('/api/sessions', { loginId: 'locked.e2e', password: 'Kei-yaku2026!' })).status).toBe(
      202,
    );

    // Second-factor reset, with the document method.
    await page.getByRole('button', { name: '本人確認をして2段階認証をリセット' }).click();
    await field(page, '本人確認の方法').selectOption('document');
    await field(page, '確認した内容').fill('運転免許証の写しで氏名と住所を照合');
    await page.getByRole('button', { name: '2段階認証をリセット', exact: true }).click();
    await expect
      .poll(() => page.getByText(/リセットしました（無効にしたバックアップコード 0 個/).isVisible())
      .toBe(true);
    await mailTo(smtp, '', '2段階認証の設定をリセットしました');
    await shot(page, 'admin-member-reset.png');

    // Operators: add one, the temporary password is shown once.
    await page.getByRole('navigation').getByRole('link', { name: '管理者', exact: true }).first().click();
    await expect.poll(() => page.getByText('デモオーナー').first().isVisible()).toBe(true);
    await field(page, 'ログインID').fill('support.e2e');
    await field(page, '表示名').fill('サポート 太郎');
    await field(page, '連絡先メールアドレス').fill('support.e2e@staff.example.jp');
    await page.getByRole('button', { name: '追加する' }).click();
    await expect.poll(() => page.getByTestId('temporary-password').isVisible()).toBe(true);
    expect(await page.getByTestId('temporary-password').innerText()).toMatch(/^.{20}$/);
    expect(await page.getByText('support.e2e ·', { exact: false }).isVisible()).toBe(true);
    await shot(page, 'admin-operators.png');

    // The same pages in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Operators' }).isVisible())
      .toBe(true);
    await shot(page, 'admin-operators-en.png');
    await page.getByRole('navigation').getByRole('link', { name: 'Members', exact: true }).first().click();
    await field(page, 'Search members').fill('locked');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: 'locked.e2e' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Second factor' }).isVisible()).toBe(true);
    await shot(page, 'admin-member-en.png');
  });
});
