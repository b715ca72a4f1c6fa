// Applies the committed SQL migrations; on PostgreSQL under an advisory lock so two nodes cannot race.
import { join } from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { projectRoot } from '../project-root.js';
import type { DatabaseHandle } from './client.js';

/** The committed migrations stay in src/ whether the server runs from src/ or from dist/server/. */
export const migrationsFolder = join(projectRoot, 'src/db/migrations');

/** Arbitrary but fixed: every keiyaku node takes the same lock while migrating. */
const MIGRATION_LOCK_KEY = 4_242_020_001;

/** Brings the schema up to date. Safe to call on every start. */
export async function migrateDatabase(handle: DatabaseHandle, postgresUrl?: string): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!postgresUrl) throw new Error('migrating PostgreSQL needs its URL');
  // Session advisory locks belong to one connection, so migrate through a dedicated client.
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrateNodePg(drizzlePg(client), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
