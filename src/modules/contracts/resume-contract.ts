// Resumes a suspended contract (再開) with a reason, back to the status it had before.
import type { Db } from '../../db/client.js';
import { contractErrors } from './contract-errors.js';
import type { ContractDetail } from './contract-view.js';
import { getContract } from './get-contract.js';
import { type MoveContractInput, moveContract } from './move-contract.js';

export interface ResumeContractInput extends MoveContractInput {
  reason: string;
}

/** suspended → what it was (active, trial, cancellation scheduled); a contract not suspended is `contract_not_suspended` (409). */
export async function resumeContract(db: Db, input: ResumeContractInput): Promise<ContractDetail> {
  return db.transaction(async (tx) => {
    const row = await moveContract(tx, input, (current) => {
      if (current.status !== 'suspended') throw contractErrors.notSuspended();
      return { to: current.statusBeforeSuspension ?? 'active', set: { statusBeforeSuspension: null } };
    });
    return getContract(tx, { contractId: row.id });
  });
}
