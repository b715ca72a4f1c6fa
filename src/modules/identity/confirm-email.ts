// Confirms a member's email address from the single-use link; it never signs the member in.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authUser, memberEmailConfirmations, members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { hashConfirmationToken } from './confirmation-token.js';
import { identityErrors } from './identity-errors.js';

export interface ConfirmEmailInput {
  token: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** Spends the token and activates the member; a used, superseded or expired token is `confirmation_link_invalid`. */
export async function confirmEmail(db: Db, input: ConfirmEmailInput): Promise<{ memberId: string }> {
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
    const [member] = await tx
      .update(members)
      .set({ status: 'active', confirmedAt: at })
      .where(and(eq(members.id, spent.memberId), eq(members.status, 'unconfirmed')))
      .returning({ id: members.id });
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
      after: { status: 'active' },
      at: input.now,
    });
    return { memberId: spent.memberId };
  });
}
