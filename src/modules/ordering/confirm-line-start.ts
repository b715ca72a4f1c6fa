// Confirms the start of an order line's service with its start date (提供開始): timeline, order status, domain event, audit, the member's mail.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orderLines } from '../../db/schema/ordering.js';
import { toDate } from '../../domain/clock.js';
import { assertOrderLineTransition } from '../../domain/orders.js';
import { recordAudit } from '../audit/index.js';
import { recordDomainEvent } from '../events/index.js';
import { enqueueMail } from '../notifications/index.js';
import {
  addTimelineEntry,
  checkServiceStartDate,
  lockOrderLine,
  type OrderLineStepInput,
  orderLocale,
  refreshOrderStatus,
  timelineActor,
} from './order-line-step.js';

export interface ConfirmLineStartInput extends OrderLineStepInput {
  /** `YYYY-MM-DD`: a business day, not before the order date. */
  serviceStartDate: string;
}

/**
 * received | preparing → started with the date. Emits `order.line.started` for the contracts module and
 * mails the member the "service start" notice in the language kept on the order (the member's profile language at order time).
 */
export async function confirmLineStart(
  db: Db,
  input: ConfirmLineStartInput,
): Promise<{ orderLineId: string; serviceStartDate: string }> {
  return db.transaction(async (tx) => {
    const { line, order, providerName } = await lockOrderLine(tx, input);
    assertOrderLineTransition(line.status, 'started');
    const date = (await checkServiceStartDate(tx, input.serviceStartDate, order)).toString();
    await tx
      .update(orderLines)
      .set({ status: 'started', serviceStartDate: date, updatedAt: toDate(input.now) })
      .where(eq(orderLines.id, line.id));
    await addTimelineEntry(tx, {
      orderId: order.id,
      orderLineId: line.id,
      kind: 'line_status_changed',
      fromStatus: line.status,
      toStatus: 'started',
      actor: timelineActor(input.actor),
      note: date,
      now: input.now,
    });
    await refreshOrderStatus(tx, order.id, input.now);
    await recordDomainEvent(tx, {
      type: 'order.line.started',
      subjectId: line.id,
      payload: { orderId: order.id, orderLineId: line.id, memberId: order.memberId, serviceStartDate: date },
      at: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'order.line.started',
      targetType: 'order_line',
      targetId: line.id,
      before: { status: line.status, serviceStartDate: line.serviceStartDate },
      after: { status: 'started', serviceStartDate: date },
      at: input.now,
    });
    const locale = orderLocale(order);
    await enqueueMail(tx, {
      template: 'order-line-started',
      locale,
      to: order.customerContact.email,
      payload: {
        name: order.customerContact.name,
        orderNumber: order.number,
        productName: locale === 'en' ? line.productNameEn : line.productNameJa,
        providerName: providerName[locale],
        serviceStartDate: date,
      },
      now: input.now,
    });
    return { orderLineId: line.id, serviceStartDate: date };
  });
}
