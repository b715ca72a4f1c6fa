// Counts one failed operator sign-in step against a login ID and locks it at the store's threshold, mailing the operator.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { operatorLoginLockouts, operators, operatorUser } from '../../db/schema/operators.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import type { LockoutPolicy } from '../identity/auth-index.js';
import { enqueueMail } from '../notifications/index.js';

export interface RecordOperatorLoginFailureInput {
  loginIdKey: string;
  policy: LockoutPolicy;
  actor: Actor;
}

/** Adds one failure; returns whether the ID is now locked (the caller then answers `login_locked`). */
export async function recordOperatorLoginFailure(
  ctx: AppContext,
  input: RecordOperatorLoginFailureInput,
): Promise<{ locked: boolean }> {
  const now = ctx.clock.now();
  const at = toDate(now);
  // One upsert, so concurrent failures are all counted.
  const [counted] = await ctx.db
    .insert(operatorLoginLockouts)
    .values({ loginIdKey: input.loginIdKey, failedCount: 1, lastFailedAt: at })
    .onConflictDoUpdate({
      target: operatorLoginLockouts.loginIdKey,
      set: { failedCount: sql`${operatorLoginLockouts.failedCount} + 1`, lastFailedAt: at },
    })
    .returning({ failedCount: operatorLoginLockouts.failedCount });
  if (!counted || counted.failedCount < input.policy.threshold) return { locked: false };

  const lockedUntil =
    input.policy.mode === 'auto' ? toDate(now.add({ minutes: input.policy.minutes })) : null;
  // Only the request whose update finds the ID unlocked sends the mail and writes the audit entry.
  const locked = await ctx.db
    .update(operatorLoginLockouts)
    .set({ lockedAt: at, lockedUntil })
    .where(
      and(eq(operatorLoginLockouts.loginIdKey, input.loginIdKey), isNull(operatorLoginLockouts.lockedAt)),
    )
    .returning({ key: operatorLoginLockouts.loginIdKey });
  if (locked.length === 0) return { locked: true };

  const [operator] = await ctx.db
    .select({
      id: operators.id,
      loginId: operators.loginId,
      displayName: operators.displayName,
      email: operators.email,
      locale: operators.locale,
    })
    .from(operators)
    .innerJoin(operatorUser, eq(operatorUser.id, operators.id))
    .where(eq(operatorUser.username, input.loginIdKey));
  await ctx.db.transaction(async (tx) => {
    if (operator) {
      await enqueueMail(tx, {
        template: 'operator-login-locked',
        locale: operator.locale,
        to: operator.email,
        payload: {
          displayName: operator.displayName,
          loginId: operator.loginId,
          mode: input.policy.mode,
          minutes: input.policy.minutes,
        },
        now,
      });
    }
    await recordAudit(tx, {
      actor: { ...input.actor, id: operator?.id ?? input.actor.id },
      action: 'operator_login_id.locked',
      targetType: operator ? 'operator' : 'operator_login_id',
      targetId: operator?.id ?? input.loginIdKey,
      after: {
        loginIdKey: input.loginIdKey,
        failedCount: counted.failedCount,
        mode: input.policy.mode,
        lockedUntil: lockedUntil?.toISOString() ?? null,
      },
      at: now,
    });
  });
  return { locked: true };
}
