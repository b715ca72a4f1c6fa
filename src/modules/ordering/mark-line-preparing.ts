// Marks an order line as being prepared (準備中) by its provider or the store; timeline and audit.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orderLines } from '../../db/schema/ordering.js';
import { toDate } from '../../domain/clock.js';
import { assertOrderLineTransition } from '../../domain/orders.js';
import { recordAudit } from '../audit/index.js';
import {
  addTimelineEntry,
  lockOrderLine,
  type OrderLineStepInput,
  refreshOrderStatus,
  timelineActor,
} from './order-line-step.js';

export type MarkLinePreparingInput = OrderLineStepInput;

/** received → preparing; any other step is `order_line_transition_not_allowed` (409). No mail: nothing changed for the member yet. */
export async function markLinePreparing(
  db: Db,
  input: MarkLinePreparingInput,
): Promise<{ orderLineId: string }> {
  return db.transaction(async (tx) => {
    const { line, order } = await lockOrderLine(tx, input);
    assertOrderLineTransition(line.status, 'preparing');
    await tx
      .update(orderLines)
      .set({ status: 'preparing', updatedAt: toDate(input.now) })
      .where(eq(orderLines.id, line.id));
    await addTimelineEntry(tx, {
      orderId: order.id,
      orderLineId: line.id,
      kind: 'line_status_changed',
      fromStatus: line.status,
      toStatus: 'preparing',
      actor: timelineActor(input.actor),
      now: input.now,
    });
    await refreshOrderStatus(tx, order.id, input.now);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'order.line.preparing',
      targetType: 'order_line',
      targetId: line.id,
      before: { status: line.status },
      after: { status: 'preparing' },
      at: input.now,
    });
    return { orderLineId: line.id };
  });
}
