// Counts one failed sign-in step against a login ID and locks it at the store's threshold, telling its owner.
import type { AppContext } from '../../context.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { countLoginFailure } from './lockout-counters.js';
import type { LockoutPolicy } from './lockout-policy.js';
import type { LoginLockoutSubject } from './login-lockout-subject.js';

export interface RecordLoginFailureInput {
  loginIdKey: string;
  policy: LockoutPolicy;
  actor: Actor;
}

/** Adds one failure; returns whether the ID is locked now (the caller then answers `login_locked`) and how many failures it has left. */
export async function recordLoginFailure(
  ctx: AppContext,
  subject: LoginLockoutSubject,
  input: RecordLoginFailureInput,
): Promise<{ locked: boolean; failuresLeft: number }> {
  const now = ctx.clock.now();
  const counted = await countLoginFailure(ctx.db, subject.table, {
    loginIdKey: input.loginIdKey,
    policy: input.policy,
    now,
  });
  if (!counted.locked) return { locked: false, failuresLeft: input.policy.threshold - counted.failedCount };
  // Only the request whose failure locked the ID sends the mail and writes the audit entry.
  if (!counted.newlyLocked) return { locked: true, failuresLeft: 0 };
  const { lockedUntil } = counted;

  const person = await subject.findPerson(ctx.db, input.loginIdKey, input.policy);
  await ctx.db.transaction(async (tx) => {
    await person?.tellOfLock(tx, now);
    await recordAudit(tx, {
      actor: { ...input.actor, id: person?.id ?? input.actor.id },
      action: `${subject.loginIdKind}.locked`,
      targetType: person ? subject.personKind : subject.loginIdKind,
      targetId: person?.id ?? input.loginIdKey,
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
