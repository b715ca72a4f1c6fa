// Finishes a forgotten-password reset: link token and temporary password together set a new, policy-checked password.
import { timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authAccount, authSession, memberPasswordResets, members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import { getStoreSettings } from '../store/index.js';
import { identityErrors } from './identity-errors.js';
import { hashPassword } from './password-hashing.js';
import { assertPasswordMeetsPolicy } from './password-policy.js';
import { hashResetSecret, PASSWORD_RESET_ATTEMPTS } from './password-reset-secrets.js';

export interface CompletePasswordResetInput {
  token: string;
  temporaryPassword: string;
  newPassword: string;
  actor: Actor;
  now: Temporal.Instant;
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Sets the new password and signs the member out everywhere. Wrong, used and expired links and wrong
 * temporary passwords all get one answer, `password_reset_invalid`; five wrong temporary passwords spend the link.
 */
export async function completePasswordReset(db: Db, input: CompletePasswordResetInput): Promise<void> {
  const at = toDate(input.now);
  const tokenHash = hashResetSecret(input.token);
  const [reset] = await db
    .select()
    .from(memberPasswordResets)
    .where(eq(memberPasswordResets.tokenHash, tokenHash));
  if (!reset || reset.usedAt !== null || reset.expiresAt.getTime() <= at.getTime()) {
    throw identityErrors.passwordResetInvalid();
  }
  const actor = { ...input.actor, id: input.actor.id ?? reset.memberId };
  if (!sameHash(hashResetSecret(input.temporaryPassword), reset.temporaryPasswordHash)) {
    await db.transaction(async (tx) => {
      await tx
        .update(memberPasswordResets)
        .set({
          failedAttempts: sql`${memberPasswordResets.failedAttempts} + 1`,
          usedAt: sql`case when ${memberPasswordResets.failedAttempts} + 1 >= ${PASSWORD_RESET_ATTEMPTS} then ${at.toISOString()}::timestamptz else null end`,
        })
        .where(and(eq(memberPasswordResets.tokenHash, tokenHash), isNull(memberPasswordResets.usedAt)));
      await recordAudit(tx, {
        actor,
        action: 'member.password_reset_failed',
        targetType: 'member',
        targetId: reset.memberId,
        reason: 'wrong temporary password',
        at: input.now,
      });
    });
    throw identityErrors.passwordResetInvalid();
  }

  const [member] = await db.select().from(members).where(eq(members.id, reset.memberId));
  if (!member) throw identityErrors.passwordResetInvalid();
  const { passwordPolicy } = await getStoreSettings(db);
  // A policy failure leaves the link unspent, so the member can try another password.
  assertPasswordMeetsPolicy(
    input.newPassword,
    { preset: passwordPolicy, loginId: member.loginId },
    'newPassword',
  );
  const passwordHash = await hashPassword(input.newPassword);

  await db.transaction(async (tx) => {
    // The conditional update is what makes the link single-use when two requests race.
    const spent = await tx
      .update(memberPasswordResets)
      .set({ usedAt: at })
      .where(and(eq(memberPasswordResets.tokenHash, tokenHash), isNull(memberPasswordResets.usedAt)))
      .returning({ memberId: memberPasswordResets.memberId });
    if (spent.length === 0) throw identityErrors.passwordResetInvalid();
    await tx
      .update(authAccount)
      .set({ password: passwordHash, updatedAt: at })
      .where(and(eq(authAccount.userId, member.id), eq(authAccount.providerId, 'credential')));
    await tx.delete(authSession).where(eq(authSession.userId, member.id));
    await enqueueMail(tx, {
      template: 'member-password-changed',
      locale: member.locale,
      to: member.email,
      payload: { name: member.name, loginId: member.loginId, via: 'reset' },
      now: input.now,
    });
    await recordAudit(tx, {
      actor,
      action: 'member.password_reset',
      targetType: 'member',
      targetId: member.id,
      reason: 'forgotten password; every session signed out',
      at: input.now,
    });
  });
}
