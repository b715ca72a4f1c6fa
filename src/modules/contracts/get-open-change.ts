// The member's open change application of a contract, for My Page (null when there is none).
import type { DbOrTx } from '../../db/client.js';
import {
  type ContractRequestView,
  contractRequestView,
  openContractRequest,
} from './contract-request-view.js';
import { getContractRow } from './get-contract-row.js';

/** The requested or scheduled change of the contract; another member's contract is 404. */
export async function getOpenChange(
  db: DbOrTx,
  input: { contractId: string; memberId?: string },
): Promise<ContractRequestView | null> {
  await getContractRow(db, input);
  const row = await openContractRequest(db, input.contractId, 'change');
  return row ? contractRequestView(row) : null;
}
