// An operator rejects a registration waiting for review, with a reason mailed to the person; the data is anonymised later.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authSession, authVerification, members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { assertMemberTransition } from '../../domain/member-status.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import { getStoreSettings } from '../store/index.js';
import { lockMember } from './lock-member.js';

export interface RejectRegistrationInput {
  memberId: string;
  /** Told to the person in the mail, so written for them. */
  reason: string;
  actor: Actor & { kind: 'operator'; id: string };
  now: Temporal.Instant;
}

/**
 * `pending_review → rejected`: the mail carries the reason, and the personal data is anonymised after the
 * store's retention period like a withdrawn member's. Any other status is `member_transition_not_allowed` (409).
 */
export async function rejectRegistration(
  db: Db,
  input: RejectRegistrationInput,
): Promise<{ status: 'rejected'; anonymiseDueAt: Date }> {
  const at = toDate(input.now);
  const reason = input.reason.trim();
  return db.transaction(async (tx) => {
    const member = await lockMember(tx, input.memberId);
    assertMemberTransition(member.status, 'rejected');
    const { personalDataRetentionDays } = await getStoreSettings(tx);
    const anonymiseDueAt = toDate(input.now.add({ hours: 24 * personalDataRetentionDays }));
    await tx
      .update(members)
      .set({
        status: 'rejected',
        reviewedAt: at,
        reviewedBy: input.actor.id,
        rejectionReason: reason,
        anonymiseDueAt,
        updatedAt: at,
      })
      .where(eq(members.id, member.id));
    // A pending member cannot sign in, so there should be none; deleting makes it certain.
    await tx.delete(authSession).where(eq(authSession.userId, member.id));
    // A sign-in waiting for its code (the challenge row's value is the member id) must not open a session.
    await tx.delete(authVerification).where(eq(authVerification.value, member.id));
    await enqueueMail(tx, {
      template: 'member-registration-rejected',
      locale: member.locale,
      to: member.email,
      payload: { name: member.name, loginId: member.loginId, reason },
      now: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'member.registration_rejected',
      targetType: 'member',
      targetId: member.id,
      before: { status: member.status },
      after: { status: 'rejected', anonymiseDueAt: anonymiseDueAt.toISOString() },
      reason,
      at: input.now,
    });
    return { status: 'rejected' as const, anonymiseDueAt };
  });
}
