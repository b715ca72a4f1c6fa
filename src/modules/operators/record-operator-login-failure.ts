// Counts one failed operator sign-in step against a login ID and locks it at the store's threshold, mailing the operator.
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { operatorLoginLockouts, operators, operatorUser } from '../../db/schema/operators.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { countLoginFailure, type LockoutPolicy } from '../identity/auth-index.js';
import { enqueueMail } from '../notifications/index.js';

export interface RecordOperatorLoginFailureInput {
  loginIdKey: string;
  policy: LockoutPolicy;
  actor: Actor;
}

/** Adds one failure; returns whether the ID is now locked (the caller then answers `login_locked`) and how many failures it has left. */
export async function recordOperatorLoginFailure(
  ctx: AppContext,
  input: RecordOperatorLoginFailureInput,
): Promise<{ locked: boolean; failuresLeft: number }> {
  const now = ctx.clock.now();
  const counted = await countLoginFailure(ctx.db, operatorLoginLockouts, {
    loginIdKey: input.loginIdKey,
    policy: input.policy,
    now,
  });
  if (!counted.locked) return { locked: false, failuresLeft: input.policy.threshold - counted.failedCount };
  // Only the request whose failure locked the ID sends the mail and writes the audit entry.
  if (!counted.newlyLocked) return { locked: true, failuresLeft: 0 };
  const { lockedUntil } = counted;

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
  return { locked: true, failuresLeft: 0 };
}
