// A contract's renewals not cancelled (manual quotes and wallet renewals), newest term first, for My Page and the console.
import { and, desc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contractRenewals } from '../../db/schema/contracts.js';
import { yenFromDb } from '../../domain/money.js';

/** One renewal as the pages show it. */
export interface ContractRenewalView {
  id: string;
  status: 'pending' | 'paid';
  how: 'manual' | 'auto';
  term: string;
  termMonths: number;
  termStart: string;
  termEnd: string;
  /** The term's amount including tax, as the quote showed it. */
  total: number;
  quotedAt: Date;
  paidAt: Date | null;
  appliedAt: Date | null;
}

/** Reads the contract's renewals not cancelled, newest term first; the predicate matches `contract_renewals_one_per_term`, so it is an index read. */
export async function listContractRenewals(db: DbOrTx, contractId: string): Promise<ContractRenewalView[]> {
  const rows = await db
    .select()
    .from(contractRenewals)
    .where(and(eq(contractRenewals.contractId, contractId), ne(contractRenewals.status, 'cancelled')))
    .orderBy(desc(contractRenewals.termStart), desc(contractRenewals.quotedAt), desc(contractRenewals.id));
  return rows.map((r) => ({
    id: r.id,
    status: r.status as 'pending' | 'paid',
    how: r.how,
    term: r.term,
    termMonths: r.termMonths,
    termStart: r.termStart,
    termEnd: r.termEnd,
    total: yenFromDb(r.totalAmount),
    quotedAt: r.quotedAt,
    paidAt: r.paidAt,
    appliedAt: r.appliedAt,
  }));
}
