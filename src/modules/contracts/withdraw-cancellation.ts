// The member withdraws a cancellation application before its date: the contract returns to the status it had, the member and the provider are told.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { contractRequests, contracts } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { cancellationErrors } from './contract-errors.js';
import { mailContractMember, tellContractProvider } from './contract-notices.js';
import {
  type ContractRequestView,
  contractRequestView,
  openContractRequest,
  recordContractStep,
} from './contract-request-view.js';
import { lockContract, moveContract } from './move-contract.js';

export interface WithdrawCancellationInput {
  contractId: string;
  memberId: string;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Withdraws the open cancellation of the member's contract (404 for another member's; 409
 * `contract_cancellation_not_pending` when there is none, e.g. once the contract has ended).
 */
export async function withdrawCancellation(
  db: Db,
  input: WithdrawCancellationInput,
): Promise<ContractRequestView> {
  return db.transaction(async (tx) => {
    const contract = await lockContract(tx, { contractId: input.contractId, memberId: input.memberId });
    const request = await openContractRequest(tx, contract.id, 'cancellation', true);
    if (!request) throw cancellationErrors.nothingToWithdraw();
    const at = toDate(input.now);
    const [updated] = await tx
      .update(contractRequests)
      .set({ state: 'withdrawn', decidedAt: at, updatedAt: at })
      .where(eq(contractRequests.id, request.id))
      .returning();
    let row = contract;
    if (contract.status === 'cancellation_scheduled') {
      row = await moveContract(
        tx,
        { contractId: contract.id, actor: input.actor, reason: null, now: input.now },
        (current) => ({
          to: current.statusBeforeCancellation ?? 'active',
          set: { endDate: null, statusBeforeCancellation: null },
        }),
      );
    } else {
      // Requested (not yet scheduled), or scheduled and then suspended: the status stays, the end date goes,
      // and a suspended contract resumes to what it had before the cancellation.
      const [cleared] = await tx
        .update(contracts)
        .set({
          endDate: null,
          statusBeforeCancellation: null,
          ...(contract.status === 'suspended' && contract.statusBeforeSuspension === 'cancellation_scheduled'
            ? { statusBeforeSuspension: contract.statusBeforeCancellation ?? 'active' }
            : {}),
          updatedAt: at,
        })
        .where(eq(contracts.id, contract.id))
        .returning();
      row = cleared!;
      await recordContractStep(tx, {
        contractId: contract.id,
        kind: 'cancellation_withdrawn',
        status: contract.status,
        actor: input.actor,
        reason: null,
        now: input.now,
      });
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contract.cancellation_withdrawn',
      targetType: 'contract',
      targetId: contract.id,
      before: { status: contract.status, requestState: request.state, endDate: contract.endDate },
      after: { status: row.status, requestState: 'withdrawn' },
      at: input.now,
    });
    await mailContractMember(tx, row, 'contract-cancellation-withdrawn', {}, input.now);
    // The provider heard of a scheduled cancellation only; a wish still waiting for the store was never sent.
    if (request.state === 'scheduled') {
      await tellContractProvider(
        tx,
        row,
        'cancellation_withdrawn',
        { endDate: null, requestId: request.id },
        input.now,
      );
    }
    return contractRequestView(updated!);
  });
}
