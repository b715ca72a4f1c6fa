// Operator accounts from the command line: the demo owner of a first embedded start, and `keiyaku create-operator`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CliResult, childEnv, cliArgs, repoRoot, runCli, startServer } from '../helpers/cli.js';

// Each command is a process of its own that opens the database (and on an embedded folder runs its
// migrations): on a loaded two-core machine a test of several commands can pass the suite's minute.
vi.setConfig({ testTimeout: 180_000 });

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'keiyaku-operators-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function runWithStdin(args: string[], input: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cliArgs, ...args], {
      cwd: repoRoot,
      env: childEnv({ DATA_DIR: dataDir }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('the first start of an embedded store', () => {
  it('creates a demo owner, writes its credentials to a 0600 file and prints only the path', async () => {
    const server = await startServer([], { DATA_DIR: dataDir });
    try {
      const file = join(dataDir, 'demo-operator.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const demo = JSON.parse(readFileSync(file, 'utf8')) as {
        loginId: string;
        password: string;
        url: string;
      };
      expect(demo.loginId).toBe('owner');
      expect(demo.url).toBe(`${server.url}/admin`);
      expect(demo.password.length).toBeGreaterThanOrEqual(20);
      expect(server.output()).toContain(`Demo owner sign-in: see ${file}`);
      expect(server.output()).not.toContain(demo.password);
      const signIn = await fetch(`${server.url}/api/admin/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ loginId: demo.loginId, password: demo.password }),
      });
      expect(signIn.status).toBe(202);
      expect(await signIn.json()).toEqual({ status: 'second_factor_required', method: 'email' });
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    expect(server.output()).not.toMatch(/"password"/);
  });

  it('keeps the demo password on the next start rather than making another owner', async () => {
    const before = readFileSync(join(dataDir, 'demo-operator.json'), 'utf8');
    const server = await startServer([], { DATA_DIR: dataDir });
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(readFileSync(join(dataDir, 'demo-operator.json'), 'utf8')).toBe(before);
  });
});

describe('keiyaku create-operator', () => {
  const args = [
    'create-operator',
    '--login-id',
    'Suzuki',
    '--name',
    '鈴木 一郎',
    '--email',
    'suzuki@example.jp',
  ];

  it('creates an operator and prints a temporary password once', async () => {
    const result = await runCli([...args, '--role', 'billing', '--role', 'support'], { DATA_DIR: dataDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Created operator Suzuki \(opr_[0-9a-f-]+\), roles: billing, support\.\n/);
    const passwords = result.stdout.match(/Temporary password \(shown only now\): (\S+)/g) ?? [];
    expect(passwords).toHaveLength(1);
  });

  it('refuses a login ID already taken, in any case', async () => {
    const result = await runCli(
      [
        'create-operator',
        '--login-id',
        'SUZUKI',
        '--name',
        'x',
        '--email',
        'x@example.jp',
        '--role',
        'owner',
      ],
      { DATA_DIR: dataDir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('keiyaku: The operator login ID "SUZUKI" is already taken.');
  });

  it('reads a password from stdin and prints none', async () => {
    const result = await runWithStdin(
      [
        'create-operator',
        '--login-id',
        'tanaka',
        '--name',
        '田中',
        '--email',
        'tanaka@example.jp',
        '--role',
        'catalog',
        '--password-stdin',
      ],
      'Tanaka-pass-2026!\n',
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('Tanaka-pass-2026!');
    expect(result.stdout).not.toContain('Temporary password');
  });

  it('refuses an unknown role and a weak password', async () => {
    const role = await runCli([...args.slice(0, 2), 'x1', ...args.slice(3), '--role', 'admin'], {
      DATA_DIR: dataDir,
    });
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('Allowed choices are owner, billing, support, catalog');
    const weak = await runWithStdin(
      [
        'create-operator',
        '--login-id',
        'weak',
        '--name',
        'w',
        '--email',
        'w@example.jp',
        '--role',
        'owner',
        '--password-stdin',
      ],
      'short\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password:');
  });
});
