// Browser test of the web app shell against the real server: the three areas, both languages, no CSP errors.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StoreProfile } from '../../web/src/api/store';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

let dataDir: string;
let server: ChildProcess;
let serverOutput = '';
let baseUrl: string;
let browser: Browser;
let store: StoreProfile;

/** Asks the OS for a port nobody uses, then frees it for the server. */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}

/** Runs a command to completion, failing with its output if it does not succeed. */
async function run(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`);
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`the server exited with ${server.exitCode} before it was ready:\n${serverOutput}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms (${last}):\n${serverOutput}`);
}

beforeAll(async () => {
  // The server serves dist/web: build it from the sources under test, not whatever was built last.
  await run(process.execPath, [
    join(repoRoot, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'web/vite.config.ts',
  ]);

  dataDir = await mkdtemp(join(tmpdir(), 'keiyaku-e2e-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    serverOutput += chunk.toString();
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  await waitUntilReady(`${baseUrl}/readyz`, 60_000);

  const response = await fetch(`${baseUrl}/api/store`);
  expect(response.status).toBe(200);
  store = (await response.json()) as StoreProfile;

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Problems the page reported: console errors (CSP refusals among them), uncaught errors, CSP events. */
let problems: string[] = [];
/** Messages a test provokes on purpose; reset after each test. */
let tolerated: RegExp[] = [];
let context: BrowserContext | undefined;

async function openPage(options: { width?: number; height?: number } = {}): Promise<Page> {
  context = await browser.newContext({
    locale: 'ja-JP',
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
  });
  // Init scripts are injected by the browser, so the page's CSP does not stop this listener.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() !== 'error' || tolerated.some((pattern) => pattern.test(text))) return;
    problems.push(`console error on ${page.url()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
  return page;
}

/** Waits until the bundled web fonts have loaded, so screenshots show Noto Sans JP and not a fallback. */
async function fontsSettled(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family);
  });
}

/** Where an element sits across the viewport's left edge: a collapsed navbar slides out, it is not hidden. */
async function placement(locator: Locator): Promise<'inside' | 'outside' | 'sliding'> {
  const box = await locator.boundingBox();
  if (box === null || box.x + box.width <= 0) return 'outside';
  return box.x >= 0 ? 'inside' : 'sliding';
}

afterEach(async () => {
  await context?.close();
  context = undefined;
  const seen = problems;
  problems = [];
  tolerated = [];
  expect(seen).toEqual([]);
});

describe('web app shell', () => {
  it('serves the app under a Content-Security-Policy', async () => {
    const response = await fetch(`${baseUrl}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    // Without a policy the "no CSP violation" checks below would pass for the wrong reason.
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('shows the store home in Japanese with the name and contact from the API', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: store.name }).isVisible()).toBe(true);
    expect(await page.getByText(store.email).first().isVisible()).toBe(true);
    expect(await page.getByText(`© ${store.name}`).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '商品一覧' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await fontsSettled(page)).toContain('Noto Sans JP');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Noto Sans JP/);
    await page.screenshot({ path: join(screenshotDir, 'store.png'), fullPage: true });

    await page.getByRole('link', { name: '商品一覧' }).click();
    await expect.poll(() => page.getByText('公開中の商品はまだありません').isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/products');
  });

  it('shows My Page with its sections and the sign-in notice', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/mypage`);
    await expect
      .poll(() => page.getByText('ログインするとご契約・ご注文・ご請求を確認できます').isVisible())
      .toBe(true);
    for (const section of ['ご契約', 'ご注文', 'ご請求', '会員情報']) {
      expect(await page.getByRole('link', { name: section, exact: true }).isVisible()).toBe(true);
    }
    await expect.poll(() => page.getByText(store.email).isVisible()).toBe(true);
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'mypage.png'), fullPage: true });

    await page.getByRole('link', { name: 'ご請求', exact: true }).click();
    await expect
      .poll(() => page.getByText('ご請求の内容は、ログイン後にここに表示されます').isVisible())
      .toBe(true);
  });

  it('shows the admin console asking for an operator sign-in', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/admin`);
    await expect.poll(() => page.getByText('運営者としてサインインしてください').isVisible()).toBe(true);
    expect(await page.getByText('運営者アカウントが必要です', { exact: false }).isVisible()).toBe(true);
    for (const section of ['ダッシュボード', '会員', 'メールボックス']) {
      expect(await page.getByRole('link', { name: section, exact: true }).isVisible()).toBe(true);
    }
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'admin.png'), fullPage: true });

    await page.getByRole('link', { name: 'メールボックス', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'メールボックス' }).isVisible())
      .toBe(true);
    expect(await page.getByText('運営者としてサインインしてください').isVisible()).toBe(true);
  });

  it('switches to English, keeps it on the next page loads, and switches back', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: store.name }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'Products' }).isVisible()).toBe(true);
    expect(await page.getByText('Contact', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '日本語' }).isVisible()).toBe(true);
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'store-en.png'), fullPage: true });

    await page.goto(`${baseUrl}/mypage`);
    await expect
      .poll(() => page.getByText('Sign in to see your contracts, orders and invoices').isVisible())
      .toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.goto(`${baseUrl}/admin`);
    await expect.poll(() => page.getByText('Please sign in as an operator').isVisible()).toBe(true);

    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => page.getByText('運営者としてサインインしてください').isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
  });

  it('explains a failed store request in the current language and recovers on retry', async () => {
    // The browser logs each refused request; those are the failure this test asks for.
    tolerated = [/status of 503/];
    const page = await openPage();
    await page.route('**/api/store', (route) => route.fulfill({ status: 503, body: '' }));
    await page.goto(`${baseUrl}/`);
    await expect.poll(() => page.getByText('ストア情報を読み込めませんでした').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByText('Store information could not be loaded').isVisible()).toBe(true);
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'store-error-en.png') });

    await page.unroute('**/api/store');
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: store.name }).isVisible()).toBe(true);
  });

  it('shows a 404 page inside the layout for an unknown client route', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/mypage/no-such-page`);
    await expect.poll(() => page.getByText('ページが見つかりません').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'トップへ戻る' }).click();
    await expect
      .poll(() => page.getByText('ログインするとご契約・ご注文・ご請求を確認できます').isVisible())
      .toBe(true);
  });

  it('opens and closes the navigation on a phone-sized screen', async () => {
    const page = await openPage({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/mypage`);
    const contracts = page.getByRole('link', { name: 'ご契約', exact: true });
    await expect
      .poll(() => page.getByText('ログインするとご契約・ご注文・ご請求を確認できます').isVisible())
      .toBe(true);
    expect(await placement(contracts)).toBe('outside');

    await page.getByRole('button', { name: 'メニューを開く' }).click();
    await expect.poll(() => placement(contracts)).toBe('inside');
    await fontsSettled(page);
    await page.screenshot({ path: join(screenshotDir, 'mypage-phone-menu.png') });

    await contracts.click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'ご契約' }).isVisible()).toBe(true);
    await expect.poll(() => placement(contracts)).toBe('outside');
  });
});
