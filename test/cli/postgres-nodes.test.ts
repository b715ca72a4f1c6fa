// Scale-out on PostgreSQL: a web node and a worker node start together on an empty database, migrate
// once between them, and share the work. Runs only when the suite runs against PostgreSQL.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { childEnv, cliArgs, freePort, repoRoot, runCli } from '../helpers/cli.js';
import { withDatabase } from '../helpers/global-setup.js';

// Each command is a process of its own that opens the database (and on an embedded folder runs its
// migrations): on a loaded two-core machine a test of several commands can pass the suite's minute.
vi.setConfig({ testTimeout: 180_000 });

const serverUrl = process.env.DATABASE_URL;
const name = `keiyaku_nodes_${process.pid}`;
const secret = 'scale-out-secret-scale-out-secret-0123';
const children: ChildProcess[] = [];

function startNode(
  role: 'web' | 'worker',
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [...cliArgs, 'start', '--role', role], {
    cwd: repoRoot,
    env: childEnv(env),
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!serverUrl)('web and worker nodes on PostgreSQL', () => {
  let admin: pg.Client;
  let dbUrl: string;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    dbUrl = withDatabase(serverUrl!, name);
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('start together, migrate once, deliver queued mail, and stop cleanly', async () => {
    const port = await freePort();
    const env = { DATABASE_URL: dbUrl, SECRET: secret, PORT: String(port), LOG_LEVEL: 'info' };
    const web = startNode('web', env);
    const worker = startNode('worker', env);
    await until(() => web.output().includes('keiyaku is running (role web)'), 'the web node');
    await until(() => worker.output().includes('keiyaku is running (role worker)'), 'the worker node');
    expect(worker.output()).toContain('HTTP: not served by this node');

    const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).json();
    expect(ready).toEqual({ status: 'ready', database: 'postgres' });

    const check = new pg.Client({ connectionString: dbUrl });
    await check.connect();
    try {
      const migrations = await check.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      const journal = JSON.parse(
        readFileSync(join(repoRoot, 'src/db/migrations/meta/_journal.json'), 'utf8'),
      );
      expect(migrations.rows[0].n).toBe(journal.entries.length);

      const queued = await runCli(['send-test-mail', '--to', 'scale@example.jp', '--locale', 'en'], env);
      expect(queued.code).toBe(0);
      await until(async () => {
        const rows = await check.query('SELECT subject FROM dev_mailbox WHERE to_address = $1', [
          'scale@example.jp',
        ]);
        return rows.rowCount === 1;
      }, 'the worker to deliver the mail');
      const mail = await check.query('SELECT subject FROM dev_mailbox');
      expect(mail.rows).toEqual([{ subject: '[keiyaku デモストア] Test mail' }]);
    } finally {
      await check.end();
    }

    web.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    const codes = await Promise.all(
      [web.child, worker.child].map((child) => new Promise((resolve) => child.on('exit', resolve))),
    );
    expect(codes).toEqual([0, 0]);
  });
});
