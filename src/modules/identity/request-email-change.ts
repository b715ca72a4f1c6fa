// Starts a change of a member's contact email: a link to the new address, a notice to the old one, audited.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { memberEmailChanges } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { kernelErrors } from '../../domain/errors.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import { hashConfirmationToken } from './confirmation-token.js';
import { getMemberProfile } from './get-member-profile.js';

/** How long the link to the new address works. */
export const EMAIL_CHANGE_VALID_HOURS = 24;

// The same normalisation as at registration, so the stored address looks the same whichever way it came.
const newEmailSchema = z
  .string()
  .transform((value) => value.normalize('NFKC').trim())
  .pipe(z.email().max(254));

export interface RequestEmailChangeInput {
  memberId: string;
  newEmail: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** Queues the confirmation link to the new address and the notice to the current one; older pending links stop working. */
export async function requestEmailChange(
  db: Db,
  input: RequestEmailChangeInput,
): Promise<{ newEmail: string }> {
  const parsed = newEmailSchema.safeParse(input.newEmail);
  if (!parsed.success)
    throw kernelErrors.validation(
      zodIssuesToFields(parsed.error.issues).map((issue) => ({ ...issue, path: 'newEmail' })),
    );
  const newEmail = parsed.data;
  const member = await getMemberProfile(db, input.memberId);
  if (newEmail === member.email) {
    throw kernelErrors.validation([
      {
        path: 'newEmail',
        code: 'email_unchanged',
        message: {
          ja: '現在と同じメールアドレスです。',
          en: 'This is already your email address.',
        },
      },
    ]);
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx
      .update(memberEmailChanges)
      .set({ expiresAt: toDate(input.now) })
      .where(and(eq(memberEmailChanges.memberId, input.memberId), isNull(memberEmailChanges.usedAt)));
    await tx.insert(memberEmailChanges).values({
      tokenHash: hashConfirmationToken(token),
      memberId: input.memberId,
      newEmail,
      expiresAt: toDate(input.now.add({ hours: EMAIL_CHANGE_VALID_HOURS })),
      createdAt: toDate(input.now),
    });
    await enqueueMail(tx, {
      template: 'member-email-change-confirmation',
      locale: member.locale,
      to: newEmail,
      payload: { name: member.name, loginId: member.loginId, token, validHours: EMAIL_CHANGE_VALID_HOURS },
      now: input.now,
    });
    await enqueueMail(tx, {
      template: 'member-email-change-notice',
      locale: member.locale,
      to: member.email,
      payload: { name: member.name, loginId: member.loginId, newEmail },
      now: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'member.email_change_requested',
      targetType: 'member',
      targetId: input.memberId,
      before: { email: member.email },
      after: { requestedEmail: newEmail },
      at: input.now,
    });
  });
  return { newEmail };
}
