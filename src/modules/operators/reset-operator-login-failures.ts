// Clears an operator login ID's failure count after a completed sign-in, so only consecutive failures lock it.
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { operatorLoginLockouts } from '../../db/schema/operators.js';

/** Forgets the failures of an unlocked operator login ID; a lock is never lifted here. */
export async function resetOperatorLoginFailures(db: DbOrTx, loginIdKey: string): Promise<void> {
  await db
    .delete(operatorLoginLockouts)
    .where(and(eq(operatorLoginLockouts.loginIdKey, loginIdKey), isNull(operatorLoginLockouts.lockedAt)));
}
