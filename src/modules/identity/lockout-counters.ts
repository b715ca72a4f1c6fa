// The lockout counters shared by members and operators: one table shape, counted and lifted the same way.
import { and, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import type { loginLockouts } from '../../db/schema/identity.js';
import type { operatorLoginLockouts } from '../../db/schema/operators.js';
import { toDate } from '../../domain/clock.js';
import type { LockoutPolicy } from './lockout-policy.js';

/** Members' `login_lockouts` or operators' `operator_login_lockouts`: the same columns. */
export type LockoutTable = typeof loginLockouts | typeof operatorLoginLockouts;

export interface CountedFailure {
  failedCount: number;
  /** The ID is locked now (by this failure or an earlier one). */
  locked: boolean;
  /** This very failure locked it: only its request mails the person and writes the audit entry. */
  newlyLocked: boolean;
  lockedUntil: Date | null;
}

/** Adds one failure in one upsert (so concurrent failures all count) and locks at the threshold. */
export async function countLoginFailure(
  db: DbOrTx,
  table: LockoutTable,
  input: { loginIdKey: string; policy: LockoutPolicy; now: Temporal.Instant },
): Promise<CountedFailure> {
  // Both tables have the same columns; drizzle wants one concrete table type per statement.
  const t = table as typeof loginLockouts;
  const at = toDate(input.now);
  const [counted] = await db
    .insert(t)
    .values({ loginIdKey: input.loginIdKey, failedCount: 1, lastFailedAt: at })
    .onConflictDoUpdate({
      target: t.loginIdKey,
      set: { failedCount: sql`${t.failedCount} + 1`, lastFailedAt: at },
    })
    .returning({ failedCount: t.failedCount });
  const failedCount = counted?.failedCount ?? 0;
  if (failedCount < input.policy.threshold) {
    return { failedCount, locked: false, newlyLocked: false, lockedUntil: null };
  }
  const lockedUntil =
    input.policy.mode === 'auto' ? toDate(input.now.add({ minutes: input.policy.minutes })) : null;
  const locked = await db
    .update(t)
    .set({ lockedAt: at, lockedUntil })
    .where(and(eq(t.loginIdKey, input.loginIdKey), isNull(t.lockedAt)))
    .returning({ key: t.loginIdKey });
  return { failedCount, locked: true, newlyLocked: locked.length > 0, lockedUntil };
}

/**
 * Lifts an automatic lock whose time is up, with a fresh count (here rather than by a sweep job), and
 * says whether the ID is still locked and whether a lock was just lifted.
 */
export async function readLoginLock(
  db: DbOrTx,
  table: LockoutTable,
  input: { loginIdKey: string; now: Temporal.Instant },
): Promise<{ locked: boolean; lifted: boolean }> {
  const t = table as typeof loginLockouts;
  const lifted = await db
    .update(t)
    .set({ failedCount: 0, lockedAt: null, lockedUntil: null })
    .where(
      and(
        eq(t.loginIdKey, input.loginIdKey),
        isNotNull(t.lockedUntil),
        lte(t.lockedUntil, toDate(input.now)),
      ),
    )
    .returning({ key: t.loginIdKey });
  const [row] = await db.select({ lockedAt: t.lockedAt }).from(t).where(eq(t.loginIdKey, input.loginIdKey));
  return { locked: Boolean(row?.lockedAt), lifted: lifted.length > 0 };
}
