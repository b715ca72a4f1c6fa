// Refuses an order line (不可) with a reason: timeline, order status, domain event, audit, the member's mail.
import type { Db } from '../../db/client.js';
import { enqueueMail } from '../notifications/index.js';
import { lineMailBasics, moveOrderLine } from './move-order-line.js';
import { orderLineErrors } from './order-line-errors.js';
import type { OrderLineStepInput } from './order-line-step.js';

export interface RejectOrderLineInput extends OrderLineStepInput {
  /** Shown to the member as it is written. */
  reason: string;
}

/** received | preparing → rejected; emits `order.line.rejected` and mails the member the reason. */
export async function rejectOrderLine(db: Db, input: RejectOrderLineInput): Promise<{ orderLineId: string }> {
  const reason = input.reason.trim();
  if (!reason) throw orderLineErrors.reasonRequired();
  return moveOrderLine(db, input, 'rejected', {
    check: () => ({
      set: { rejectionReason: reason },
      note: reason,
      reason,
      event: { type: 'order.line.rejected', payload: { reason } },
    }),
    finish: async (tx, locked) => {
      const mail = lineMailBasics(locked);
      await enqueueMail(tx, {
        template: 'order-line-rejected',
        locale: mail.locale,
        to: mail.to,
        payload: { ...mail.payload, reason },
        now: input.now,
      });
      return { orderLineId: locked.line.id };
    },
  });
}
