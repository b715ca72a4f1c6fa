// An operator answers an inquiry: the reply is kept, mailed to the customer, and the inquiry is "answered".
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { inquiries, inquiryMessages } from '../../db/schema/support.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { assertInquiryTransition, type InquiryStatus } from '../../domain/inquiries.js';
import { recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import { lockInquiry } from './lock-inquiry.js';
import type { OperatorActor } from './operator-actor.js';

export interface ReplyToInquiryInput {
  inquiryId: string;
  body: string;
  actor: OperatorActor;
  now: Temporal.Instant;
}

export interface InquiryReply {
  messageId: string;
  outboxId: string;
  status: 'answered';
}

/**
 * Replies by mail in the customer's language. A new inquiry passes through "in progress" on the way, as
 * the machine requires; a further reply to an answered inquiry keeps it answered; a closed one refuses.
 */
export async function replyToInquiry(db: Db, input: ReplyToInquiryInput): Promise<InquiryReply> {
  return db.transaction(async (tx) => {
    const inquiry = await lockInquiry(tx, input.inquiryId);
    const path: InquiryStatus[] =
      inquiry.status === 'new'
        ? ['in_progress', 'answered']
        : inquiry.status === 'answered'
          ? []
          : ['answered'];
    let from = inquiry.status;
    for (const to of path) {
      assertInquiryTransition(from, to);
      from = to;
    }
    const messageId = newId('inquiryMessage');
    const at = toDate(input.now);
    await tx.insert(inquiryMessages).values({
      id: messageId,
      inquiryId: inquiry.id,
      direction: 'to_customer',
      body: input.body,
      authorKind: 'operator',
      authorId: input.actor.id,
      createdAt: at,
    });
    await tx.update(inquiries).set({ status: 'answered', updatedAt: at }).where(eq(inquiries.id, inquiry.id));
    const outboxId = await enqueueMail(tx, {
      template: 'inquiry-reply',
      locale: inquiry.locale,
      to: inquiry.contactEmail,
      payload: {
        name: inquiry.contactName,
        number: inquiry.number,
        subject: inquiry.subject,
        reply: input.body,
        inquiryId: inquiry.memberId ? inquiry.id : null,
      },
      now: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'inquiry.replied',
      targetType: 'inquiry',
      targetId: inquiry.id,
      before: { status: inquiry.status },
      after: { status: 'answered', messageId, outboxId },
      at: input.now,
    });
    return { messageId, outboxId, status: 'answered' as const };
  });
}
