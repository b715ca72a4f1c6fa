// Confirms a member's email address from the single-use link; it never signs the member in. Then the review setting decides.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authUser, memberEmailConfirmations, members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { assertMemberTransition } from '../../domain/member-status.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import { getStoreSettings } from '../store/index.js';
import { hashConfirmationToken } from './confirmation-token.js';
import { identityErrors } from './identity-errors.js';

export interface ConfirmEmailInput {
  token: string;
  actor: Actor;
  now: Temporal.Instant;
}

export interface ConfirmedEmail {
  memberId: string;
  /** `active` with automatic review (the "registration complete" mail is queued), `pending_review` with manual. */
  status: 'active' | 'pending_review';
}

/**
 * Spends the token; with `registrationReview = auto` the member becomes active and gets the "registration
 * complete" mail, with `manual` the member waits in the operators' queue. A used, superseded or expired token
 * is `confirmation_link_invalid`.
 */
export async function confirmEmail(db: Db, input: ConfirmEmailInput): Promise<ConfirmedEmail> {
  const at = toDate(input.now);
  return db.transaction(async (tx) => {
    // One conditional update spends the token, so two clicks racing cannot both succeed.
    const [spent] = await tx
      .update(memberEmailConfirmations)
      .set({ usedAt: at })
      .where(
        and(
          eq(memberEmailConfirmations.tokenHash, hashConfirmationToken(input.token)),
          isNull(memberEmailConfirmations.usedAt),
          gt(memberEmailConfirmations.expiresAt, at),
        ),
      )
      .returning({ memberId: memberEmailConfirmations.memberId });
    if (!spent) throw identityErrors.confirmationTokenInvalid();
    const { registrationReview } = await getStoreSettings(tx);
    const status = registrationReview === 'manual' ? 'pending_review' : 'active';
    assertMemberTransition('unconfirmed', status);
    const [member] = await tx
      .update(members)
      .set({ status, confirmedAt: at, updatedAt: at })
      .where(and(eq(members.id, spent.memberId), eq(members.status, 'unconfirmed')))
      .returning({
        name: members.name,
        loginId: members.loginId,
        email: members.email,
        locale: members.locale,
      });
    if (!member) throw identityErrors.confirmationTokenInvalid();
    await tx
      .update(authUser)
      .set({ emailVerified: true, updatedAt: at })
      .where(eq(authUser.id, spent.memberId));
    await recordAudit(tx, {
      actor: { ...input.actor, id: spent.memberId },
      action: 'member.email_confirmed',
      targetType: 'member',
      targetId: spent.memberId,
      before: { status: 'unconfirmed' },
      after: { status },
      at: input.now,
    });
    if (status === 'active') {
      await enqueueMail(tx, {
        template: 'member-registration-complete',
        locale: member.locale,
        to: member.email,
        payload: { name: member.name, loginId: member.loginId },
        now: input.now,
      });
    }
    return { memberId: spent.memberId, status };
  });
}
