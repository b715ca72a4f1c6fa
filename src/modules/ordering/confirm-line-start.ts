// Confirms the start of an order line's service with its start date (提供開始): timeline, order status, domain event, audit, the member's mail.
import type { Db } from '../../db/client.js';
import { enqueueMail } from '../notifications/index.js';
import { NO_PAYMENT_METHOD } from './member-orders.js';
import { lineMailBasics, moveOrderLine } from './move-order-line.js';
import { checkServiceStartDate, type OrderLineStepInput, orderLocale } from './order-line-step.js';

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
        // Everything the contracts module needs to open the contract, so it never reads ordering's tables.
        event: {
          type: 'order.line.started',
          payload: {
            serviceStartDate: date,
            orderNumber: order.number,
            productId: line.productId,
            providerId: line.providerId,
            productNameJa: line.productNameJa,
            productNameEn: line.productNameEn,
            plan: line.plan,
            term: line.term,
            quantity: line.quantity,
            options: line.options,
            pricing: line.pricing,
            paymentMethod: order.paymentMethod === NO_PAYMENT_METHOD ? null : order.paymentMethod,
            isTrial: line.isTrial,
            trialDays: line.trialDays,
            locale: orderLocale(order),
            startedBy: { kind: input.actor.kind, id: input.actor.id },
          },
        },
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
