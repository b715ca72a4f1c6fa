// A fresh migrated database per test file: PGlite loaded from the snapshot, or a PostgreSQL clone of the template.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.js';
import { withDatabase } from './global-setup.js';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Set on PostgreSQL: the URL of this file's own database. */
  url: string | null;
  drop(): Promise<void>;
}

/** Opens a database nobody else uses, already migrated. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `keiyaku_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await admin.end();
    const dbUrl = withDatabase(url, name);
    const handle = await openDatabase({ kind: 'postgres', url: dbUrl, maxConnections: 5 });
    return {
      handle,
      url: dbUrl,
      async drop() {
        await handle.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const snapshot = readFileSync(inject('pgliteSnapshot'));
  const handle = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([snapshot]) });
  return { handle, url: null, drop: () => handle.close() };
}
