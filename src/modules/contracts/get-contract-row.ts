// The contract row itself (not its view), member-scoped or any: the renewal routes price and check it.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contracts } from '../../db/schema/contracts.js';
import { contractErrors } from './contract-errors.js';
import type { ContractRow } from './contract-record.js';

/** The row, or `contract_not_found` (404) for an unknown id or, with `memberId`, another member's. */
export async function getContractRow(
  db: DbOrTx,
  input: { contractId: string; memberId?: string },
): Promise<ContractRow> {
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
  return row;
}
