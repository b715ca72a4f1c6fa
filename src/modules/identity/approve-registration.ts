// An operator approves a registration waiting for review: the member becomes active and gets the "registration complete" mail.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { assertMemberTransition } from '../../domain/member-status.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import { lockMember } from './lock-member.js';

export interface ApproveRegistrationInput {
  memberId: string;
  /** The operator approving. */
  actor: Actor & { kind: 'operator'; id: string };
  now: Temporal.Instant;
}

/** `pending_review → active`; any other status is `member_transition_not_allowed` (409), an unknown id 404. */
export async function approveRegistration(
  db: Db,
  input: ApproveRegistrationInput,
): Promise<{ status: 'active' }> {
  const at = toDate(input.now);
  return db.transaction(async (tx) => {
    const member = await lockMember(tx, input.memberId);
    assertMemberTransition(member.status, 'active');
    await tx
      .update(members)
      .set({ status: 'active', reviewedAt: at, reviewedBy: input.actor.id, updatedAt: at })
      .where(eq(members.id, member.id));
    await enqueueMail(tx, {
      template: 'member-registration-complete',
      locale: member.locale,
      to: member.email,
      payload: { name: member.name, loginId: member.loginId },
      now: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'member.registration_approved',
      targetType: 'member',
      targetId: member.id,
      before: { status: member.status },
      after: { status: 'active' },
      at: input.now,
    });
    return { status: 'active' as const };
  });
}
