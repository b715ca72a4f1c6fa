// Browser test of a member's first visit against the real server and a real SMTP peer: register, confirm, sign in, My Page, sign out.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  confirmationLink,
  describedBy,
  field,
  launchBrowser,
  mailTo,
  PageWatch,
  type RunningServer,
  shot,
  signInCode,
  startServer,
} from './support';

let smtp: SmtpSink;
let server: RunningServer;
let baseUrl: string;
let browser: Browser;
let watch: PageWatch;

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
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

/** One choice of a segmented control: its radio input is hidden behind the label the member clicks. */
function segment(page: Page, label: string) {
  return page.locator('label', { hasText: new RegExp(`^${label.replace(/[()（）]/g, '\\$&')}$`) });
}

const rulesMet = (page: Page) =>
  page
    .locator('[data-rule]')
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((item) => [item.getAttribute('data-rule'), item.getAttribute('data-met') === 'true']),
      ),
    );

const member = {
  loginId: 'hanako.e2e',
  password: 'Kei-yaku2026!',
  name: '山田 花子',
  nameKana: 'ヤマダ ハナコ',
  email: 'hanako@example.jp',
};

describe('a member signs up in Japanese', () => {
  it('registers, confirms by the mailed link, signs in with the mailed code, sees My Page and signs out', async () => {
    // Refusals this journey asks for: unconfirmed sign-in (403), a spent link (410), a wrong code (401).
    watch.tolerated = [/status of 403/, /status of 410/, /status of 401/];
    const page = await watch.open();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: '会員登録' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '会員登録' }).isVisible()).toBe(true);

    await field(page, 'ログインID').fill(member.loginId);
    const password = field(page, 'パスワード');
    await password.fill('abc');
    // The server's rules (domain/forms/password-policy), ticked as the member types.
    expect(await rulesMet(page)).toEqual({
      min_length: false,
      max_length: true,
      digit: false,
      upper_case: false,
      lower_case: true,
      symbol: false,
      allowed_characters: true,
      not_login_id: true,
    });
    await password.fill('hanako.e2e-X1');
    expect((await rulesMet(page)).not_login_id).toBe(false);
    await password.fill('Kei yaku2026!');
    expect((await rulesMet(page)).allowed_characters).toBe(false);
    await password.fill(member.password);
    expect(Object.values(await rulesMet(page)).every(Boolean)).toBe(true);
    await field(page, 'お名前').fill(member.name);
    await field(page, 'フリガナ').fill(member.nameKana);
    await field(page, 'メールアドレス').fill(member.email);

    // A company member: the company fields appear; the postal code fills prefecture, city and town.
    await segment(page, '法人').click();
    await field(page, '会社名').fill('株式会社けいやく商事');
    await field(page, '部署名').fill('経理部');
    await field(page, '郵便番号').fill('1000005');
    await expect.poll(() => field(page, '都道府県').inputValue()).toBe('東京都');
    expect(await field(page, '市区町村').inputValue()).toBe('千代田区');
    expect(await field(page, '町名・番地').inputValue()).toBe('丸の内');
    await field(page, '町名・番地').fill('丸の内1-1-1');
    await field(page, '電話番号').fill('03-1234-5678');
    // Choosing SMS says where the codes will go, and asks for the mobile number.
    await segment(page, 'SMS（携帯電話）').click();
    await expect
      .poll(() => page.getByText('携帯電話番号宛にSMSでお送りします', { exact: false }).isVisible())
      .toBe(true);
    await segment(page, 'メール').click();
    await page.getByLabel('新サービスやキャンペーンのお知らせをメールで受け取る').check();

    // Without both consents nothing is sent.
    await page.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => page.getByText('利用規約への同意が必要です。').isVisible()).toBe(true);
    await page.getByLabel('利用規約に同意します').check();
    await page.getByLabel('プライバシーポリシーに同意します').check();
    expect(await page.getByText('（2026-04-01 版）').count()).toBe(2);
    expect(await page.getByRole('link', { name: '利用規約', exact: true }).getAttribute('href')).toBe(
      '/terms/terms',
    );
    await shot(page, 'register-form.png', { fullPage: true });
    await page.getByRole('button', { name: '登録する' }).click();

    await expect
      .poll(() => page.getByRole('heading', { name: '確認メールを送信しました' }).isVisible())
      .toBe(true);
    expect(
      await page.getByText(`${member.email} 宛に確認メールを送信しました`, { exact: false }).isVisible(),
    ).toBe(true);
    const first = await mailTo(smtp, member.email, 'メールアドレスの確認', 1);
    await page.getByRole('button', { name: '確認メールを再送する' }).click();
    await expect
      .poll(() => page.getByText('新しい確認メールを送信しました', { exact: false }).isVisible())
      .toBe(true);
    await shot(page, 'register-sent.png', { fullPage: true });
    const second = await mailTo(smtp, member.email, 'メールアドレスの確認', 2);

    // Signing in before confirming explains why not, and offers the resend there too.
    await page.goto(`${baseUrl}/login`);
    await field(page, 'ログインID').fill(member.loginId);
    await field(page, 'パスワード').fill(member.password);
    await page.getByRole('button', { name: '次へ' }).click();
    await expect
      .poll(() => page.getByText('メールアドレスの確認が済んでいません').first().isVisible())
      .toBe(true);
    expect(await page.getByRole('button', { name: '確認メールを再送する' }).isVisible()).toBe(true);
    await shot(page, 'login-unconfirmed.png', { fullPage: true });

    // The resend expired the first link.
    await page.goto(confirmationLink(first));
    await expect
      .poll(() => page.getByRole('heading', { name: 'メールアドレスを確認できませんでした' }).isVisible())
      .toBe(true);
    expect(await page.getByText('この確認リンクは使用済みか', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '確認メールを再送する' }).isVisible()).toBe(true);
    await shot(page, 'confirm-invalid.png', { fullPage: true });

    await page.goto(confirmationLink(second));
    await expect
      .poll(() => page.getByRole('heading', { name: 'メールアドレスを確認しました' }).isVisible())
      .toBe(true);
    await shot(page, 'confirm-done.png', { fullPage: true });
    await page.getByRole('link', { name: 'ログインへ進む' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'ログイン' }).isVisible()).toBe(true);
    await field(page, 'ログインID').fill(member.loginId);
    await field(page, 'パスワード').fill(member.password);
    await page.getByRole('button', { name: '次へ' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '確認コードの入力' }).isVisible()).toBe(true);
    const code = signInCode(await mailTo(smtp, member.email, 'ログイン確認コード', 1));
    // A new code can be asked for once the minute since the last one is over; the button counts down.
    const resend = page.getByRole('button', { name: /^確認コードを再送する（あと\d+秒）$/ });
    expect(await resend.isDisabled()).toBe(true);

    const wrong = code.replace(/.$/, (digit) => String((Number(digit) + 1) % 10));
    await page.locator('#sign-in-code-1').click();
    await page.keyboard.type(wrong);
    await expect.poll(() => page.getByText('確認コードが正しくありません。').isVisible()).toBe(true);
    await shot(page, 'login-code-wrong.png', { fullPage: true });
    await page.locator('#sign-in-code-1').click();
    await page.keyboard.type(code);

    await expect.poll(() => new URL(page.url()).pathname).toBe('/mypage');
    await expect.poll(() => page.getByText(`${member.name} 様、ようこそ。`).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: member.loginId }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'ログアウト' }).isVisible()).toBe(true);
    await shot(page, 'mypage-signed-in.png', { fullPage: true });

    await page.getByRole('link', { name: '会員情報', exact: true }).click();
    await expect.poll(() => page.getByRole('cell', { name: member.email }).isVisible()).toBe(true);
    // Stored with a full-width space, however it was typed.
    expect(await page.getByRole('cell', { name: 'ヤマダ\u3000ハナコ' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '〒100-0005 東京都千代田区丸の内1-1-1' }).isVisible()).toBe(
      true,
    );
    await expect
      .poll(() => page.getByRole('note').filter({ hasText: '決済代行会社' }).isVisible())
      .toBe(true);
    await shot(page, 'mypage-profile.png', { fullPage: true });

    // Editing: a building needs nothing more; moving codes to SMS needs the current password.
    await field(page, '建物名・部屋番号').fill('けいやくビル 5F');
    await page.getByRole('button', { name: '変更を保存する' }).click();
    await expect.poll(() => page.getByText('会員情報を変更しました。').isVisible()).toBe(true);
    expect(
      await page
        .getByRole('cell', { name: '〒100-0005 東京都千代田区丸の内1-1-1 けいやくビル 5F' })
        .isVisible(),
    ).toBe(true);
    await segment(page, 'SMS（携帯電話）').click();
    await field(page, '携帯電話番号').fill('090-1234-5678');
    await field(page, '現在のパスワード').fill(member.password);
    await shot(page, 'mypage-profile-edit.png', { fullPage: true });
    await page.getByRole('button', { name: '変更を保存する' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'SMS（携帯電話）' }).isVisible()).toBe(true);
    expect(await field(page, '現在のパスワード').count()).toBe(0);

    // The email changes only when the link sent to the new address is opened; the old one is told.
    await field(page, '新しいメールアドレス').fill('hanako.new@example.jp');
    await page.getByRole('button', { name: '確認メールを送る' }).click();
    await expect
      .poll(() =>
        page.getByText('hanako.new@example.jp 宛に確認メールを送信しました', { exact: false }).isVisible(),
      )
      .toBe(true);
    await mailTo(smtp, member.email, 'メールアドレス変更のお申し込み', 1);
    const changeMail = await mailTo(smtp, 'hanako.new@example.jp', '新しいメールアドレスの確認', 1);
    const changeLink = /https?:\/\/\S+\/mypage\/email-change\/confirm\?token=[A-Za-z0-9_%-]+/.exec(
      changeMail.text,
    )![0];
    await page.goto(changeLink);
    await expect
      .poll(() => page.getByRole('heading', { name: 'メールアドレスを変更しました' }).isVisible())
      .toBe(true);
    await shot(page, 'mypage-email-changed.png', { fullPage: true });
    await page.getByRole('link', { name: '会員情報へ戻る' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'hanako.new@example.jp' }).isVisible()).toBe(true);

    // The documents the member agreed to are published pages.
    await page.goto(`${baseUrl}/terms/privacy`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'プライバシーポリシー' }).isVisible())
      .toBe(true);
    await shot(page, 'terms-privacy.png', { fullPage: true });
    await page.goto(`${baseUrl}/mypage/profile`);
    await expect.poll(() => page.getByRole('cell', { name: 'hanako.new@example.jp' }).isVisible()).toBe(true);

    // The store's header offers My Page to a member instead of sign-in and registration.
    await page.getByRole('link', { name: 'ストア', exact: true }).click();
    await expect
      .poll(() => page.getByRole('link', { name: 'マイページ', exact: true }).first().isVisible())
      .toBe(true);
    expect(await page.getByRole('link', { name: 'ログイン', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'マイページ', exact: true }).first().click();

    await expect.poll(() => page.getByText(`${member.name} 様、ようこそ。`).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect
      .poll(() => page.getByText('ログインするとご契約・ご注文・ご請求を確認できます').isVisible())
      .toBe(true);

    // A fresh load asks the server again: the session is really gone.
    await page.goto(`${baseUrl}/mypage`);
    await expect
      .poll(() => page.getByText('ログインするとご契約・ご注文・ご請求を確認できます').isVisible())
      .toBe(true);
    expect(await page.getByText(member.name).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'ログイン', exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '会員登録', exact: true }).first().isVisible()).toBe(true);
    await shot(page, 'mypage-signed-out.png', { fullPage: true });
  });
});

describe('registration errors in English', () => {
  it('shows each server error next to its field, in English', async () => {
    // A login ID to collide with, registered straight through the API as another browser would.
    const taken = await fetch(`${baseUrl}/api/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({
        ...member,
        loginId: 'taken.id',
        email: 'taken@example.jp',
        memberKind: 'individual',
        postalCode: '100-0005',
        prefecture: '東京都',
        city: '千代田区',
        street: '丸の内1-1-1',
        phone: '03-1234-5678',
        secondFactorChannel: 'email',
        marketingOptIn: false,
        termsVersion: '2026-04-01',
        privacyPolicyVersion: '2026-04-01',
      }),
    });
    expect(taken.status).toBe(201);

    watch.tolerated = [/status of 422/, /status of 409/];
    const page = await watch.open();
    await page.goto(`${baseUrl}/register`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Register' }).isVisible()).toBe(true);

    await field(page, 'Login ID').fill('Taken.ID');
    await field(page, 'Password').fill('alllowercase1');
    await field(page, 'Name').fill('Hanako Yamada');
    await field(page, 'Name in katakana').fill('ヤマダ ハナコ');
    await field(page, 'Email address').fill('weak@example.jp');
    await field(page, 'Postal code').fill('100-0005');
    await expect.poll(() => field(page, 'Prefecture').inputValue()).toBe('東京都');
    await field(page, 'Street and number').fill('丸の内1-1-1');
    await field(page, 'Phone number').fill('03-1234-5678');
    await page.getByLabel('I agree to the terms of use').check();
    await page.getByLabel('I agree to the privacy policy').check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();

    const missing = 'The password must contain an upper-case letter.';
    await expect.poll(() => describedBy(page, 'Password')).toContain(missing);
    await shot(page, 'register-errors-en.png', { fullPage: true });

    await field(page, 'Password').fill(member.password);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect.poll(() => describedBy(page, 'Login ID')).toContain('This login ID is already taken.');
    expect(await describedBy(page, 'Password')).not.toContain(missing);
    await shot(page, 'register-taken-en.png', { fullPage: true });
  });
});
