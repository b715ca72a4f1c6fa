// An operator's decision on an application wished inside the lead time: confirm the wished date or propose another, and tell the member the date it takes effect (cancellations here, changes in confirm-change-request.ts).
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { contractRequests } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { yen, yenToDb } from '../../domain/money.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { confirmChangeRequest } from './confirm-change-request.js';
import { cancellationErrors } from './contract-errors.js';
import { type ContractRequestView, contractRequestView } from './contract-request-view.js';
import { lockContract } from './move-contract.js';
import { quoteCancellation } from './quote-cancellation.js';
import { scheduleCancellation } from './schedule-cancellation.js';

export interface ConfirmCancellationRequestInput {
  requestId: string;
  /** Another last day than the member's wish; the wish when absent. */
  endDate?: string | undefined;
  /** For a change: another first day than the member's wish (with a reason); the wish when absent. */
  effectiveDate?: string | undefined;
  actor: Actor;
  reason: string | null;
  now: Temporal.Instant;
}

/**
 * Schedules the requested cancellation (or hands a change to `confirmChangeRequest`) for the wished or the proposed last day, with the fee for that day.
 * Refuses an unknown request (404), one not waiting (`contract_request_not_pending`, 409) and a day not after today (422).
 */
export async function confirmCancellationRequest(
  db: Db,
  input: ConfirmCancellationRequestInput,
): Promise<ContractRequestView> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ contractId: contractRequests.contractId })
      .from(contractRequests)
      .where(eq(contractRequests.id, input.requestId));
    if (!found) throw cancellationErrors.requestNotFound();
    // The contract first, as every other operation on it locks it, then the request.
    await lockContract(tx, { contractId: found.contractId });
    const [request] = await tx
      .select()
      .from(contractRequests)
      .where(eq(contractRequests.id, input.requestId))
      .for('update');
    if (!request) throw cancellationErrors.requestNotFound();
    if (request.kind === 'change') {
      return confirmChangeRequest(tx, {
        request,
        effectiveDate: input.effectiveDate,
        actor: input.actor,
        reason: input.reason,
        now: input.now,
      });
    }
    if (request.state !== 'requested') throw cancellationErrors.notRequested();
    const quote = await quoteCancellation(tx, {
      contractId: request.contractId,
      endDate: input.endDate ?? request.desiredDate,
      now: input.now,
    });
    const at = toDate(input.now);
    const [updated] = await tx
      .update(contractRequests)
      .set({
        state: 'scheduled',
        effectiveDate: quote.endDate,
        fee: yenToDb(yen(quote.earlyTerminationFee)),
        reason: input.reason,
        decidedAt: at,
        decidedBy: input.actor.id,
        updatedAt: at,
      })
      .where(eq(contractRequests.id, request.id))
      .returning();
    await scheduleCancellation(tx, {
      contractId: request.contractId,
      requestId: request.id,
      desiredDate: request.desiredDate,
      endDate: quote.endDate,
      fee: quote.earlyTerminationFee,
      actor: input.actor,
      reason: input.reason,
      now: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action:
        quote.endDate === request.desiredDate ? 'contract.request_confirmed' : 'contract.request_redated',
      targetType: 'contract_request',
      targetId: request.id,
      before: { state: 'requested', desiredDate: request.desiredDate },
      after: { state: 'scheduled', effectiveDate: quote.endDate, fee: quote.earlyTerminationFee },
      ...(input.reason !== null ? { reason: input.reason } : {}),
      at: input.now,
    });
    return contractRequestView(updated!);
  });
}
