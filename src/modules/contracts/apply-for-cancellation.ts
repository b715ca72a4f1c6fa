// The member's cancellation application (解約申込): scheduled for the wished last day, or "requested" for an operator when the wish is inside the lead time.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { contractRequests } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { yen, yenToDb } from '../../domain/money.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { cancellationErrors } from './contract-errors.js';
import { mailContractMember } from './contract-notices.js';
import {
  type ContractRequestView,
  contractRequestView,
  openContractRequest,
  recordContractStep,
} from './contract-request-view.js';
import { lockContract } from './move-contract.js';
import { quoteCancellation } from './quote-cancellation.js';
import { scheduleCancellation } from './schedule-cancellation.js';

export interface ApplyForCancellationInput {
  contractId: string;
  memberId: string;
  /** The wished last day of service, `YYYY-MM-DD`. */
  endDate: string;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Applies for the cancellation of the member's contract under its lock, so twins make one application.
 * Refuses another member's contract (404), an ended or expired one (`contract_not_cancellable`, 409), one
 * already applied for (`contract_cancellation_already_applied`, 409) and a last day not after today (422).
 */
export async function applyForCancellation(
  db: Db,
  input: ApplyForCancellationInput,
): Promise<ContractRequestView> {
  return db.transaction(async (tx) => {
    const contract = await lockContract(tx, { contractId: input.contractId, memberId: input.memberId });
    if (contract.status === 'cancellation_scheduled') throw cancellationErrors.alreadyApplied();
    if (await openContractRequest(tx, contract.id, 'cancellation')) throw cancellationErrors.alreadyApplied();
    const quote = await quoteCancellation(tx, {
      contractId: contract.id,
      memberId: input.memberId,
      endDate: input.endDate,
      now: input.now,
    });
    const id = newId('contractRequest');
    const at = toDate(input.now);
    const [request] = await tx
      .insert(contractRequests)
      .values({
        id,
        contractId: contract.id,
        memberId: contract.memberId,
        kind: 'cancellation',
        state: quote.withinLeadTime ? 'requested' : 'scheduled',
        desiredDate: quote.endDate,
        effectiveDate: quote.withinLeadTime ? null : quote.endDate,
        fee: yenToDb(yen(quote.earlyTerminationFee)),
        requestedAt: at,
        updatedAt: at,
      })
      .returning();
    if (!quote.withinLeadTime) {
      await scheduleCancellation(tx, {
        contractId: contract.id,
        requestId: id,
        desiredDate: quote.endDate,
        endDate: quote.endDate,
        fee: quote.earlyTerminationFee,
        actor: input.actor,
        reason: null,
        now: input.now,
      });
      return contractRequestView(request!);
    }
    // Inside the lead time the store may not manage the date: the contract stays as it is until an operator decides.
    await recordContractStep(tx, {
      contractId: contract.id,
      kind: 'cancellation_requested',
      status: contract.status,
      actor: input.actor,
      reason: null,
      now: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contract.cancellation_requested',
      targetType: 'contract',
      targetId: contract.id,
      after: { requestId: id, desiredDate: quote.endDate, fee: quote.earlyTerminationFee },
      at: input.now,
    });
    await mailContractMember(
      tx,
      contract,
      'contract-cancellation-accepted',
      { desiredDate: quote.endDate, endDate: null, earlyTerminationFee: quote.earlyTerminationFee },
      input.now,
    );
    return contractRequestView(request!);
  });
}
