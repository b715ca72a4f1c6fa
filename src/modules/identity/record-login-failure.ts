// Counts one failed sign-in step against a login ID and locks it at the store's threshold, mailing the member.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { authUser, loginLockouts, members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import type { LockoutPolicy } from './lockout-policy.js';

export interface RecordLoginFailureInput {
  loginIdKey: string;
  policy: LockoutPolicy;
  actor: Actor;
}

/** Adds one failure; returns whether this failure locked the ID (the caller then answers `login_locked`). */
export async function recordLoginFailure(
  ctx: AppContext,
  input: RecordLoginFailureInput,
): Promise<{ locked: boolean }> {
  const now = ctx.clock.now();
  const at = toDate(now);
  // One upsert, so concurrent failures are all counted.
  const [counted] = await ctx.db
    .insert(loginLockouts)
    .values({ loginIdKey: input.loginIdKey, failedCount: 1, lastFailedAt: at })
    .onConflictDoUpdate({
      target: loginLockouts.loginIdKey,
      set: { failedCount: sql`${loginLockouts.failedCount} + 1`, lastFailedAt: at },
    })
    .returning({ failedCount: loginLockouts.failedCount });
  if (!counted || counted.failedCount < input.policy.threshold) return { locked: false };

  const lockedUntil =
    input.policy.mode === 'auto' ? toDate(now.add({ minutes: input.policy.minutes })) : null;
  // Only the request whose update finds the ID unlocked sends the mail and writes the audit entry.
  const locked = await ctx.db
    .update(loginLockouts)
    .set({ lockedAt: at, lockedUntil })
    .where(and(eq(loginLockouts.loginIdKey, input.loginIdKey), isNull(loginLockouts.lockedAt)))
    .returning({ key: loginLockouts.loginIdKey });
  if (locked.length === 0) return { locked: true };

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
  return { locked: true };
}
