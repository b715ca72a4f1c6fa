// A contract's manual renewal that is taken but not yet in force, for readers such as the licence check: the pending one, and the end of a paid one not yet applied.
import { and, eq, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contractRenewals } from '../../db/schema/contracts.js';

/** What a renewal means before its term begins. */
export interface RenewalStanding {
  /** The renewal applied for and awaiting payment (at most one per contract). */
  pending: { termStart: string; termEnd: string } | null;
  /** The last day of a paid renewal whose term has not begun yet: the contract is paid through it. */
  paidThrough: string | null;
}

/** Reads the contract's pending and paid-but-unapplied renewals in one indexed query. */
export async function getRenewalStanding(db: DbOrTx, contractId: string): Promise<RenewalStanding> {
  const rows = await db
    .select({
      status: contractRenewals.status,
      termStart: contractRenewals.termStart,
      termEnd: contractRenewals.termEnd,
    })
    .from(contractRenewals)
    .where(
      and(
        eq(contractRenewals.contractId, contractId),
        or(
          eq(contractRenewals.status, 'pending'),
          and(eq(contractRenewals.status, 'paid'), isNull(contractRenewals.appliedAt)),
        ),
      ),
    );
  const pending = rows.find((r) => r.status === 'pending');
  const paid = rows
    .filter((r) => r.status === 'paid')
    .map((r) => r.termEnd)
    .sort()
    .at(-1);
  return {
    pending: pending ? { termStart: pending.termStart, termEnd: pending.termEnd } : null,
    paidThrough: paid ?? null,
  };
}
