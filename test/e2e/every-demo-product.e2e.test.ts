// Browser test of the whole demo catalog: one member orders each of the four demo products through the store's pages (two in Japanese, two in English), then the provider confirms a start through its API and the member sees it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/domain/calendar.js';
import { fullRegistration } from '../helpers/registration.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  fontsSettled,
  launchBrowser,
  mailTo,
  PageWatch,
  postJson,
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
  loginId: 'hanako.demo',
  password: 'Kei-yaku2026!',
  name: '鈴木 花子',
  nameKana: 'スズキ ハナコ',
  email: 'hanako.demo@example.jp',
};

/** The order numbers placed, by product slug, for the list and the provider steps. */
const placed: Record<string, string> = {};

/** Waits for the `nth` mail (1-based) to this address whose subject matches. */
function mail(to: string, subject: string | RegExp, nth = 1): Promise<ReceivedMail> {
  return mailTo(smtp, to, subject, nth);
}

function post(path: string, body: unknown): Promise<Response> {
  return postJson(baseUrl, path, body);
}

let codeMails = 0;

async function shot(page: Page, name: string): Promise<void> {
  await fontsSettled(page);
  await page.screenshot({ path: join(screenshotDir, name), fullPage: true });
}

type Lang = 'ja' | 'en';
const words = {
  ja: {
    loginId: 'ログインID',
    password: 'パスワード',
    next: '次へ',
    term: '契約期間',
    added: 'カートに入れました',
    addedTrial: '無料トライアルをカートに入れました',
    addToCart: 'カートに入れる',
    viewCart: 'カートを見る',
    proceed: 'ご注文手続きへ進む',
    toConfirmation: '確認画面へ進む',
    placeOrder: '注文を実行する',
    toOrder: 'マイページでご注文を見る',
    bankTransfer: '銀行振込',
    received: '受付済',
  },
  en: {
    loginId: 'Login ID',
    password: 'Password',
    next: 'Next',
    term: 'Term',
    added: 'Added to the cart',
    addedTrial: 'The free trial is in the cart',
    addToCart: 'Add to cart',
    viewCart: 'View the cart',
    proceed: 'Proceed to checkout',
    toConfirmation: 'Continue to confirmation',
    placeOrder: 'Place the order',
    toOrder: 'See the order on My Page',
    bankTransfer: 'Bank transfer',
    received: 'Received',
  },
} as const;

/** Opens a page in the language and signs the member in with the mailed code. */
async function signedInPage(lang: Lang): Promise<Page> {
  const w = words[lang];
  const page = await watch.open({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}/login`);
  if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel(new RegExp(`^${w.loginId}\\s*\\*?$`)).fill(member.loginId);
  await page.getByLabel(new RegExp(`^${w.password}\\s*\\*?$`)).fill(member.password);
  await page.getByRole('button', { name: w.next }).click();
  await expect.poll(() => page.locator('#sign-in-code-1').isVisible()).toBe(true);
  codeMails += 1;
  const text = (await mail(member.email, /ログイン確認コード|sign-in code/i, codeMails)).text;
  await page.locator('#sign-in-code-1').click();
  await page.keyboard.type(/(?:コード|code is): (\d{6})/.exec(text)?.[1] ?? '');
  await expect.poll(() => new URL(page.url()).pathname).toBe('/mypage');
  return page;
}

interface OrderSpec {
  slug: string;
  lang: Lang;
  /** On the product page: choose the plan, term and options, then put it in the cart. */
  choose(page: Page): Promise<void>;
  /** On the checkout page: the product's order fields and, where asked, the payment method. */
  fill(page: Page): Promise<void>;
  /** The per-rate row of the confirmation (tax-exclusive amount / tax), or null for a ¥0 trial. */
  rateRow: string | null;
  /** Receipt mail lines that must appear (the mail is in the member's language, Japanese). */
  receipt: string[];
}

/** Orders one product through the product page, the cart, checkout and the confirmation; returns the order number. */
async function order(spec: OrderSpec): Promise<string> {
  const w = words[spec.lang];
  const page = await signedInPage(spec.lang);
  await page.goto(`${baseUrl}/products/${spec.slug}`);
  await expect.poll(() => page.getByRole('button', { name: w.addToCart }).isVisible()).toBe(true);
  await spec.choose(page);
  await page.getByRole('link', { name: w.viewCart }).click();
  await expect.poll(() => page.getByTestId('cart-item').count()).toBe(1);
  await page.getByRole('button', { name: w.proceed }).click();
  await expect.poll(() => page.getByTestId('checkout-line').count()).toBe(1);
  await spec.fill(page);
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await shot(page, `every-${spec.slug}-checkout-${spec.lang}.png`);
  await page.getByRole('button', { name: w.toConfirmation }).click();
  await expect.poll(() => page.getByRole('button', { name: w.placeOrder }).isVisible()).toBe(true);
  if (spec.rateRow) expect(await page.getByText(spec.rateRow).first().isVisible()).toBe(true);
  await shot(page, `every-${spec.slug}-confirmation-${spec.lang}.png`);
  await page.getByRole('button', { name: w.placeOrder }).click();
  await expect.poll(() => page.getByTestId('order-number').isVisible()).toBe(true);
  const number = /K\d{4}-\d{6}/.exec((await page.getByTestId('order-number').textContent()) ?? '')?.[0];
  expect(number).toBeDefined();

  const receipt = await mail(member.email, number!);
  // Mails go in the member's language (Japanese, chosen at registration), whichever language the pages show.
  expect(receipt.text).toContain(`注文番号: ${number}`);
  for (const line of spec.receipt) expect(receipt.text).toContain(line);

  await page.getByRole('link', { name: w.toOrder }).click();
  await expect.poll(() => page.getByTestId('order-line').count()).toBe(1);
  expect(await page.getByText(w.received).first().isVisible()).toBe(true);
  await shot(page, `every-${spec.slug}-order-${spec.lang}.png`);
  placed[spec.slug] = number!;
  return number!;
}

/** An admin API client: the demo owner signed in with the mailed code, its cookies kept. */
async function operatorFetch(): Promise<(path: string, init?: RequestInit) => Promise<Response>> {
  const owner = JSON.parse(await readFile(join(server.dataDir, 'demo-operator.json'), 'utf8'));
  const cookies = new Map<string, string>();
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        origin: baseUrl,
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  const signIn = await call('/api/admin/sessions', {
    method: 'POST',
    body: JSON.stringify({ loginId: owner.loginId, password: owner.password }),
  });
  expect(signIn.status).toBe(202);
  let codeMail: ReceivedMail | undefined;
  await expect
    .poll(() => (codeMail = smtp.received.find((m) => m.subject.includes('管理画面ログイン確認コード'))))
    .toBeDefined();
  const code = /ログイン確認コード: (\d{6})/.exec(codeMail?.text ?? '')?.[1] ?? '';
  const verified = await call('/api/admin/sessions/verify-code', {
    method: 'POST',
    body: JSON.stringify({ code }),
  });
  expect(verified.status).toBe(200);
  return call;
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  watch = new PageWatch(browser);
  const registration = fullRegistration({
    ...member,
    memberKind: 'corporate',
    companyName: '株式会社すずき設計',
    department: '総務部',
  });
  expect((await post('/api/members', registration)).status).toBe(201);
  const link = await mail(member.email, 'メールアドレスの確認');
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

describe('every demo product, ordered in the browser', () => {
  it('orders the cloud server as its free trial, in English', async () => {
    watch.tolerated = [/status of 401/];
    await order({
      slug: 'cloud-server',
      lang: 'en',
      async choose(page) {
        await page.getByRole('button', { name: 'Try free for 30 days' }).click();
        await expect.poll(() => page.getByText(words.en.addedTrial).isVisible()).toBe(true);
      },
      async fill(page) {
        await page.getByLabel(/^Host name/).fill('web01.suzuki-sekkei.example.jp');
        await page.getByRole('textbox', { name: /^OS image/ }).click();
        await page.getByRole('option', { name: 'Ubuntu 24.04 LTS' }).click();
      },
      rateRow: null,
      receipt: ['けいやくクラウド 仮想サーバー', '合計（初回・税込）: ¥0'],
    });
  });

  it('orders the groupware as its 30-day trial, in Japanese', async () => {
    watch.tolerated = [/status of 401/];
    await order({
      slug: 'mirai-groupware',
      lang: 'ja',
      async choose(page) {
        await page.getByRole('button', { name: '30日間無料で試す' }).click();
        await expect.poll(() => page.getByText(words.ja.addedTrial).isVisible()).toBe(true);
      },
      async fill(page) {
        await page.getByLabel(/^ご利用ドメイン/).fill('suzuki-sekkei.example.jp');
        await page.getByLabel(/^管理者メールアドレス/).fill('it@suzuki-sekkei.example.jp');
      },
      rateRow: null,
      receipt: ['ミライ グループウェア', '合計（初回・税込）: ¥0'],
    });
  });

  it('orders the rental server for 12 months with an SSL certificate by bank transfer, in English', async () => {
    watch.tolerated = [/status of 401/];
    await order({
      slug: 'rental-server-x10',
      lang: 'en',
      async choose(page) {
        await page.getByRole('textbox', { name: 'Term' }).click();
        await page.getByRole('option', { name: '12 months' }).click();
        await page.getByLabel(/SSL certificate \(domain validated\)/).check();
        // 12 months ¥13,200 + SSL ¥500 × 12 = ¥19,200 a term; set-up ¥3,000 once.
        await expect.poll(() => page.getByText('¥19,200 / Tax ¥1,920').first().isVisible()).toBe(true);
        await shot(page, 'every-rental-server-x10-product-en.png');
        await page.getByRole('button', { name: words.en.addToCart }).click();
        await expect.poll(() => page.getByText(words.en.added).isVisible()).toBe(true);
      },
      async fill(page) {
        await page.getByLabel(/^Domain you will use/).fill('suzuki-sekkei.example.jp');
        await page.getByLabel(/^Server ID/).fill('suzuki-web');
        await page.getByRole('radio', { name: words.en.bankTransfer }).check();
      },
      // ¥19,200 + ¥3,000 set-up = ¥22,200, tax ¥2,220.
      rateRow: '¥22,200 / Tax ¥2,220',
      receipt: [
        '独自SSL（クイック認証）',
        '小計（税抜）: ¥22,200',
        '消費税: ¥2,220',
        '合計（初回・税込）: ¥24,420',
        'お支払い方法: 銀行振込',
      ],
    });
  });

  it('orders the desktop accounting package for 12 months with the payroll option by bank transfer, in Japanese', async () => {
    watch.tolerated = [/status of 401/];
    await order({
      slug: 'mirai-accounting-desktop',
      lang: 'ja',
      async choose(page) {
        await page.getByRole('textbox', { name: '契約期間' }).click();
        await page.getByRole('option', { name: '12ヶ月' }).click();
        await page.getByLabel(/給与連携オプション/).check();
        // Package 12 months ¥24,000 + payroll ¥5,400 = ¥29,400, tax ¥2,940.
        await expect.poll(() => page.getByText('¥29,400 / 消費税 ¥2,940').first().isVisible()).toBe(true);
        await shot(page, 'every-mirai-accounting-desktop-product-ja.png');
        await page.getByRole('button', { name: words.ja.addToCart }).click();
        await expect.poll(() => page.getByText(words.ja.added).isVisible()).toBe(true);
      },
      async fill(page) {
        await page.getByLabel(/^製品登録番号/).fill('1234-5678-9012');
        await page.getByLabel(/^インストールキー/).fill('MIRAI-KEY-2026');
        await page.getByRole('radio', { name: words.ja.bankTransfer }).check();
      },
      rateRow: '¥29,400 / 消費税 ¥2,940',
      receipt: [
        'ミライ会計 Desktop 基本使用サービス',
        '給与連携オプション',
        '小計（税抜）: ¥29,400',
        '消費税: ¥2,940',
        '合計（初回・税込）: ¥32,340',
        'お支払い方法: 銀行振込',
      ],
    });
  });

  it('lists all four orders on My Page', async () => {
    watch.tolerated = [/status of 401/];
    const page = await signedInPage('ja');
    await page.goto(`${baseUrl}/mypage/orders`);
    for (const number of Object.values(placed)) {
      await expect.poll(() => page.getByRole('link', { name: number }).count()).toBe(1);
    }
    expect(Object.keys(placed)).toHaveLength(4);
    await shot(page, 'every-orders-ja.png');
  });

  it('lets mirai-soft confirm its accounting line with a key an operator issued, and the member sees the start', async () => {
    const admin = await operatorFetch();
    const providers = (await (await admin('/api/admin/catalog/providers')).json()) as {
      providers: { id: string; slug: string }[];
    };
    const mirai = providers.providers.find((p) => p.slug === 'mirai-soft')!;
    const issued = await admin(`/api/admin/catalog/providers/${mirai.id}/api-keys`, {
      method: 'POST',
      body: JSON.stringify({ label: '本番連携' }),
    });
    expect(issued.status).toBe(201);
    const { key } = (await issued.json()) as { key: string };
    const provider = (path: string, init: RequestInit = {}) =>
      fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      });

    // Its own requests only: the groupware trial and the accounting package, not the store's two.
    const listed = await provider('/api/provider/provisioning-requests?status=received');
    expect(listed.status).toBe(200);
    const { requests } = (await listed.json()) as {
      requests: {
        orderLineId: string;
        payload: { orderNumber: string; orderFields: Record<string, string>; line: { plan: string } };
      }[];
    };
    expect(requests.map((r) => r.payload.orderNumber).sort()).toEqual(
      [placed['mirai-groupware'], placed['mirai-accounting-desktop']].sort(),
    );
    const accounting = requests.find((r) => r.payload.orderNumber === placed['mirai-accounting-desktop'])!;
    expect(accounting.payload.line.plan).toBe('package');
    expect(accounting.payload.orderFields).toEqual({
      registration_number: '1234-5678-9012',
      install_key: 'MIRAI-KEY-2026',
    });

    // A business day a week or more ahead (the store's calendar: weekends and holidays skipped).
    const today = Temporal.Now.plainDateISO('Asia/Tokyo');
    const startDate = new BusinessCalendar().nextBusinessDay(today.add({ days: 7 })).toString();
    const started = await provider(`/api/provider/order-lines/${accounting.orderLineId}/start`, {
      method: 'POST',
      body: JSON.stringify({ serviceStartDate: startDate }),
    });
    expect(started.status).toBe(200);
    expect(await started.json()).toEqual({
      orderLineId: accounting.orderLineId,
      status: 'started',
      serviceStartDate: startDate,
    });

    const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
    const jaDate = `${y}年${m}月${d}日`;
    const startMail = await mail(member.email, 'サービス提供開始のお知らせ');
    expect(startMail.subject).toContain(placed['mirai-accounting-desktop']);
    expect(startMail.text).toContain(`提供開始日: ${jaDate}`);
    expect(startMail.text).toContain('商品: ミライ会計 Desktop 基本使用サービス');

    watch.tolerated = [/status of 401/];
    const page = await signedInPage('ja');
    await page.goto(`${baseUrl}/mypage/orders`);
    await page.getByRole('link', { name: placed['mirai-accounting-desktop'] }).click();
    await expect.poll(() => page.getByTestId('order-line').count()).toBe(1);
    await expect.poll(() => page.getByText('提供開始', { exact: true }).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText(jaDate, { exact: false }).first().isVisible()).toBe(true);
    // The timeline says the start on its date, as the page writes dates, and not how the provider was asked.
    await expect
      .poll(() => page.getByTestId('order-line').getByText(`サービス開始日: ${jaDate}`).isVisible())
      .toBe(true);
    expect(await page.getByText(jaDate, { exact: true }).count()).toBe(1);
    expect(await page.getByText(/^(mail|webhook)$/).count()).toBe(0);
    await shot(page, 'every-mirai-accounting-desktop-started-ja.png');
  });
});
