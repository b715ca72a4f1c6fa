// Refuses a sign-in step for a locked login ID before any secret is checked, and lifts expired automatic locks.
import type { AppContext } from '../../context.js';
import { loginLockouts } from '../../db/schema/identity.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { identityErrors } from './identity-errors.js';
import { readLoginLock } from './lockout-counters.js';
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
  const { locked, lifted } = await readLoginLock(ctx.db, loginLockouts, {
    loginIdKey: input.loginIdKey,
    now,
  });
  if (lifted) {
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
  if (locked) throw identityErrors.loginLocked(policy);
  return policy;
}
