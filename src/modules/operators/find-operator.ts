// Reads one operator's profile with the lower-cased login ID better-auth and the lockout key use.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { operators, operatorUser } from '../../db/schema/operators.js';
import { operatorErrors } from './operator-errors.js';

/** The operator row and its lockout key; `operator_not_found` (404) for an unknown id. */
export async function findOperator(db: DbOrTx, operatorId: string) {
  const [row] = await db
    .select({ operator: operators, loginIdKey: operatorUser.username })
    .from(operators)
    .innerJoin(operatorUser, eq(operatorUser.id, operators.id))
    .where(eq(operators.id, operatorId));
  if (!row?.loginIdKey) throw operatorErrors.notFound();
  return { ...row.operator, loginIdKey: row.loginIdKey };
}
