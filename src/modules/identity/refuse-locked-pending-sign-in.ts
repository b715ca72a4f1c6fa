// Refuses the second-factor step of a sign-in whose login ID has been locked since the password step.
import type { AppContext } from '../../context.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { assertLoginIdNotLocked } from './assert-login-id-not-locked.js';
import type { LockoutPolicy } from './lockout-policy.js';
import { memberLockout } from './member-lockout.js';

/** Throws `login_locked` (audited) for a locked pending member; returns the lockout policy otherwise. */
export async function refuseLockedPendingSignIn(
  ctx: AppContext,
  pending: { memberId: string; loginIdKey: string },
  actor: Actor,
): Promise<LockoutPolicy> {
  try {
    return await assertLoginIdNotLocked(ctx, memberLockout, { loginIdKey: pending.loginIdKey, actor });
  } catch (error) {
    await recordAudit(ctx.db, {
      actor: { ...actor, id: pending.memberId },
      action: 'member.sign_in_refused',
      targetType: 'member',
      targetId: pending.memberId,
      reason: 'login ID locked',
      at: ctx.clock.now(),
    });
    throw error;
  }
}
