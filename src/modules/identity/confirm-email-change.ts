// Applies a requested email change when the signed-in member opens the link mailed to the new address.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { memberEmailChanges, members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { hashConfirmationToken } from './confirmation-token.js';
import { identityErrors } from './identity-errors.js';

export interface ConfirmEmailChangeInput {
  memberId: string;
  token: string;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Spends the token and sets the new address. The token must belong to the session's member, so a link
 * opened in someone else's session changes nothing; used, superseded and expired links are `email_change_link_invalid`.
 */
export async function confirmEmailChange(db: Db, input: ConfirmEmailChangeInput): Promise<{ email: string }> {
  const at = toDate(input.now);
  return db.transaction(async (tx) => {
    // One conditional update spends the token, so two clicks racing cannot both succeed.
    const [spent] = await tx
      .update(memberEmailChanges)
      .set({ usedAt: at })
      .where(
        and(
          eq(memberEmailChanges.tokenHash, hashConfirmationToken(input.token)),
          eq(memberEmailChanges.memberId, input.memberId),
          isNull(memberEmailChanges.usedAt),
          gt(memberEmailChanges.expiresAt, at),
        ),
      )
      .returning({ newEmail: memberEmailChanges.newEmail });
    if (!spent) throw identityErrors.emailChangeLinkInvalid();
    const [before] = await tx
      .select({ email: members.email })
      .from(members)
      .where(eq(members.id, input.memberId));
    await tx
      .update(members)
      .set({ email: spent.newEmail, updatedAt: at })
      .where(eq(members.id, input.memberId));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'member.email_changed',
      targetType: 'member',
      targetId: input.memberId,
      before: { email: before?.email ?? null },
      after: { email: spent.newEmail },
      at: input.now,
    });
    return { email: spent.newEmail };
  });
}
