// An operator moves an inquiry through its status machine, with an optional reason kept in the audit log.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { inquiries } from '../../db/schema/support.js';
import { toDate } from '../../domain/clock.js';
import { assertInquiryTransition, type InquiryStatus } from '../../domain/inquiries.js';
import { recordAudit } from '../audit/index.js';
import { lockInquiry } from './lock-inquiry.js';
import type { OperatorActor } from './operator-actor.js';

export interface ChangeInquiryStatusInput {
  inquiryId: string;
  status: InquiryStatus;
  reason?: string;
  actor: OperatorActor;
  now: Temporal.Instant;
}

/** Changes the status if the machine allows it, else `inquiry_transition_not_allowed` (409). */
export async function changeInquiryStatus(db: Db, input: ChangeInquiryStatusInput): Promise<void> {
  await db.transaction(async (tx) => {
    const inquiry = await lockInquiry(tx, input.inquiryId);
    assertInquiryTransition(inquiry.status, input.status);
    await tx
      .update(inquiries)
      .set({ status: input.status, updatedAt: toDate(input.now) })
      .where(eq(inquiries.id, inquiry.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'inquiry.status_changed',
      targetType: 'inquiry',
      targetId: inquiry.id,
      before: { status: inquiry.status },
      after: { status: input.status },
      ...(input.reason ? { reason: input.reason } : {}),
      at: input.now,
    });
  });
}
