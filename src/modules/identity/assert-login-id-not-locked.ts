// Refuses a sign-in step for a locked login ID before any secret is checked, and lifts expired automatic locks.
import type { AppContext } from '../../context.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { readLoginLock } from './lockout-counters.js';
import { type LockoutPolicy, loadLockoutPolicy } from './lockout-policy.js';
import type { LoginLockoutSubject } from './login-lockout-subject.js';

export interface AssertLoginIdNotLockedInput {
  /** The normalised login ID as typed, or of the pending person's ID at the second-factor step. */
  loginIdKey: string;
  actor: Actor;
}

/**
 * Throws the subject's `login_locked` (423) while the ID is locked; returns the store's lockout policy,
 * the same for members and operators, so callers need not read it twice.
 */
export async function assertLoginIdNotLocked(
  ctx: AppContext,
  subject: LoginLockoutSubject,
  input: AssertLoginIdNotLockedInput,
): Promise<LockoutPolicy> {
  const policy = await loadLockoutPolicy(ctx.db);
  const now = ctx.clock.now();
  const { locked, lifted } = await readLoginLock(ctx.db, subject.table, {
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
      action: `${subject.loginIdKind}.unlocked`,
      targetType: subject.loginIdKind,
      targetId: input.loginIdKey,
      reason: 'lock time elapsed',
      at: now,
    });
  }
  if (locked) throw subject.lockedError(policy);
  return policy;
}
