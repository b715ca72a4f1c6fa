// Suspends a contract (停止) with a reason, remembering what it resumes to.
import type { Db } from '../../db/client.js';
import type { ContractDetail } from './contract-view.js';
import { getContract } from './get-contract.js';
import { type MoveContractInput, moveContract } from './move-contract.js';

export interface SuspendContractInput extends MoveContractInput {
  reason: string;
}

/** trial | active | cancellation_scheduled → suspended; anything else is `contract_transition_not_allowed` (409). */
export async function suspendContract(db: Db, input: SuspendContractInput): Promise<ContractDetail> {
  return db.transaction(async (tx) => {
    const row = await moveContract(tx, input, (current) => ({
      to: 'suspended',
      set: { statusBeforeSuspension: current.status },
    }));
    return getContract(tx, { contractId: row.id });
  });
}
