// Confirms the start of an order line's service with its start date (提供開始): timeline, order status, domain event, audit, the member's mail.
import type { Db } from '../../db/client.js';
import { enqueueMail } from '../notifications/index.js';
import { lineMailBasics, moveOrderLine } from './move-order-line.js';
import { checkServiceStartDate, type OrderLineStepInput } from './order-line-step.js';

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
  let date = '';
  return moveOrderLine(db, input, 'started', {
    check: async (tx, { line, order }) => {
      date = (await checkServiceStartDate(tx, input.serviceStartDate, order)).toString();
      return {
        set: { serviceStartDate: date },
        note: date,
        before: { serviceStartDate: line.serviceStartDate },
        after: { serviceStartDate: date },
        event: { type: 'order.line.started', payload: { serviceStartDate: date } },
      };
    },
    finish: async (tx, locked) => {
      const mail = lineMailBasics(locked);
      await enqueueMail(tx, {
        template: 'order-line-started',
        locale: mail.locale,
        to: mail.to,
        payload: { ...mail.payload, serviceStartDate: date },
        now: input.now,
      });
      return { orderLineId: locked.line.id, serviceStartDate: date };
    },
  });
}
