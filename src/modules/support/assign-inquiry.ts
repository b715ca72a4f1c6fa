// An operator takes an inquiry, hands it to a colleague, or releases it.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { inquiries } from '../../db/schema/support.js';
import { toDate } from '../../domain/clock.js';
import { recordAudit } from '../audit/index.js';
import { lockInquiry } from './lock-inquiry.js';
import type { OperatorActor } from './operator-actor.js';

export interface AssignInquiryInput {
  inquiryId: string;
  /** The operator to handle it, or null to release it. */
  assigneeOperatorId: string | null;
  actor: OperatorActor;
  now: Temporal.Instant;
}

/** Sets the assignee and audits the change; assigning the same operator again changes nothing. */
export async function assignInquiry(db: Db, input: AssignInquiryInput): Promise<void> {
  await db.transaction(async (tx) => {
    const inquiry = await lockInquiry(tx, input.inquiryId);
    if (inquiry.assigneeOperatorId === input.assigneeOperatorId) return;
    await tx
      .update(inquiries)
      .set({ assigneeOperatorId: input.assigneeOperatorId, updatedAt: toDate(input.now) })
      .where(eq(inquiries.id, inquiry.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'inquiry.assigned',
      targetType: 'inquiry',
      targetId: inquiry.id,
      before: { assigneeOperatorId: inquiry.assigneeOperatorId },
      after: { assigneeOperatorId: input.assigneeOperatorId },
      at: input.now,
    });
  });
}
