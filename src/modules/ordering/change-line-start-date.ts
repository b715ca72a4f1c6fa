// Moves a confirmed service start date before the service starts (seed 003: on the member's request): timeline, audit, the member's mail.
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { orderLines } from '../../db/schema/ordering.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import { orderLineErrors } from './order-line-errors.js';
import {
  addTimelineEntry,
  checkServiceStartDate,
  lockOrderLine,
  type OrderLineStepInput,
  orderLocale,
  timelineActor,
} from './order-line-step.js';

export interface ChangeLineStartDateInput extends OrderLineStepInput {
  serviceStartDate: string;
  /** Why, e.g. the member's inquiry number; kept on the timeline and in the audit. */
  note?: string | null;
}

/**
 * Only a line whose start is confirmed and still ahead can move: on or after the start date (Asia/Tokyo)
 * it is `service_already_started` (409). The new date is a business day, today or later.
 */
export async function changeLineStartDate(
  db: Db,
  input: ChangeLineStartDateInput,
): Promise<{ orderLineId: string; serviceStartDate: string; previousDate: string }> {
  return db.transaction(async (tx) => {
    const { line, order } = await lockOrderLine(tx, input);
    if (line.status !== 'started' || !line.serviceStartDate) throw orderLineErrors.startDateNotSet();
    const today = businessDateAt(input.now);
    const previous = Temporal.PlainDate.from(line.serviceStartDate);
    if (Temporal.PlainDate.compare(previous, today) <= 0)
      throw orderLineErrors.alreadyStarted(previous.toString());
    const date = await checkServiceStartDate(tx, input.serviceStartDate, order);
    if (Temporal.PlainDate.compare(date, today) < 0) {
      throw orderLineErrors.startDateInPast(date.toString(), today.toString());
    }
    const next = date.toString();
    const note = input.note?.trim() || null;
    await tx
      .update(orderLines)
      .set({ serviceStartDate: next, updatedAt: toDate(input.now) })
      .where(eq(orderLines.id, line.id));
    await addTimelineEntry(tx, {
      orderId: order.id,
      orderLineId: line.id,
      kind: 'start_date_changed',
      actor: timelineActor(input.actor),
      note: note ? `${previous} → ${next}: ${note}` : `${previous} → ${next}`,
      now: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'order.line.start_date_changed',
      targetType: 'order_line',
      targetId: line.id,
      before: { serviceStartDate: previous.toString() },
      after: { serviceStartDate: next },
      ...(note ? { reason: note } : {}),
      at: input.now,
    });
    const locale = orderLocale(order);
    await enqueueMail(tx, {
      template: 'order-start-date-changed',
      locale,
      to: order.customerContact.email,
      payload: {
        name: order.customerContact.name,
        orderNumber: order.number,
        productName: locale === 'en' ? line.productNameEn : line.productNameJa,
        previousDate: previous.toString(),
        serviceStartDate: next,
      },
      now: input.now,
    });
    return { orderLineId: line.id, serviceStartDate: next, previousDate: previous.toString() };
  });
}
