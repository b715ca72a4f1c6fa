// The anonymisation sweep: after the retention period, a withdrawn or rejected member's personal data is replaced.
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import {
  authAccount,
  authSession,
  authTwoFactor,
  authUser,
  authVerification,
  memberBackupCodes,
  memberConsents,
  memberEmailChanges,
  memberEmailConfirmations,
  memberPasswordResets,
  members,
} from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { recordAudit } from '../audit/index.js';

export interface AnonymiseDueMembersInput {
  now: Temporal.Instant;
  /** Members per transaction; the sweep goes on until none is due. */
  batchSize?: number;
}

/**
 * Anonymises every member whose `anonymise_due_at` has passed by `now`: name, kana, contact email, company,
 * department, address, phones and the marketing opt-in are blanked; the login ID is freed (better-auth's
 * `username` becomes null, so the ID may be registered again, and `members.login_id` is blanked); the
 * password, sessions, backup codes, password resets, email changes and confirmations are deleted; consents
 * keep kind, version and date but lose the client address. The member id, status and dates stay, and so
 * does the audit log (and, later, invoices), as the law requires. Rows already anonymised are never
 * touched again, and rows another node is sweeping are skipped, so the sweep is safe to repeat.
 * Returns the ids anonymised.
 */
export async function anonymiseDueMembers(db: Db, input: AnonymiseDueMembersInput): Promise<string[]> {
  const at = toDate(input.now);
  const batchSize = input.batchSize ?? 100;
  const done: string[] = [];
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: members.id, status: members.status })
        .from(members)
        .where(
          and(
            inArray(members.status, ['withdrawn', 'rejected']),
            isNull(members.anonymisedAt),
            lte(members.anonymiseDueAt, at),
          ),
        )
        .orderBy(asc(members.anonymiseDueAt), asc(members.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const member of due) {
        await tx
          .update(members)
          .set({
            loginId: '',
            name: '',
            nameKana: '',
            email: '',
            companyName: null,
            department: null,
            postalCode: '',
            prefecture: '',
            city: '',
            street: '',
            building: null,
            phone: '',
            mobilePhone: null,
            secondFactorChannel: 'email',
            marketingOptIn: false,
            rejectionReason: null,
            anonymisedAt: at,
            updatedAt: at,
          })
          .where(eq(members.id, member.id));
        // The internal address `<id>@members.keiyaku.invalid` names nobody, so better-auth's unique email stays.
        await tx
          .update(authUser)
          .set({ name: '', username: null, displayUsername: null, image: null, updatedAt: at })
          .where(eq(authUser.id, member.id));
        await tx.delete(authAccount).where(eq(authAccount.userId, member.id));
        await tx.delete(authSession).where(eq(authSession.userId, member.id));
        await tx.delete(authVerification).where(eq(authVerification.value, member.id));
        await tx.delete(authTwoFactor).where(eq(authTwoFactor.userId, member.id));
        await tx.delete(memberBackupCodes).where(eq(memberBackupCodes.memberId, member.id));
        await tx.delete(memberEmailChanges).where(eq(memberEmailChanges.memberId, member.id));
        await tx.delete(memberPasswordResets).where(eq(memberPasswordResets.memberId, member.id));
        await tx.delete(memberEmailConfirmations).where(eq(memberEmailConfirmations.memberId, member.id));
        await tx
          .update(memberConsents)
          .set({ ipAddress: null })
          .where(eq(memberConsents.memberId, member.id));
        await recordAudit(tx, {
          actor: { kind: 'system', id: null },
          action: 'member.anonymised',
          targetType: 'member',
          targetId: member.id,
          after: { status: member.status, anonymisedAt: at.toISOString() },
          at: input.now,
        });
      }
      return due.map((member) => member.id);
    });
    done.push(...batch);
    if (batch.length < batchSize) return done;
  }
}
