// Refuses a sign-in step for a locked login ID before any secret is checked, and lifts expired automatic locks.
import { and, eq, isNotNull, lte } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { loginLockouts } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { identityErrors } from './identity-errors.js';
import { type LockoutPolicy, loadLockoutPolicy } from './lockout-policy.js';

export interface AssertLoginIdNotLockedInput {
  /** `normalizeLoginId` of the ID as typed, or of the member's ID at the second-factor step. */
  loginIdKey: string;
  actor: Actor;
}

/** Throws `login_locked` (423) while the ID is locked; returns the policy so callers need not read it twice. */
export async function assertLoginIdNotLocked(
  ctx: AppContext,
  input: AssertLoginIdNotLockedInput,
): Promise<LockoutPolicy> {
  const policy = await loadLockoutPolicy(ctx.db);
  const now = ctx.clock.now();
  // An automatic lock whose time is up is lifted here, with a fresh count, rather than by a sweep job.
  const lifted = await ctx.db
    .update(loginLockouts)
    .set({ failedCount: 0, lockedAt: null, lockedUntil: null })
    .where(
      and(
        eq(loginLockouts.loginIdKey, input.loginIdKey),
        isNotNull(loginLockouts.lockedUntil),
        lte(loginLockouts.lockedUntil, toDate(now)),
      ),
    )
    .returning({ key: loginLockouts.loginIdKey });
  if (lifted.length > 0) {
    await recordAudit(ctx.db, {
      actor: {
        kind: 'system',
        id: null,
        ...(input.actor.requestId ? { requestId: input.actor.requestId } : {}),
      },
      action: 'login_id.unlocked',
      targetType: 'login_id',
      targetId: input.loginIdKey,
      reason: 'lock time elapsed',
      at: now,
    });
  }
  const [row] = await ctx.db
    .select({ lockedAt: loginLockouts.lockedAt })
    .from(loginLockouts)
    .where(eq(loginLockouts.loginIdKey, input.loginIdKey));
  if (row?.lockedAt) throw identityErrors.loginLocked(policy);
  return policy;
}
