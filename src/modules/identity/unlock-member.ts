// Lifts the lock of a member's login ID, for operator screens that start from the member.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authUser } from '../../db/schema/identity.js';
import { kernelErrors } from '../../domain/errors.js';
import type { Actor } from '../audit/index.js';
import { unlockLoginId } from './unlock-login-id.js';

export interface UnlockMemberInput {
  memberId: string;
  actor: Actor;
  reason?: string;
  now: Temporal.Instant;
}

/** Unlocks the member's login ID; `not_found` for an unknown member. */
export async function unlockMember(db: Db, input: UnlockMemberInput): Promise<{ wasLocked: boolean }> {
  const [user] = await db
    .select({ username: authUser.username })
    .from(authUser)
    .where(eq(authUser.id, input.memberId));
  if (!user?.username) throw kernelErrors.notFound();
  return unlockLoginId(db, {
    loginId: user.username,
    actor: input.actor,
    now: input.now,
    ...(input.reason ? { reason: input.reason } : {}),
  });
}
