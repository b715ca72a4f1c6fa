// Counts one failed sign-in step against a login ID and locks it at the store's threshold, mailing the member.
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { authUser, loginLockouts, members } from '../../db/schema/identity.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import { countLoginFailure } from './lockout-counters.js';
import type { LockoutPolicy } from './lockout-policy.js';

export interface RecordLoginFailureInput {
  loginIdKey: string;
  policy: LockoutPolicy;
  actor: Actor;
}

/** Adds one failure; returns whether the ID is locked now (the caller then answers `login_locked`) and how many failures it has left. */
export async function recordLoginFailure(
  ctx: AppContext,
  input: RecordLoginFailureInput,
): Promise<{ locked: boolean; failuresLeft: number }> {
  const now = ctx.clock.now();
  const counted = await countLoginFailure(ctx.db, loginLockouts, {
    loginIdKey: input.loginIdKey,
    policy: input.policy,
    now,
  });
  if (!counted.locked) return { locked: false, failuresLeft: input.policy.threshold - counted.failedCount };
  // Only the request whose failure locked the ID sends the mail and writes the audit entry.
  if (!counted.newlyLocked) return { locked: true, failuresLeft: 0 };
  const { lockedUntil } = counted;

  const [member] = await ctx.db
    .select({
      id: members.id,
      loginId: members.loginId,
      name: members.name,
      email: members.email,
      locale: members.locale,
    })
    .from(members)
    .innerJoin(authUser, eq(authUser.id, members.id))
    .where(eq(authUser.username, input.loginIdKey));
  await ctx.db.transaction(async (tx) => {
    if (member) {
      await enqueueMail(tx, {
        template: 'member-login-locked',
        locale: member.locale,
        to: member.email,
        payload: {
          name: member.name,
          loginId: member.loginId,
          mode: input.policy.mode,
          minutes: input.policy.minutes,
        },
        now,
      });
    }
    await recordAudit(tx, {
      actor: { ...input.actor, id: member?.id ?? input.actor.id },
      action: 'login_id.locked',
      targetType: member ? 'member' : 'login_id',
      targetId: member?.id ?? input.loginIdKey,
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
