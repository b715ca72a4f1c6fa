// Counts operator accounts, so the first start knows whether the store has anyone who can sign in to the admin console.
import { count } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { operators } from '../../db/schema/operators.js';

/** How many operators exist, active or not. */
export async function countOperators(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(operators);
  return row?.n ?? 0;
}
