// Billing's read model: the contracts whose paid days overlap a period, a batch at a time, in one indexed query.
import { and, asc, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { type ContractPricingRow, contracts } from '../../db/schema/contracts.js';
import type { ContractStatus } from '../../domain/contracts.js';
import { yenFromDb } from '../../domain/money.js';
import { asStatus } from './contract-record.js';

/** One contract billable in the period, with what a billing run prices from. */
export interface BillableContract {
  id: string;
  number: string;
  memberId: string;
  productId: string;
  plan: string;
  term: string;
  termMonths: number;
  quantity: number;
  options: { code: string; quantity?: number }[];
  pricing: ContractPricingRow;
  termAmount: number;
  paymentMethod: string | null;
  status: ContractStatus;
  currentTermStart: string;
  currentTermEnd: string;
  /** The first paid day (the start, or the day after a free trial). */
  billableFrom: string;
  /** The last paid day, or null while the contract has no end. */
  billableUntil: string | null;
}

export interface ListBillableContractsInput {
  /** First day of the period (inclusive), `YYYY-MM-DD`. */
  from: string;
  /** Last day of the period (inclusive). */
  through: string;
  /** Keyset: the last id of the previous batch. */
  afterId?: string;
  limit: number;
}

/**
 * The contracts with at least one paid day in `from`–`through` (both inclusive), in id order, at most
 * `limit` of them after `afterId`. Answered by the GiST index on `billable_period` (`&&` overlap); a
 * trial is not billable until the day after it ends, and a trial that ended unpaid never is.
 */
export async function listBillableContracts(
  db: DbOrTx,
  input: ListBillableContractsInput,
): Promise<BillableContract[]> {
  const overlaps = sql`${contracts.billablePeriod} && daterange(${input.from}::date, ${input.through}::date, '[]')`;
  const rows = await db
    .select({
      id: contracts.id,
      number: contracts.number,
      memberId: contracts.memberId,
      productId: contracts.productId,
      plan: contracts.plan,
      term: contracts.term,
      termMonths: contracts.termMonths,
      quantity: contracts.quantity,
      options: contracts.options,
      pricing: contracts.pricing,
      termAmount: contracts.termAmount,
      paymentMethod: contracts.paymentMethod,
      status: contracts.status,
      currentTermStart: contracts.currentTermStart,
      currentTermEnd: contracts.currentTermEnd,
      billableFrom: sql<string>`lower(${contracts.billablePeriod})::text`,
      // The range keeps its upper bound exclusive; the last paid day is the day before it.
      billableUntil: sql<string | null>`(upper(${contracts.billablePeriod}) - 1)::text`,
    })
    .from(contracts)
    .where(input.afterId === undefined ? overlaps : and(overlaps, gt(contracts.id, input.afterId)))
    .orderBy(asc(contracts.id))
    .limit(input.limit);
  return rows.map((row) => ({
    ...row,
    termAmount: yenFromDb(row.termAmount),
    status: asStatus(row.status),
  }));
}
