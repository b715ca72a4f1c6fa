// Clears a login ID's failure count after a completed sign-in, so only consecutive failures lock it.
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { loginLockouts } from '../../db/schema/identity.js';
import type { LoginLockoutSubject } from './login-lockout-subject.js';

/** Forgets the failures of an unlocked login ID; a lock is never lifted here. */
export async function resetLoginFailures(
  db: DbOrTx,
  subject: LoginLockoutSubject,
  loginIdKey: string,
): Promise<void> {
  // Both lockout tables have the same columns; drizzle wants one concrete table type per statement.
  const t = subject.table as typeof loginLockouts;
  await db.delete(t).where(and(eq(t.loginIdKey, loginIdKey), isNull(t.lockedAt)));
}
