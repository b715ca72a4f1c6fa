// The member withdraws a change application before its date: nothing about the contract changes.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { contractRequests } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { changeErrors } from './contract-errors.js';
import {
  type ContractRequestView,
  contractRequestView,
  openContractRequest,
  recordContractStep,
} from './contract-request-view.js';
import { lockContract } from './move-contract.js';

/**
 * Withdraws the open change of the member's contract (404 for another member's; 409
 * `contract_change_not_pending` when there is none, e.g. once it was applied on its date).
 */
export async function withdrawChange(
  db: Db,
  input: { contractId: string; memberId: string; actor: Actor; now: Temporal.Instant },
): Promise<ContractRequestView> {
  return db.transaction(async (tx) => {
    const contract = await lockContract(tx, { contractId: input.contractId, memberId: input.memberId });
    const request = await openContractRequest(tx, contract.id, 'change', true);
    if (!request) throw changeErrors.nothingToWithdraw();
    const at = toDate(input.now);
    const [updated] = await tx
      .update(contractRequests)
      .set({ state: 'withdrawn', decidedAt: at, updatedAt: at })
      .where(eq(contractRequests.id, request.id))
      .returning();
    await recordContractStep(tx, {
      contractId: contract.id,
      kind: 'change_withdrawn',
      status: contract.status,
      actor: input.actor,
      reason: null,
      now: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contract.change_withdrawn',
      targetType: 'contract_request',
      targetId: request.id,
      before: {
        state: request.state,
        desiredDate: request.desiredDate,
        effectiveDate: request.effectiveDate,
      },
      after: { state: 'withdrawn' },
      at: input.now,
    });
    return contractRequestView(updated!);
  });
}
