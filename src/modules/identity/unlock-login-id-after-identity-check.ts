// Lifts a login ID's lock from the admin console: after an identity check, which is stored with the audit entry.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authUser, loginLockouts } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, type IdentityCheck, recordIdentityCheck } from '../audit/index.js';
import { identityErrors } from './identity-errors.js';
import { normalizeLoginId } from './login-id.js';

export type UnlockLoginIdAfterIdentityCheckInput = (
  | { memberId: string; loginId?: never }
  /** The ID as the person gave it: known and unknown IDs alike, since unknown ones lock too. */
  | { loginId: string; memberId?: never }
) & {
  identityCheck: IdentityCheck;
  actor: Actor & { kind: 'operator'; id: string };
  now: Temporal.Instant;
};

/**
 * Clears the lock and the failure count of a member's login ID, or of an ID typed by the operator.
 * `member_not_found` (404) for an unknown member id; `login_not_locked` (409) when the ID is not locked now
 * (an automatic lock whose time is up counts as lifted), so nothing changes and no check is stored.
 * Returns the member holding the ID, or null: support staff may look members up anyway, so telling them
 * whether an ID exists reveals nothing new, and it lets them answer "that ID does not exist" to a caller.
 */
export async function unlockLoginIdAfterIdentityCheck(
  db: Db,
  input: UnlockLoginIdAfterIdentityCheckInput,
): Promise<{ loginIdKey: string; memberId: string | null }> {
  return db.transaction(async (tx) => {
    let key: string;
    if (input.memberId !== undefined) {
      const [user] = await tx
        .select({ username: authUser.username })
        .from(authUser)
        .where(eq(authUser.id, input.memberId));
      if (!user?.username) throw identityErrors.memberNotFound();
      key = user.username;
    } else {
      key = normalizeLoginId(input.loginId ?? '');
    }
    const [lock] = await tx.select().from(loginLockouts).where(eq(loginLockouts.loginIdKey, key));
    const now = toDate(input.now);
    const locked =
      lock?.lockedAt != null && (lock.lockedUntil === null || lock.lockedUntil.getTime() > now.getTime());
    if (!lock || !locked) throw identityErrors.loginNotLocked();
    await tx.delete(loginLockouts).where(eq(loginLockouts.loginIdKey, key));
    const [member] = await tx.select({ id: authUser.id }).from(authUser).where(eq(authUser.username, key));
    await recordIdentityCheck(tx, {
      actor: input.actor,
      action: 'login_id.unlocked',
      purpose: 'member.unlock',
      targetType: member ? 'member' : 'login_id',
      targetId: member?.id ?? key,
      check: input.identityCheck,
      before: {
        loginIdKey: key,
        failedCount: lock.failedCount,
        lockedAt: lock.lockedAt?.toISOString() ?? null,
        lockedUntil: lock.lockedUntil?.toISOString() ?? null,
      },
      after: { failedCount: 0, lockedAt: null },
      at: input.now,
    });
    return { loginIdKey: key, memberId: member?.id ?? null };
  });
}
