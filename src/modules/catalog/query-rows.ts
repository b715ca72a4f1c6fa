// Raw SQL for the catalog's hand-written statements, on either driver.
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/** Runs a statement and returns its rows (both drivers answer with `rows`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
