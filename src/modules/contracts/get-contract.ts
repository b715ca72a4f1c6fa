// One contract with its history: the member's own (契約詳細) or any for an operator.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contracts } from '../../db/schema/contracts.js';
import { contractErrors } from './contract-errors.js';
import { contractHistory } from './contract-record.js';
import { type ContractDetail, contractDetail } from './contract-view.js';

/**
 * The contract and its history. With `memberId`, another member's contract is `contract_not_found`
 * exactly like an unknown id.
 */
export async function getContract(
  db: DbOrTx,
  input: { contractId: string; memberId?: string },
): Promise<ContractDetail> {
  const [row] = await db
    .select()
    .from(contracts)
    .where(
      and(
        eq(contracts.id, input.contractId),
        input.memberId === undefined ? undefined : eq(contracts.memberId, input.memberId),
      ),
    );
  if (!row) throw contractErrors.notFound();
  return contractDetail(row, await contractHistory(db, row.id));
}
