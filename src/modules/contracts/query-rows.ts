// Raw SQL for the contracts module's set-based statements, on either driver.
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/** Runs a statement and returns its rows (both drivers answer with `rows`); dates are cast to text in the SQL. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
