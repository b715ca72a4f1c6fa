// Whether an id names an operator who may still work, so an inquiry is never assigned to a stranger or a leaver.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { operators } from '../../db/schema/operators.js';

/** True when the operator exists and is not disabled. */
export async function isActiveOperator(db: DbOrTx, operatorId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: operators.id })
    .from(operators)
    .where(and(eq(operators.id, operatorId), eq(operators.status, 'active')));
  return row !== undefined;
}
