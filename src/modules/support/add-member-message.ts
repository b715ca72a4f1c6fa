// A member writes again on their own inquiry; an answered inquiry goes back to "in progress".
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { inquiries, inquiryMessages } from '../../db/schema/support.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { assertInquiryTransition, type InquiryStatus } from '../../domain/inquiries.js';
import { recordAudit } from '../audit/index.js';
import { lockInquiry } from './lock-inquiry.js';
import { supportErrors } from './support-errors.js';

export interface AddMemberMessageInput {
  memberId: string;
  inquiryId: string;
  body: string;
  requestId?: string;
  now: Temporal.Instant;
}

export interface AddedMemberMessage {
  messageId: string;
  status: InquiryStatus;
}

/** Adds the member's follow-up; another member's inquiry is `inquiry_not_found`, a closed one `inquiry_closed`. */
export async function addMemberMessage(db: Db, input: AddMemberMessageInput): Promise<AddedMemberMessage> {
  return db.transaction(async (tx) => {
    const inquiry = await lockInquiry(tx, input.inquiryId);
    if (inquiry.memberId !== input.memberId) throw supportErrors.inquiryNotFound();
    if (inquiry.status === 'closed') throw supportErrors.inquiryClosed();
    const status: InquiryStatus = inquiry.status === 'answered' ? 'in_progress' : inquiry.status;
    if (status !== inquiry.status) assertInquiryTransition(inquiry.status, status);
    const messageId = newId('inquiryMessage');
    const at = toDate(input.now);
    await tx.insert(inquiryMessages).values({
      id: messageId,
      inquiryId: inquiry.id,
      direction: 'from_customer',
      body: input.body,
      authorKind: 'member',
      authorId: input.memberId,
      createdAt: at,
    });
    await tx.update(inquiries).set({ status, updatedAt: at }).where(eq(inquiries.id, inquiry.id));
    await recordAudit(tx, {
      actor: {
        kind: 'member',
        id: input.memberId,
        ...(input.requestId ? { requestId: input.requestId } : {}),
      },
      action: 'inquiry.customer_message_added',
      targetType: 'inquiry',
      targetId: inquiry.id,
      before: { status: inquiry.status },
      after: { status, messageId },
      at: input.now,
    });
    return { messageId, status };
  });
}
