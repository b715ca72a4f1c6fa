// Withdraws a member (退会), by the member or by an operator: blockers checked, sessions ended, mail, audit, one transaction.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import {
  authSession,
  authVerification,
  memberEmailChanges,
  memberPasswordResets,
  members,
} from '../../db/schema/identity.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { assertMemberTransition } from '../../domain/member-status.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import { getStoreSettings } from '../store/index.js';
import { lockMember } from './lock-member.js';
import type { WithdrawalBlockerRegistry } from './withdrawal-blockers.js';

export interface WithdrawMemberInput {
  memberId: string;
  /** `self` for the member's own withdrawal on My Page; an operator's reason otherwise. */
  reason: string;
  actor: Actor;
  now: Temporal.Instant;
}

export interface WithdrawnMember {
  status: 'withdrawn';
  withdrawnAt: Date;
  anonymiseDueAt: Date;
}

/**
 * `active → withdrawn` (any other status is `member_transition_not_allowed`, 409). The blockers run inside
 * the transaction, after the member's row is locked, so a blocker sees what this transaction sees; any
 * reason is `withdrawal_blocked` (409) and nothing changes. Every session is deleted, pending password
 * resets and email changes are spent, and the personal data is due for anonymisation after the store's
 * retention period as it stands now.
 */
export async function withdrawMember(
  db: Db,
  blockers: WithdrawalBlockerRegistry,
  input: WithdrawMemberInput,
): Promise<WithdrawnMember> {
  const at = toDate(input.now);
  return db.transaction(async (tx) => {
    const member = await lockMember(tx, input.memberId);
    assertMemberTransition(member.status, 'withdrawn');
    await blockers.assertCanWithdraw(tx, member.id);
    const { personalDataRetentionDays } = await getStoreSettings(tx);
    const anonymiseDueAt = toDate(input.now.add({ hours: 24 * personalDataRetentionDays }));
    await tx
      .update(members)
      .set({
        status: 'withdrawn',
        withdrawnAt: at,
        withdrawalReason: input.reason,
        anonymiseDueAt,
        updatedAt: at,
      })
      .where(eq(members.id, member.id));
    const sessions = await tx
      .delete(authSession)
      .where(eq(authSession.userId, member.id))
      .returning({ id: authSession.id });
    // A sign-in waiting for its code (the challenge row's value is the member id) must not open a session.
    await tx.delete(authVerification).where(eq(authVerification.value, member.id));
    // Links already mailed must not change anything of an account that is gone.
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
    await tx
      .update(memberEmailChanges)
      .set({ expiresAt: at })
      .where(
        and(
          eq(memberEmailChanges.memberId, member.id),
          isNull(memberEmailChanges.usedAt),
          gt(memberEmailChanges.expiresAt, at),
        ),
      );
    await enqueueMail(tx, {
      template: 'member-withdrawal-complete',
      locale: member.locale,
      to: member.email,
      payload: {
        name: member.name,
        loginId: member.loginId,
        withdrawnOn: businessDateAt(input.now).toString(),
        retentionDays: personalDataRetentionDays,
      },
      now: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'member.withdrawn',
      targetType: 'member',
      targetId: member.id,
      before: { status: member.status },
      after: {
        status: 'withdrawn',
        sessionsEnded: sessions.length,
        anonymiseDueAt: anonymiseDueAt.toISOString(),
      },
      reason: input.reason,
      at: input.now,
    });
    return { status: 'withdrawn' as const, withdrawnAt: at, anonymiseDueAt };
  });
}
