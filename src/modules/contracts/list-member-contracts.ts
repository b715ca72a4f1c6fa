// My Page's contract list (契約一覧): the member's contracts, newest start first, a page at a time.
import { count, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contracts } from '../../db/schema/contracts.js';
import { type ContractSummary, contractSummary } from './contract-view.js';

/**
 * One member's page of contracts and their number, in one round trip: the window count is taken over
 * the member's rows before the limit, all read from the index `(member_id, start_date desc, id desc)`.
 * Only a page past the end, which has no row to carry the count, asks for it separately.
 */
export async function listMemberContracts(
  db: DbOrTx,
  input: { memberId: string; page: number; pageSize: number },
): Promise<{ contracts: ContractSummary[]; total: number }> {
  const rows = await db
    .select({ ...getTableColumns(contracts), total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(contracts)
    .where(eq(contracts.memberId, input.memberId))
    .orderBy(desc(contracts.startDate), desc(contracts.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  if (rows.length > 0) return { contracts: rows.map(contractSummary), total: rows[0]!.total };
  if (input.page === 1) return { contracts: [], total: 0 };
  const [total] = await db
    .select({ n: count() })
    .from(contracts)
    .where(eq(contracts.memberId, input.memberId));
  return { contracts: [], total: total?.n ?? 0 };
}
