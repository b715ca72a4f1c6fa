// My Page's contract list (契約一覧): the member's contracts, newest start first, a page at a time.
import { count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contracts } from '../../db/schema/contracts.js';
import { type ContractSummary, contractSummary } from './contract-view.js';

/**
 * One member's page of contracts and their number. Both queries are answered by the index
 * `(member_id, start_date desc, id desc)`: the page is read in index order and stops at the limit.
 */
export async function listMemberContracts(
  db: DbOrTx,
  input: { memberId: string; page: number; pageSize: number },
): Promise<{ contracts: ContractSummary[]; total: number }> {
  const rows = await db
    .select()
    .from(contracts)
    .where(eq(contracts.memberId, input.memberId))
    .orderBy(desc(contracts.startDate), desc(contracts.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(contracts)
    .where(eq(contracts.memberId, input.memberId));
  return { contracts: rows.map(contractSummary), total: total?.n ?? 0 };
}
