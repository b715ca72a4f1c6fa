// Benchmark 5: what a committed write costs in PGlite on disk versus in memory (and on PostgreSQL, for scale).
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { progress, type ResultRow, round, type Section, scratchDir, timed } from './support.js';

const INSERTS = 1_000;
const createSql = (table: string) =>
  `CREATE TABLE ${table} (id integer PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL)`;
const insertSql = (table: string) => `INSERT INTO ${table} (id, body, at) VALUES ($1, $2, now())`;
/** About the size of a small business row. */
const BODY = 'x'.repeat(200);

interface Runner {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** Autocommit inserts (each its own commit), then the same count inside one transaction for comparison. */
async function writes(db: Runner, table: string): Promise<{ autocommitMs: number; oneTxMs: number }> {
  await db.query(createSql(table));
  const INSERT = insertSql(table);
  // A few untimed statements first, so JIT and plan caches do not land in the first measured loop.
  for (let i = -50; i < 0; i++) await db.query(INSERT, [i, BODY]);
  const autocommit = await timed(async () => {
    for (let i = 0; i < INSERTS; i++) await db.query(INSERT, [i, BODY]);
  });
  const oneTx = await timed(async () => {
    await db.query('BEGIN');
    for (let i = INSERTS; i < 2 * INSERTS; i++) await db.query(INSERT, [i, BODY]);
    await db.query('COMMIT');
  });
  return { autocommitMs: autocommit.ms, oneTxMs: oneTx.ms };
}

function rowsOf(result: { autocommitMs: number; oneTxMs: number }, note?: string): ResultRow[] {
  return [
    {
      metric: `${INSERTS} INSERTs, autocommit`,
      value: round(result.autocommitMs),
      unit: 'ms',
      note: `${round(result.autocommitMs / INSERTS)} ms per insert${note ? `; ${note}` : ''}`,
    },
    {
      metric: `${INSERTS} INSERTs, one transaction`,
      value: round(result.oneTxMs),
      unit: 'ms',
      note: `${round(result.oneTxMs / INSERTS)} ms per insert`,
    },
  ];
}

async function onPglite(dataDir: string | undefined): Promise<{ autocommitMs: number; oneTxMs: number }> {
  const client = await PGlite.create(dataDir ? { dataDir } : {});
  try {
    return await writes(client, 'bench_scratch');
  } finally {
    await client.close();
  }
}

/** PGlite with a data folder on disk, then in memory. */
export async function pgliteWrites(): Promise<Section[]> {
  const dir = scratchDir('writes');
  let disk: { autocommitMs: number; oneTxMs: number };
  try {
    disk = await onPglite(dir.path);
  } finally {
    dir.remove();
  }
  const memory = await onPglite(undefined);
  progress(
    `PGlite ${INSERTS} autocommit inserts: disk ${Math.round(disk.autocommitMs)} ms, memory ${Math.round(memory.autocommitMs)} ms`,
  );
  return [
    {
      benchmark: 'writes',
      target: 'pglite (disk)',
      rows: rowsOf(disk, 'no fsync: PGlite cannot'),
      details: { inserts: INSERTS, ...disk },
    },
    {
      benchmark: 'writes',
      target: 'pglite (memory)',
      rows: rowsOf(memory),
      details: { inserts: INSERTS, ...memory },
    },
  ];
}

/** The same on PostgreSQL over one connection, with whatever fsync/synchronous_commit the server has. */
export async function postgresWrites(url: string): Promise<Section> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const settings = await client.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit')",
    );
    const described = settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ');
    // A real table, not a temporary one: temporary tables skip the WAL, and the WAL flush is the cost we want.
    const table = `bench_scratch_${process.pid}`;
    let result: { autocommitMs: number; oneTxMs: number };
    try {
      result = await writes(client, table);
    } finally {
      await client.query(`DROP TABLE IF EXISTS ${table}`);
    }
    progress(`PostgreSQL ${INSERTS} autocommit inserts: ${Math.round(result.autocommitMs)} ms`);
    return {
      benchmark: 'writes',
      target: 'postgres',
      rows: rowsOf(result, described),
      details: { inserts: INSERTS, settings: settings.rows, ...result },
    };
  } finally {
    await client.end();
  }
}
