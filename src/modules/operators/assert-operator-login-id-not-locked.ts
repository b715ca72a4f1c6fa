// Refuses an operator sign-in step for a locked login ID before any secret is checked, and lifts expired automatic locks.
import type { AppContext } from '../../context.js';
import { operatorLoginLockouts } from '../../db/schema/operators.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { type LockoutPolicy, loadLockoutPolicy, readLoginLock } from '../identity/auth-index.js';
import { operatorErrors } from './operator-errors.js';

export interface AssertOperatorLoginIdNotLockedInput {
  /** `normalizeOperatorLoginId` of the ID as typed, or of the pending operator's ID at the code step. */
  loginIdKey: string;
  actor: Actor;
}

/**
 * Throws `login_locked` (423) while the ID is locked; returns the store's lockout policy, the same one
 * members have, so the callers need not read it twice.
 */
export async function assertOperatorLoginIdNotLocked(
  ctx: AppContext,
  input: AssertOperatorLoginIdNotLockedInput,
): Promise<LockoutPolicy> {
  const policy = await loadLockoutPolicy(ctx.db);
  const now = ctx.clock.now();
  const { locked, lifted } = await readLoginLock(ctx.db, operatorLoginLockouts, {
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
      action: 'operator_login_id.unlocked',
      targetType: 'operator_login_id',
      targetId: input.loginIdKey,
      reason: 'lock time elapsed',
      at: now,
    });
  }
  if (locked) throw operatorErrors.loginLocked(policy);
  return policy;
}
