// Refuses an order line (不可) with a reason: timeline, order status, domain event, audit, the member's mail.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orderLines } from '../../db/schema/ordering.js';
import { toDate } from '../../domain/clock.js';
import { assertOrderLineTransition } from '../../domain/orders.js';
import { recordAudit } from '../audit/index.js';
import { recordDomainEvent } from '../events/index.js';
import { enqueueMail } from '../notifications/index.js';
import { orderLineErrors } from './order-line-errors.js';
import {
  addTimelineEntry,
  lockOrderLine,
  type OrderLineStepInput,
  orderLocale,
  refreshOrderStatus,
  timelineActor,
} from './order-line-step.js';

export interface RejectOrderLineInput extends OrderLineStepInput {
  /** Shown to the member as it is written. */
  reason: string;
}

/** received | preparing → rejected; emits `order.line.rejected` and mails the member the reason. */
export async function rejectOrderLine(db: Db, input: RejectOrderLineInput): Promise<{ orderLineId: string }> {
  const reason = input.reason.trim();
  if (!reason) throw orderLineErrors.reasonRequired();
  return db.transaction(async (tx) => {
    const { line, order, providerName } = await lockOrderLine(tx, input);
    assertOrderLineTransition(line.status, 'rejected');
    await tx
      .update(orderLines)
      .set({ status: 'rejected', rejectionReason: reason, updatedAt: toDate(input.now) })
      .where(eq(orderLines.id, line.id));
    await addTimelineEntry(tx, {
      orderId: order.id,
      orderLineId: line.id,
      kind: 'line_status_changed',
      fromStatus: line.status,
      toStatus: 'rejected',
      actor: timelineActor(input.actor),
      note: reason,
      now: input.now,
    });
    await refreshOrderStatus(tx, order.id, input.now);
    await recordDomainEvent(tx, {
      type: 'order.line.rejected',
      subjectId: line.id,
      payload: { orderId: order.id, orderLineId: line.id, memberId: order.memberId, reason },
      at: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'order.line.rejected',
      targetType: 'order_line',
      targetId: line.id,
      before: { status: line.status },
      after: { status: 'rejected' },
      reason,
      at: input.now,
    });
    const locale = orderLocale(order);
    await enqueueMail(tx, {
      template: 'order-line-rejected',
      locale,
      to: order.customerContact.email,
      payload: {
        name: order.customerContact.name,
        orderNumber: order.number,
        productName: locale === 'en' ? line.productNameEn : line.productNameJa,
        providerName: providerName[locale],
        reason,
      },
      now: input.now,
    });
    return { orderLineId: line.id };
  });
}
