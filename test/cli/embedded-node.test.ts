// The embedded store as an operator runs it: start, a second process refused, clean stop, data kept.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningServer, runCli, startServer } from '../helpers/cli.js';

// Each command is a process of its own that opens the database (and on an embedded folder runs its
// migrations): on a loaded two-core machine a test of several commands can pass the suite's minute.
vi.setConfig({ testTimeout: 180_000 });

let dataDir: string;
let server: RunningServer | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'keiyaku-cli-'));
});
afterAll(async () => {
  if (server && server.child.exitCode === null) await server.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('keiyaku start on an embedded data folder', () => {
  it('starts on a new folder, keeps the secret private and serves the store', async () => {
    server = await startServer([], { DATA_DIR: dataDir });
    expect(server.output()).toContain('keiyaku is running (role all)');
    expect(server.output()).toContain('a power loss or OS crash');
    expect(server.output()).toContain('can lose the last writes. Real money belongs on PostgreSQL');
    expect(statSync(join(dataDir, 'secret')).mode & 0o777).toBe(0o600);
    const res = await fetch(`${server.url}/api/store`);
    expect((await res.json()).name).toBe('keiyaku デモストア');
    const page = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
  });

  it('refuses a CLI command and a second start while the folder is in use', async () => {
    const pid = server!.child.pid;
    const settings = await runCli(['settings', 'get', 'name'], { DATA_DIR: dataDir });
    expect(settings.code).toBe(1);
    expect(settings.stderr).toContain(
      `keiyaku: The data folder ${dataDir} is in use by another keiyaku (pid ${pid}, keiyaku start --role all at ${server!.url}). Stop that process first.`,
    );
    const second = await runCli(['start'], { DATA_DIR: dataDir, PORT: '0' });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`is in use by another keiyaku (pid ${pid}`);
  });

  it('reads the dev mailbox through the running server, and shows it at /dev/mail', async () => {
    expect(server!.output()).toContain(
      `Mail:   dev mailbox (no SMTP_URL): open ${server!.url}/dev/mail on this computer, or run \`keiyaku mailbox\``,
    );
    const mailbox = await runCli(['mailbox'], { DATA_DIR: dataDir });
    expect(mailbox.stderr).toBe('');
    expect(mailbox.code).toBe(0);
    expect(mailbox.stdout).toBe('The dev mailbox is empty.\n');
    const sms = await runCli(['mailbox', '--sms'], { DATA_DIR: dataDir });
    expect(sms.stdout).toBe('The dev SMS outbox is empty.\n');
    const page = await fetch(`${server!.url}/dev/mail`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('まだメールはありません。 / No mail yet.');
  });

  it('answers the web app to any client outside /api/, and a problem inside it', async () => {
    const page = await fetch(`${server!.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    const api = await fetch(`${server!.url}/api/nothing`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  });

  it('stops cleanly on SIGINT and releases the folder', async () => {
    const code = await server!.stop('SIGINT');
    expect(code).toBe(0);
    expect(server!.output()).toContain('SIGINT received: finishing requests and jobs in flight…');
    expect(server!.output()).toContain('keiyaku stopped.');
    expect(existsSync(join(dataDir, 'keiyaku.lock'))).toBe(false);
  });

  it('changes settings from the CLI, and the next start serves them from the same data', async () => {
    const set = await runCli(['settings', 'set', 'name', 'テスト商店'], { DATA_DIR: dataDir });
    expect(set.stderr).toBe('');
    expect(set.stdout).toBe('name = テスト商店\n');
    const get = await runCli(['settings', 'get', 'name'], { DATA_DIR: dataDir });
    expect(get.stdout).toBe('テスト商店\n');
    server = await startServer([], { DATA_DIR: dataDir });
    expect((await (await fetch(`${server.url}/api/store`)).json()).name).toBe('テスト商店');
    expect(await server.stop('SIGTERM')).toBe(0);
  });
});

describe('keiyaku commands refuse bad input with a clear message', () => {
  it('a bad environment value: one line naming the variable, exit 1', async () => {
    const result = await runCli(['start'], { DATA_DIR: dataDir, PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'keiyaku: configuration: PORT (got "abc"): Invalid input: expected number, received NaN\n',
    );
    expect(existsSync(join(dataDir, 'keiyaku.lock'))).toBe(false);
  });

  it('--role web or worker without PostgreSQL', async () => {
    const result = await runCli(['start', '--role', 'worker'], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('keiyaku: --role web and --role worker need PostgreSQL (DATABASE_URL).');
  });

  it('an unknown role, setting, or a seed without a kind', async () => {
    const role = await runCli(['start', '--role', 'cron'], { DATA_DIR: dataDir });
    expect(role.code).toBe(1);
    expect(role.stderr).toContain(
      "option '--role <role>' argument 'cron' is invalid. Allowed choices are all, web, worker.",
    );
    const setting = await runCli(['settings', 'set', 'colour', 'red'], { DATA_DIR: dataDir });
    expect(setting.code).toBe(1);
    expect(setting.stderr).toContain('keiyaku: There is no setting "colour".');
    const invalid = await runCli(['settings', 'set', 'registrationNumber', 'T12'], { DATA_DIR: dataDir });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('registrationNumber: must be T followed by 13 digits');
    const seed = await runCli(['seed'], { DATA_DIR: dataDir });
    expect(seed.code).toBe(1);
    expect(seed.stderr).toContain('Say what to seed, e.g. `keiyaku seed --demo`.');
  });

  it('lists its commands in --help', async () => {
    const help = await runCli(['--help'], {});
    expect(help.code).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'settings', 'mailbox', 'send-test-mail']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });
});

describe('keiyaku send-test-mail and mailbox', () => {
  it('queues a mail that the next start delivers, and the delivery survives kill -9', async () => {
    const queued = await runCli(['send-test-mail', '--to', 'ops@example.jp'], { DATA_DIR: dataDir });
    expect(queued.code).toBe(0);
    expect(queued.stdout).toMatch(
      /^Queued obx_[0-9a-f-]{36}\. It is delivered when the store next starts \(the embedded database has one process\)\.\n$/,
    );
    server = await startServer([], { DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    // The worker logs each delivery; the mailbox command cannot open the folder while the server runs.
    const deadline = Date.now() + 20_000;
    while (!server.output().includes('"result":"delivered"') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // A crash: no shutdown, the lock file stays behind with a dead pid.
    await server.stop('SIGKILL');
    expect(existsSync(join(dataDir, 'keiyaku.lock'))).toBe(true);
    const mailbox = await runCli(['mailbox', '--full'], { DATA_DIR: dataDir });
    expect(mailbox.code).toBe(0);
    expect(mailbox.stdout).toContain('ops@example.jp  【テスト商店】テストメール');
    expect(mailbox.stdout).toContain('テスト商店 からのテストメールです。');
    const bad = await runCli(['send-test-mail', '--to', 'not-mail'], { DATA_DIR: dataDir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      "option '--to <address>' argument 'not-mail' is invalid. must be an email address",
    );
  });
});
