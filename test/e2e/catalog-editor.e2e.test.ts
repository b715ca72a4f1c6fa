// Browser test of the admin catalog editor: the owner registers a provider and a document, creates a product with a plan, an option and an order field, publishes it, sees it priced in the store, and changes a price.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  fontsSettled,
  freshDataDir,
  launchBrowser,
  PageWatch,
  type RunningServer,
  screenshotDir,
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

async function shot(page: Page, name: string): Promise<void> {
  await fontsSettled(page);
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.screenshot({ path: join(screenshotDir, name) });
  await page.setViewportSize(viewport);
}

/** The input labelled exactly so (Mantine adds " *" to required ones). */
function field(scope: Page | ReturnType<Page['locator']>, label: string) {
  return scope.getByLabel(new RegExp(`^${label}\\s*\\*?$`));
}

async function waitForMail(match: (m: ReceivedMail) => boolean) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = smtp.received.find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('the expected mail did not arrive');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the catalog editor in the admin console', () => {
  it('creates a provider and a product, publishes it, and the store shows its prices before and after a change', async () => {
    server = await startServer({ SMTP_URL: smtp.url }, { dataDir });
    const baseUrl = server.baseUrl;
    const owner = JSON.parse(await readFile(join(dataDir, 'demo-operator.json'), 'utf8'));

    const page = await watch.open({ width: 1280, height: 900 });
    // Two saves are refused on purpose (a bad address, a taken slug); Chromium logs those answers as console errors.
    watch.tolerated.push(/status of (409|422)/);
    await page.goto(`${baseUrl}/admin/login`);
    await field(page, '運営者ログインID').fill(owner.loginId);
    await field(page, 'パスワード').fill(owner.password);
    await page.getByRole('button', { name: '次へ' }).click();
    const codeMail = await waitForMail((m) => m.subject.includes('管理画面ログイン確認コード'));
    await page.locator('#operator-code-1').click();
    await page.keyboard.type(/ログイン確認コード: (\d{6})/.exec(codeMail.text)?.[1] ?? '');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin');

    // The product list: the demo catalog, searchable.
    await page.getByRole('navigation').getByRole('link', { name: '商品カタログ' }).first().click();
    await expect.poll(() => page.getByText('4 件の商品').isVisible()).toBe(true);
    await field(page, '商品を検索').fill('レンタル');
    await expect.poll(() => page.getByText('1 件の商品').isVisible()).toBe(true);
    await field(page, '商品を検索').fill('');
    await shot(page, 'catalog-editor-products-ja.png');

    // A provider: a bad address is marked on its field, then the provider is registered.
    await page.getByRole('tab', { name: '提供元' }).click();
    const providerForm = page.getByRole('region', { name: '提供元を登録' });
    await field(providerForm, 'URL名').fill('e2e-partner');
    await field(providerForm, '名称（日本語）').fill('イーツーイー株式会社');
    await field(providerForm, '名称（英語）').fill('E2E Partner K.K.');
    await field(providerForm, '連絡先メールアドレス').fill('not-an-address');
    await providerForm.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => providerForm.getByText('形式が正しくありません。').isVisible()).toBe(true);
    expect(await field(providerForm, '連絡先メールアドレス').getAttribute('aria-invalid')).toBe('true');
    await field(providerForm, '連絡先メールアドレス').fill('ops@e2e-partner.example');
    await providerForm.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => page.getByRole('cell', { name: /イーツーイー株式会社/ }).isVisible()).toBe(true);
    await shot(page, 'catalog-editor-providers-ja.png');
    // The new provider's keys and webhook are one click away; the store itself has none to manage.
    expect(await page.getByRole('link', { name: 'APIキーとWebhook: keiyaku', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'APIキーとWebhook: e2e-partner', exact: true }).click();
    await expect.poll(() => page.getByRole('region', { name: 'APIキー' }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/catalog\/providers\/[^/]+\/connection$/);
    await page.goBack();
    await expect.poll(() => page.getByRole('cell', { name: /イーツーイー株式会社/ }).isVisible()).toBe(true);

    // A document with its Markdown preview.
    await page.getByRole('tab', { name: '規約' }).click();
    await page.getByRole('button', { name: '規約を追加' }).click();
    const documentForm = page.getByRole('region', { name: '規約を追加' });
    await field(documentForm, 'キー').fill('e2e-terms');
    await field(documentForm, '版').fill('2026-04');
    await field(documentForm, '表題（日本語）').fill('イーツーイー利用規約');
    await field(documentForm, '表題（英語）').fill('E2E terms');
    await documentForm
      .getByLabel('本文（日本語）', { exact: true })
      .fill('# 第1条\n\n- 本サービスは試験用です。');
    await documentForm.getByText('プレビュー').first().click();
    await expect.poll(() => documentForm.getByRole('heading', { name: '第1条' }).isVisible()).toBe(true);
    await shot(page, 'catalog-editor-document-ja.png');
    await documentForm.getByRole('button', { name: 'この版を公開する' }).click();
    await expect.poll(() => page.getByRole('cell', { name: /イーツーイー利用規約/ }).isVisible()).toBe(true);

    // A new product with a plan of two terms, an option and an order field.
    await page.getByRole('tab', { name: '商品' }).click();
    await page.getByRole('link', { name: '商品を追加' }).click();
    await field(page, '商品名（日本語）').fill('イーツーイー監視');
    await field(page, '商品名（英語）').fill('E2E Monitoring');
    // The demo's rental server holds this slug: the server refuses and the editor marks the field.
    await field(page, 'URL名').fill('rental-server-x10');
    await field(page, '提供元').selectOption({ label: 'イーツーイー株式会社' });
    await field(page, 'カテゴリ').fill('infrastructure');
    await field(page, '概要（日本語）').fill('サーバーの死活監視');
    await page.getByLabel('商品説明（日本語）', { exact: true }).fill('## 特長\n\n- 1分ごとに監視');
    await page.getByRole('region', { name: '販売条件' }).getByRole('textbox', { name: '商品の規約' }).click();
    await page.getByRole('option', { name: 'e2e-terms' }).click();
    await page.keyboard.press('Escape');
    const plan = page.getByRole('region', { name: /^プラン: / });
    await field(plan, 'コード').fill('standard');
    await field(plan, '名称（日本語）').fill('スタンダード');
    await field(plan, '名称（英語）').fill('Standard');
    await plan.getByLabel('料金 monthly').fill('3000');
    await plan.getByRole('button', { name: '契約期間を追加' }).click();
    await plan.getByLabel('契約期間 2').fill('12m');
    await plan.getByLabel('料金 12m').fill('33000');

    await page.getByRole('button', { name: 'オプションを追加' }).click();
    const option = page.getByRole('region', { name: /^オプション: / });
    await field(option, 'コード').fill('sms-alert');
    await field(option, '名称（日本語）').fill('SMS通知');
    await field(option, '名称（英語）').fill('SMS alerts');
    await option.getByLabel('スタンダード / monthly', { exact: true }).check();

    await page.getByRole('button', { name: '入力項目を追加' }).click();
    const orderField = page.getByRole('region', { name: /^入力項目: / });
    await field(orderField, 'キー').fill('target_host');
    await field(orderField, '項目名（日本語）').fill('監視するホスト名');
    await field(orderField, '項目名（英語）').fill('Host to monitor');
    await field(orderField, '種類').selectOption('hostname');
    await orderField.getByLabel('入力必須').check();

    // The option's price is still empty: the server names options.0.offers.0.price and the editor marks that input.
    await page.getByRole('button', { name: '下書きとして作成' }).click();
    await expect.poll(() => page.getByText('1 か所の入力を確認してください').isVisible()).toBe(true);
    const optionPrice = option.getByLabel('料金 スタンダード / monthly');
    expect(await optionPrice.getAttribute('aria-invalid')).toBe('true');
    expect(await option.getByText('入力してください。').isVisible()).toBe(true);
    await shot(page, 'catalog-editor-product-errors-ja.png');
    await optionPrice.fill('500');
    await page.getByRole('button', { name: '下書きとして作成' }).click();
    await expect
      .poll(() => page.getByText('URL名「rental-server-x10」はすでに使われています。').first().isVisible())
      .toBe(true);
    expect(await field(page, 'URL名').getAttribute('aria-invalid')).toBe('true');
    await field(page, 'URL名').fill('e2e-monitoring');
    await page.getByRole('button', { name: '下書きとして作成' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/admin\/catalog\/products\/.+/);
    await expect.poll(() => page.getByText('下書きとして作成しました。').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('下書き', { exact: true }).first().isVisible()).toBe(true);
    await shot(page, 'catalog-editor-product-ja.png');

    // Publishing asks first.
    await page.getByRole('button', { name: '公開する' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText(/「イーツーイー監視」を公開します/).isVisible()).toBe(true);
    // The modal fades in: wait until its transition has ended, or the screenshot catches it half drawn.
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'catalog-editor-publish-ja.png') });
    await dialog.getByRole('button', { name: '公開する' }).click();
    await expect.poll(() => page.getByText('公開中', { exact: true }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('link', { name: 'ストアの商品ページを開く' }).isVisible())
      .toBe(true);

    // The store lists it from its cheapest month (33,000 / 12 = 2,750), before and with 10 % tax.
    const store = await page.context().newPage();
    await store.goto(`${baseUrl}/products?q=${encodeURIComponent('イーツーイー')}`);
    await expect.poll(() => store.getByRole('link', { name: 'イーツーイー監視' }).isVisible()).toBe(true);
    expect(await store.getByText('月あたり ¥2,750〜（税込 ¥3,025〜）').isVisible()).toBe(true);
    await store.getByRole('link', { name: 'イーツーイー監視' }).click();
    await expect.poll(() => store.getByRole('heading', { name: '特長' }).isVisible()).toBe(true);
    expect(await store.getByText('SMS通知', { exact: false }).first().isVisible()).toBe(true);

    // A new monthly price reaches the store.
    await page
      .getByRole('region', { name: /^プラン: / })
      .getByLabel('料金 monthly')
      .fill('2500');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByText('保存しました。').isVisible()).toBe(true);
    await store.goto(`${baseUrl}/products?q=${encodeURIComponent('イーツーイー')}`);
    await expect.poll(() => store.getByText('月あたり ¥2,500〜（税込 ¥2,750〜）').isVisible()).toBe(true);
    await store.close();

    // The same pages in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Edit product' }).isVisible()).toBe(true);
    expect(await page.getByText('Published', { exact: true }).isVisible()).toBe(true);
    await shot(page, 'catalog-editor-product-en.png');
    await page.goto(`${baseUrl}/admin/catalog`);
    await expect.poll(() => page.getByText('5 products').isVisible()).toBe(true);
    await shot(page, 'catalog-editor-products-en.png');
    await page.getByRole('tab', { name: 'Providers' }).click();
    await expect.poll(() => page.getByRole('cell', { name: /E2E Partner K\.K\./ }).isVisible()).toBe(true);
    await shot(page, 'catalog-editor-providers-en.png');
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByRole('button', { name: 'Publish a new version: e2e-terms' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'New version of "e2e-terms"' }).isVisible())
      .toBe(true);
    await shot(page, 'catalog-editor-document-en.png');
  });
});
