// An operator leaves a note on an inquiry for colleagues; the customer never sees it.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { inquiries, inquiryMessages } from '../../db/schema/support.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { recordAudit } from '../audit/index.js';
import { lockInquiry } from './lock-inquiry.js';
import type { OperatorActor } from './operator-actor.js';

export interface AddInternalNoteInput {
  inquiryId: string;
  body: string;
  actor: OperatorActor;
  now: Temporal.Instant;
}

/** Adds an internal note (also on closed inquiries, for the record) and returns its message id. */
export async function addInternalNote(db: Db, input: AddInternalNoteInput): Promise<string> {
  return db.transaction(async (tx) => {
    const inquiry = await lockInquiry(tx, input.inquiryId);
    const messageId = newId('inquiryMessage');
    const at = toDate(input.now);
    await tx.insert(inquiryMessages).values({
      id: messageId,
      inquiryId: inquiry.id,
      direction: 'internal_note',
      body: input.body,
      authorKind: 'operator',
      authorId: input.actor.id,
      createdAt: at,
    });
    await tx.update(inquiries).set({ updatedAt: at }).where(eq(inquiries.id, inquiry.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'inquiry.note_added',
      targetType: 'inquiry',
      targetId: inquiry.id,
      after: { messageId },
      at: input.now,
    });
    return messageId;
  });
}
