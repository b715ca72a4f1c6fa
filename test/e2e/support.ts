// Shared pieces of the browser tests: the real server as a child process, Chromium, a page that records problems, and the steps every journey repeats (screenshots, fields, mails, sign-ins).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ReceivedMail, SmtpSink } from '../helpers/smtp-sink';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

/** Asks the OS for a port nobody uses, then frees it for the server. */
export async function freePort(): Promise<number> {
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
export async function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

/**
 * Builds dist/web and dist/server from the sources under test, not whatever was built last; the web app
 * as `npm run build` does, in production mode (Vitest sets NODE_ENV=test, which would give Vite React's
 * development build).
 */
export async function buildWebApp(): Promise<void> {
  await run(
    process.execPath,
    [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
    { ...process.env, NODE_ENV: 'production' },
  );
  // The server runs compiled, as `npm start` runs it.
  await run(process.execPath, [join(repoRoot, 'scripts/build-server.mjs')]);
}

export interface RunningServer {
  baseUrl: string;
  /** The server's DATA_DIR (the embedded database, demo-operator.json). */
  dataDir: string;
  /** Everything the server wrote, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A fresh, empty data folder for a server; whoever asks for one removes it. */
export async function freshDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'keiyaku-e2e-'));
}

/**
 * Starts `keiyaku start` on a free port, with extra environment, and waits until ready. Without `dataDir`
 * it runs on a fresh data folder that `stop` removes; a given `dataDir` is kept, so a second server can
 * start on the same store.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: { dataDir?: string } = {},
): Promise<RunningServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await freshDataDir());
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const server: ChildProcess = spawn(process.execPath, ['dist/server/cli/main.js', 'start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      // Mailed links and the trusted Origin both derive from it: it must be the address the browser uses.
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
  };

  // A first start migrates and seeds the demo store: a minute or more on a busy 2-core machine.
  const deadline = Date.now() + 180_000;
  let last = 'no answer yet';
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with ${server.exitCode} before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
      last = `status ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${baseUrl}/readyz was not ready within 180 s (${last}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, dataDir, output: () => output, stop };
}

/** Debian's Chromium, as root in a container (no sandbox) and without background traffic. */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(screenshotDir, { recursive: true });
  return chromium.launch({
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
}

/**
 * Records what a page reports (console errors, CSP refusals among them, uncaught errors) so each test can
 * assert there were none. Chromium logs every non-2xx fetch as a console error; the one every visitor
 * causes — asking GET /api/mypage/me or /api/admin/me who is signed in and hearing 401 — is expected,
 * not a problem.
 */
export class PageWatch {
  problems: string[] = [];
  /** Messages a test provokes on purpose; reset by `finish`. */
  tolerated: RegExp[] = [];
  private context: BrowserContext | undefined;

  constructor(private readonly browser: Browser) {}

  /**
   * `bypassCsp` lets a test inject its own script (axe-core by `addScriptTag`), which the page's CSP would
   * refuse; such a page no longer reports CSP refusals, so only tests that inject scripts ask for it.
   */
  async open(options: { width?: number; height?: number; bypassCsp?: boolean } = {}): Promise<Page> {
    this.context = await this.browser.newContext({
      locale: 'ja-JP',
      viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
      bypassCSP: options.bypassCsp ?? false,
    });
    // Init scripts are injected by the browser, so the page's CSP does not stop this listener.
    await this.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
      });
    });
    const page = await this.context.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      const visitorCheck = / 401 /.test(text) && /\/api\/(mypage|admin)\/me$/.test(message.location().url);
      if (visitorCheck || this.tolerated.some((pattern) => pattern.test(text))) return;
      this.problems.push(`console error on ${page.url()}: ${text}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught error on ${page.url()}: ${error.message}`));
    return page;
  }

  /** Closes the page's context and returns what it reported, ready for the next test. */
  async finish(): Promise<string[]> {
    await this.context?.close();
    this.context = undefined;
    const seen = this.problems;
    this.problems = [];
    this.tolerated = [];
    return seen;
  }
}

/** Waits until the bundled web fonts have loaded, so screenshots show Noto Sans JP and not a fallback. */
export async function fontsSettled(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family);
  });
}

/**
 * Saves a screenshot of the whole page under test-results/screenshots. The shell's header, navigation and
 * footer are fixed: a full-page capture of a long page would draw them mid-image, so by default the
 * viewport is made as tall as the page for the capture instead; `fullPage` asks Playwright for its own
 * full-page capture.
 */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await fontsSettled(page);
  if (options.fullPage) {
    await page.screenshot({ path: join(screenshotDir, name), fullPage: true });
    return;
  }
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.screenshot({ path: join(screenshotDir, name) });
  await page.setViewportSize(viewport);
}

/** A form field by its label, which Mantine ends with " *" on required fields. */
export function field(page: Page, label: string) {
  // The labels the tests use hold no regular-expression characters.
  return page.getByLabel(new RegExp(`^${label}\\s*\\*?$`));
}

/** The text of the elements an input's aria-describedby names: where Mantine puts a field's error. */
export async function describedBy(page: Page, label: string): Promise<string> {
  const ids = (await field(page, label).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texts.join('\n');
}

/** Types a code into the row of one-digit boxes that starts at `firstBox`; the boxes move the focus on. */
export async function typeCode(page: Page, firstBox: string, code: string): Promise<void> {
  await page.locator(firstBox).click();
  await page.keyboard.type(code);
}

/** Waits up to 30 s for the `nth` (1-based) mail the SMTP peer received that `match` accepts. */
export async function waitForMail(
  smtp: SmtpSink,
  match: (mail: ReceivedMail) => boolean,
  nth = 1,
  what = 'the expected mail',
): Promise<ReceivedMail> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = smtp.received.filter(match)[nth - 1];
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`no ${what} (#${nth}); got: ${smtp.received.map((m) => m.subject).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for the `nth` mail (1-based) to this address (any address when empty) whose subject contains `subject` (or matches it). */
export function mailTo(smtp: SmtpSink, to: string, subject: string | RegExp, nth = 1): Promise<ReceivedMail> {
  const subjectMatches = (m: ReceivedMail) =>
    typeof subject === 'string' ? m.subject.includes(subject) : subject.test(m.subject);
  return waitForMail(
    smtp,
    (m) => (to === '' || m.to.includes(to)) && subjectMatches(m),
    nth,
    `mail "${subject}" to ${to || 'anybody'}`,
  );
}

/** The six-digit sign-in code in a member's code mail (Japanese or English). */
export function signInCode(received: ReceivedMail): string {
  const code = /(?:コード|code is): (\d{6})/.exec(received.text)?.[1];
  if (!code) throw new Error(`no code in:\n${received.text}`);
  return code;
}

/** The address-confirmation link of a registration mail. */
export function confirmationLink(received: ReceivedMail): string {
  const link = /https?:\/\/\S+\/register\/confirm\?token=[A-Za-z0-9_%-]+/.exec(received.text)?.[0];
  if (!link) throw new Error(`no confirmation link in:\n${received.text}`);
  return link;
}

/** A JSON POST as the browser would send it (the server checks the Origin of state-changing requests). */
export function postJson(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, ...headers },
    body: JSON.stringify(body),
  });
}

/**
 * Registers a member through the API and confirms the address with the mailed link, the way a member
 * would before the journey under test; returns the member id.
 */
export async function registerAndConfirm(
  baseUrl: string,
  smtp: SmtpSink,
  registration: Record<string, unknown>,
): Promise<string> {
  const registered = await postJson(baseUrl, '/api/members', registration);
  expect(registered.status).toBe(201);
  const { memberId } = (await registered.json()) as { memberId: string };
  const link = new URL(
    confirmationLink(await mailTo(smtp, String(registration.email), 'メールアドレスの確認')),
  );
  const token = link.searchParams.get('token') ?? '';
  expect((await postJson(baseUrl, '/api/members/confirm-email', { token })).status).toBe(200);
  return memberId;
}

export interface OperatorCredentials {
  loginId: string;
  password: string;
}

/** The demo owner a first embedded start writes to demo-operator.json in its data folder. */
export async function demoOwner(dataDir: string): Promise<OperatorCredentials> {
  return JSON.parse(await readFile(join(dataDir, 'demo-operator.json'), 'utf8')) as OperatorCredentials;
}

/** The code of the `nth` (1-based) operator sign-in code mail. */
export async function operatorCode(smtp: SmtpSink, nth = 1): Promise<string> {
  const mail = await mailTo(smtp, '', '管理画面ログイン確認コード', nth);
  const code = /ログイン確認コード: (\d{6})/.exec(mail.text)?.[1];
  if (!code) throw new Error(`no code in:\n${mail.text}`);
  return code;
}

/**
 * Signs an operator in on /admin/login with the password and the code from the `nth` operator code mail
 * (counting every operator's code mails since the SMTP peer started), and waits for the dashboard.
 */
export async function signInAsOperator(
  page: Page,
  baseUrl: string,
  smtp: SmtpSink,
  operator: OperatorCredentials,
  nth = 1,
): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await field(page, '運営者ログインID').fill(operator.loginId);
  await field(page, 'パスワード').fill(operator.password);
  await page.getByRole('button', { name: '次へ' }).click();
  await expect.poll(() => page.getByRole('heading', { name: '確認コードの入力' }).isVisible()).toBe(true);
  await typeCode(page, '#operator-code-1', await operatorCode(smtp, nth));
  await expect.poll(() => new URL(page.url()).pathname).toBe('/admin');
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header sends them back. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

/**
 * Signs a member in over plain HTTP, as another device would: the password, then the code from the `nth`
 * sign-in code mail to the member's address. Returns the session cookie.
 */
export async function memberSessionCookie(
  baseUrl: string,
  smtp: SmtpSink,
  member: { loginId: string; password: string; email: string },
  nth: number,
  headers: Record<string, string> = {},
): Promise<string> {
  const first = await postJson(
    baseUrl,
    '/api/sessions',
    { loginId: member.loginId, password: member.password },
    headers,
  );
  expect(first.status).toBe(202);
  const code = signInCode(await mailTo(smtp, member.email, 'ログイン確認コード', nth));
  const verified = await postJson(
    baseUrl,
    '/api/sessions/verify-code',
    { code },
    { ...headers, cookie: cookiesOf(first) },
  );
  expect(verified.status).toBe(200);
  return cookiesOf(verified);
}
