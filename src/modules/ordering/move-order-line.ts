// Moves an order line to its next status in one transaction: lock, status machine, the step's own checks, the row, timeline, order status, domain event, audit.
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { orderLines } from '../../db/schema/ordering.js';
import { toDate } from '../../domain/clock.js';
import { assertOrderLineTransition, type OrderLineStatus } from '../../domain/orders.js';
import { recordAudit } from '../audit/index.js';
import { type DomainEventPayloads, recordDomainEvent } from '../events/index.js';
import {
  addTimelineEntry,
  lockOrderLine,
  type OrderLineRow,
  type OrderLineStepInput,
  type OrderRow,
  orderLocale,
  refreshOrderStatus,
  timelineActor,
} from './order-line-step.js';

export interface LockedOrderLine {
  line: OrderLineRow;
  order: OrderRow;
  providerName: { ja: string; en: string };
}

/** What one step writes besides the status: its columns, the timeline note, the audit's extra fields, the event. */
export interface LineMove {
  set?: { serviceStartDate?: string; rejectionReason?: string };
  note?: string;
  /** Added to the audit's `{ status }` before and after. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string;
  /** When given, this event is emitted with its payload added to the order, line and member ids. */
  event?: LineEvent;
}

type LineEventType = 'order.line.started' | 'order.line.rejected';
type LineEvent = {
  [T in LineEventType]: {
    type: T;
    payload: Omit<DomainEventPayloads[T], 'orderId' | 'orderLineId' | 'memberId'>;
  };
}[LineEventType];

/**
 * Locks the line, checks the move against the status machine, runs the step's `check` (which may throw and
 * says what to write), writes it all, then runs `finish` (mail, answer) in the same transaction.
 */
export async function moveOrderLine<R>(
  db: Db,
  input: OrderLineStepInput,
  to: OrderLineStatus,
  step: {
    check?: (tx: DbOrTx, locked: LockedOrderLine) => Promise<LineMove> | LineMove;
    finish: (tx: DbOrTx, locked: LockedOrderLine) => Promise<R> | R;
  },
): Promise<R> {
  return db.transaction(async (tx) => {
    const locked = await lockOrderLine(tx, input);
    const { line, order } = locked;
    assertOrderLineTransition(line.status, to);
    const move = (await step.check?.(tx, locked)) ?? {};
    await tx
      .update(orderLines)
      .set({ status: to, ...move.set, updatedAt: toDate(input.now) })
      .where(eq(orderLines.id, line.id));
    await addTimelineEntry(tx, {
      orderId: order.id,
      orderLineId: line.id,
      kind: 'line_status_changed',
      fromStatus: line.status,
      toStatus: to,
      actor: timelineActor(input.actor),
      ...(move.note !== undefined ? { note: move.note } : {}),
      now: input.now,
    });
    await refreshOrderStatus(tx, order.id, input.now);
    if (move.event) {
      // The mapped type ties each type to its payload; the spread loses that link for the checker only.
      await recordDomainEvent(tx, {
        type: move.event.type,
        subjectId: line.id,
        payload: {
          orderId: order.id,
          orderLineId: line.id,
          memberId: order.memberId,
          ...move.event.payload,
        } as DomainEventPayloads[LineEventType],
        at: input.now,
      });
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: `order.line.${to}`,
      targetType: 'order_line',
      targetId: line.id,
      before: { status: line.status, ...move.before },
      after: { status: to, ...move.after },
      ...(move.reason !== undefined ? { reason: move.reason } : {}),
      at: input.now,
    });
    return step.finish(tx, locked);
  });
}

/** Who a member mail about the line goes to, in which language, and the names every such mail shows. */
export function lineMailBasics({ line, order, providerName }: LockedOrderLine) {
  const locale = orderLocale(order);
  return {
    locale,
    to: order.customerContact.email,
    payload: {
      name: order.customerContact.name,
      orderNumber: order.number,
      productName: locale === 'en' ? line.productNameEn : line.productNameJa,
      providerName: providerName[locale],
    },
  };
}
