// Re-checks a signed-in member's password before showing or replacing something sensitive.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { authAccount } from '../../db/schema/identity.js';
import { identityErrors } from './identity-errors.js';
import { verifyPassword } from './password-hashing.js';

/** Throws `password_incorrect` (403) unless the password is the member's current one. */
export async function assertMemberPassword(db: DbOrTx, memberId: string, password: string): Promise<void> {
  const [account] = await db
    .select({ hash: authAccount.password })
    .from(authAccount)
    .where(and(eq(authAccount.userId, memberId), eq(authAccount.providerId, 'credential')));
  if (!account?.hash || !(await verifyPassword({ hash: account.hash, password })))
    throw identityErrors.passwordIncorrect();
}
