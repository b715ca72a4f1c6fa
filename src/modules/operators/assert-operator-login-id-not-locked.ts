// Refuses an operator sign-in step for a locked login ID before any secret is checked, and lifts expired automatic locks.
import { and, eq, isNotNull, lte } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { operatorLoginLockouts } from '../../db/schema/operators.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { type LockoutPolicy, loadLockoutPolicy } from '../identity/auth-index.js';
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
  // An automatic lock whose time is up is lifted here, with a fresh count, rather than by a sweep job.
  const lifted = await ctx.db
    .update(operatorLoginLockouts)
    .set({ failedCount: 0, lockedAt: null, lockedUntil: null })
    .where(
      and(
        eq(operatorLoginLockouts.loginIdKey, input.loginIdKey),
        isNotNull(operatorLoginLockouts.lockedUntil),
        lte(operatorLoginLockouts.lockedUntil, toDate(now)),
      ),
    )
    .returning({ key: operatorLoginLockouts.loginIdKey });
  if (lifted.length > 0) {
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
  const [row] = await ctx.db
    .select({ lockedAt: operatorLoginLockouts.lockedAt })
    .from(operatorLoginLockouts)
    .where(eq(operatorLoginLockouts.loginIdKey, input.loginIdKey));
  if (row?.lockedAt) throw operatorErrors.loginLocked(policy);
  return policy;
}
