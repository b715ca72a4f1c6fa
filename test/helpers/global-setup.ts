// Before the suite: compiles the server the CLI tests run (when src/ changed), and migrates one database: a PGlite
// snapshot file, or a PostgreSQL template database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { buildServer } from '../../scripts/build-server.mjs';
import { openDatabase, pgliteOf } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { startBoss } from '../../src/jobs/boss.js';
import { createLogger } from '../../src/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

const silent = createLogger('silent');

/** Builds the migrated database every test file starts from, and removes it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The CLI tests run dist/server as `npm start` does: it must be the sources under test, not an older build.
  await buildServer({ ifStale: true });
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `keiyaku_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const templateUrl = withDatabase(url, template);
    const handle = await openDatabase({ kind: 'postgres', url: templateUrl, maxConnections: 2 });
    await migrateDatabase(handle, templateUrl);
    const boss = await startBoss({ database: handle, logger: silent, supervise: false });
    await boss.stop({ graceful: false, wait: true, close: false });
    await handle.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteSnapshot', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template}`);
      await admin.end();
    };
  }
  const folder = mkdtempSync(join(tmpdir(), 'keiyaku-test-'));
  const handle = await openDatabase({ kind: 'pglite' });
  await migrateDatabase(handle);
  const boss = await startBoss({ database: handle, logger: silent, supervise: false });
  await boss.stop({ graceful: false, wait: true, close: false });
  const dump = await pgliteOf(handle).dumpDataDir('none');
  const snapshot = join(folder, 'migrated.tar');
  writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteSnapshot', snapshot);
  project.provide('pgTemplate', '');
  return async () => rmSync(folder, { recursive: true, force: true });
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
