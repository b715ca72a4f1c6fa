// Starts a forgotten-password reset: two mails, a single-use link and a temporary password, both needed.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authUser, memberPasswordResets, members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import { normalizeLoginId } from './login-id.js';
import {
  hashResetSecret,
  newResetToken,
  newTemporaryPassword,
  PASSWORD_RESET_VALID_MINUTES,
} from './password-reset-secrets.js';

export interface RequestPasswordResetInput {
  loginId: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** Mails both secrets to an active member's contact address; for any other ID does nothing, and says nothing. */
export async function requestPasswordReset(db: Db, input: RequestPasswordResetInput): Promise<void> {
  await db.transaction(async (tx) => {
    const [member] = await tx
      .select({
        id: members.id,
        loginId: members.loginId,
        name: members.name,
        email: members.email,
        locale: members.locale,
        status: members.status,
      })
      .from(members)
      .innerJoin(authUser, eq(authUser.id, members.id))
      .where(eq(authUser.username, normalizeLoginId(input.loginId)));
    if (member?.status !== 'active') return;
    const at = toDate(input.now);
    // Only the newest request works: an older pair in a mailbox someone else reads becomes useless.
    await tx
      .update(memberPasswordResets)
      .set({ expiresAt: at })
      .where(
        and(
          eq(memberPasswordResets.memberId, member.id),
          isNull(memberPasswordResets.usedAt),
          gt(memberPasswordResets.expiresAt, at),
        ),
      );
    const token = newResetToken();
    const temporaryPassword = newTemporaryPassword();
    await tx.insert(memberPasswordResets).values({
      tokenHash: hashResetSecret(token),
      memberId: member.id,
      temporaryPasswordHash: hashResetSecret(temporaryPassword),
      expiresAt: toDate(input.now.add({ minutes: PASSWORD_RESET_VALID_MINUTES })),
      createdAt: at,
    });
    const common = { locale: member.locale, to: member.email, now: input.now } as const;
    await enqueueMail(tx, {
      ...common,
      template: 'member-password-reset-link',
      payload: {
        name: member.name,
        loginId: member.loginId,
        token,
        validMinutes: PASSWORD_RESET_VALID_MINUTES,
      },
    });
    await enqueueMail(tx, {
      ...common,
      template: 'member-temporary-password',
      payload: {
        name: member.name,
        loginId: member.loginId,
        temporaryPassword,
        validMinutes: PASSWORD_RESET_VALID_MINUTES,
      },
    });
    await recordAudit(tx, {
      actor: { ...input.actor, id: input.actor.id ?? member.id },
      action: 'member.password_reset_requested',
      targetType: 'member',
      targetId: member.id,
      at: input.now,
    });
  });
}
