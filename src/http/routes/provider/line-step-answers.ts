// The order line steps as the provider API and the admin API both run and answer them: the service call and the `OrderLineStepResult` body.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../modules/audit/index.js';
import { confirmLineStart, markLinePreparing, rejectOrderLine } from '../../../modules/ordering/index.js';
import { lineStepResultSchema } from './provisioning-schemas.js';

/** The 200 answer of every line step. */
export const lineStepResult = {
  description: 'the line after the step',
  content: { 'application/json': { schema: lineStepResultSchema } },
};

/** Who acts on which line; `providerId` only for the provider API (another provider's line is 404). */
export interface LineStepCall {
  orderLineId: string;
  providerId?: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** received → preparing. */
export async function answerMarkPreparing(db: Db, call: LineStepCall) {
  const done = await markLinePreparing(db, call);
  return { orderLineId: done.orderLineId, status: 'preparing' as const, serviceStartDate: null };
}

/** received | preparing → started with the date. */
export async function answerConfirmStart(db: Db, call: LineStepCall, serviceStartDate: string) {
  const done = await confirmLineStart(db, { ...call, serviceStartDate });
  return {
    orderLineId: done.orderLineId,
    status: 'started' as const,
    serviceStartDate: done.serviceStartDate,
  };
}

/** received | preparing → rejected with a reason. */
export async function answerReject(db: Db, call: LineStepCall, reason: string) {
  const done = await rejectOrderLine(db, { ...call, reason });
  return { orderLineId: done.orderLineId, status: 'rejected' as const, serviceStartDate: null };
}
