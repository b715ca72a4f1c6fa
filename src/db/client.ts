// One database handle for both homes of the data: embedded PGlite or a PostgreSQL server.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** What `db.transaction()` hands to its callback; use it, never the outer `db`, inside. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either a database or a transaction: what module services accept so callers can compose them. */
export type DbOrTx = Db | Tx;

export interface SqlResult {
  rows: Record<string, unknown>[];
}

export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw SQL for pg-boss and for the few statements Drizzle cannot express. */
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
  close(): Promise<void>;
}

export type OpenDatabaseInput =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; maxConnections?: number };

/** Opens the database; on PGlite `dataDir` absent means in memory (tests). */
export async function openDatabase(input: OpenDatabaseInput): Promise<DatabaseHandle> {
  if (input.kind === 'pglite') {
    const client = await PGlite.create({
      // The catalog's keyword index uses trigrams; PGlite ships pg_trgm as a loadable extension.
      extensions: { pg_trgm },
      ...(input.dataDir ? { dataDir: input.dataDir } : {}),
      ...(input.loadDataDir ? { loadDataDir: input.loadDataDir } : {}),
    });
    return {
      kind: 'pglite',
      db: drizzlePglite(client, { schema }) as unknown as Db,
      // PGlite's extended protocol takes one statement; pg-boss sends parameterless multi-statement
      // transactions (BEGIN … COMMIT), which only the simple protocol (`exec`) accepts.
      async executeSql(text, values) {
        if (!values || values.length === 0) {
          const results = await client.exec(text);
          return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
        }
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      },
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: input.url, max: input.maxConnections ?? 10 });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    db: drizzlePg(pool, { schema }) as unknown as Db,
    async executeSql(text, values) {
      const result = await pool.query(text, values as unknown[] | undefined);
      // A multi-statement string answers with one result per statement; callers want the last.
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    close: () => pool.end(),
  };
}

/** The PGlite client behind a handle, for snapshotting a migrated database in tests. */
export function pgliteOf(handle: DatabaseHandle): PGlite {
  if (handle.kind !== 'pglite') throw new Error('not a PGlite database');
  return (handle.db as unknown as { $client: PGlite }).$client;
}
