// The member's open cancellation application of a contract, for My Page (null when there is none).
import type { DbOrTx } from '../../db/client.js';
import {
  type ContractRequestView,
  contractRequestView,
  openContractRequest,
} from './contract-request-view.js';
import { getContract } from './get-contract.js';

/** The requested or scheduled cancellation of the contract; another member's contract is 404. */
export async function getOpenCancellation(
  db: DbOrTx,
  input: { contractId: string; memberId?: string },
): Promise<ContractRequestView | null> {
  await getContract(db, input);
  const row = await openContractRequest(db, input.contractId, 'cancellation');
  return row ? contractRequestView(row) : null;
}
