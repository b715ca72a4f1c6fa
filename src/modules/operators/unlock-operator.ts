// Lifts the lock of an operator's login ID after an identity check (an owner's action), recorded with the audit entry.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { operatorLoginLockouts } from '../../db/schema/operators.js';
import { toDate } from '../../domain/clock.js';
import { type IdentityCheck, recordIdentityCheck } from '../audit/index.js';
import type { ActingOperator } from './acting-operator.js';
import { findOperator } from './find-operator.js';
import { operatorErrors } from './operator-errors.js';

export interface UnlockOperatorInput {
  operatorId: string;
  identityCheck: IdentityCheck;
  actor: ActingOperator;
  now: Temporal.Instant;
}

/** Clears the lock and the failure count; `login_not_locked` (409) when the ID is not locked (nothing changes). */
export async function unlockOperator(db: Db, input: UnlockOperatorInput): Promise<void> {
  await db.transaction(async (tx) => {
    const operator = await findOperator(tx, input.operatorId);
    const [lock] = await tx
      .select()
      .from(operatorLoginLockouts)
      .where(eq(operatorLoginLockouts.loginIdKey, operator.loginIdKey));
    const now = toDate(input.now);
    const locked =
      lock?.lockedAt != null && (lock.lockedUntil === null || lock.lockedUntil.getTime() > now.getTime());
    if (!lock || !locked) throw operatorErrors.notLocked();
    await tx.delete(operatorLoginLockouts).where(eq(operatorLoginLockouts.loginIdKey, operator.loginIdKey));
    await recordIdentityCheck(tx, {
      actor: input.actor,
      action: 'operator_login_id.unlocked',
      purpose: 'operator.unlock',
      targetType: 'operator',
      targetId: input.operatorId,
      check: input.identityCheck,
      before: {
        loginIdKey: operator.loginIdKey,
        failedCount: lock.failedCount,
        lockedAt: lock.lockedAt?.toISOString() ?? null,
        lockedUntil: lock.lockedUntil?.toISOString() ?? null,
      },
      after: { failedCount: 0, lockedAt: null },
      at: input.now,
    });
  });
}
