// Shared pieces of the browser tests: the real server as a child process, Chromium, and a page that records problems.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

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
export async function run(command: string, args: string[]): Promise<void> {
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

/** Builds dist/web from the sources under test, not whatever was built last. */
export async function buildWebApp(): Promise<void> {
  await run(process.execPath, [
    join(repoRoot, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'web/vite.config.ts',
  ]);
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
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
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

  const deadline = Date.now() + 60_000;
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
      throw new Error(`${baseUrl}/readyz was not ready within 60 s (${last}):\n${output}`);
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

  async open(options: { width?: number; height?: number } = {}): Promise<Page> {
    this.context = await this.browser.newContext({
      locale: 'ja-JP',
      viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
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
