// Resets a member's second factor after an identity check: mailed codes to the registered address, no backup codes, no sessions.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authSession, authTwoFactor, memberBackupCodes, members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, type IdentityCheck, recordIdentityCheck } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import { identityErrors } from './identity-errors.js';

export interface ResetMemberSecondFactorInput {
  memberId: string;
  identityCheck: IdentityCheck;
  actor: Actor & { kind: 'operator'; id: string };
  now: Temporal.Instant;
}

/**
 * For a member who lost the phone or the backup codes (seed 001): the channel goes back to `email` at the
 * member's registered contact address, every backup code is revoked (new ones are issued on My Page), every
 * session ends so whoever holds a lost device is out, and the member is mailed. One transaction, with the
 * identity check stored beside the audit entry. `member_not_found` (404) for an unknown id.
 */
export async function resetMemberSecondFactor(
  db: Db,
  input: ResetMemberSecondFactorInput,
): Promise<{ backupCodesRevoked: number; sessionsEnded: number }> {
  return db.transaction(async (tx) => {
    const [member] = await tx.select().from(members).where(eq(members.id, input.memberId));
    if (!member) throw identityErrors.memberNotFound();
    await tx
      .update(members)
      .set({ secondFactorChannel: 'email', updatedAt: toDate(input.now) })
      .where(eq(members.id, member.id));
    const revoked = await tx
      .delete(memberBackupCodes)
      .where(eq(memberBackupCodes.memberId, member.id))
      .returning({ position: memberBackupCodes.position });
    // Unused today (members have no authenticator app), deleted so no factor survives the reset.
    await tx.delete(authTwoFactor).where(eq(authTwoFactor.userId, member.id));
    const ended = await tx
      .delete(authSession)
      .where(eq(authSession.userId, member.id))
      .returning({ id: authSession.id });
    await enqueueMail(tx, {
      template: 'member-second-factor-reset',
      locale: member.locale,
      to: member.email,
      payload: { name: member.name, loginId: member.loginId, email: member.email },
      now: input.now,
    });
    await recordIdentityCheck(tx, {
      actor: input.actor,
      action: 'member.second_factor_reset',
      purpose: 'member.second_factor_reset',
      targetType: 'member',
      targetId: member.id,
      check: input.identityCheck,
      before: { secondFactorChannel: member.secondFactorChannel, backupCodes: revoked.length },
      after: {
        secondFactorChannel: 'email',
        email: member.email,
        backupCodesRevoked: revoked.length,
        sessionsEnded: ended.length,
      },
      at: input.now,
    });
    return { backupCodesRevoked: revoked.length, sessionsEnded: ended.length };
  });
}
