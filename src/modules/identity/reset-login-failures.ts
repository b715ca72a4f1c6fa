// Clears a login ID's failure count after a completed sign-in, so only consecutive failures lock it.
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginLockouts } from '../../db/schema/identity.js';

/** Forgets the failures of an unlocked login ID; a lock is never lifted here. */
export async function resetLoginFailures(db: DbOrTx, loginIdKey: string): Promise<void> {
  await db
    .delete(loginLockouts)
    .where(and(eq(loginLockouts.loginIdKey, loginIdKey), isNull(loginLockouts.lockedAt)));
}
