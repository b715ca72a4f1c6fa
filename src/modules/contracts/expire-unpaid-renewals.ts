// Expires manually renewed contracts whose renewal was not paid by the term end plus the grace period.
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { manualRenewalGraceEnd } from '../../domain/contract-rules.js';
import type { ContractRow } from './contract-record.js';
import { lockContract, moveContract } from './move-contract.js';
import { queryRows } from './query-rows.js';

/** Contracts whose grace period ended before `today` without a paid renewal of the next term. */
export async function findUnpaidRenewals(
  db: DbOrTx,
  input: { today: Temporal.PlainDate; graceDays: number; limit: number },
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select c.id from contracts c
        where c.status = 'active' and c.renewal_mode = 'manual'
          and c.current_term_end + ${input.graceDays}::int < ${input.today.toString()}::date
          and not exists (select 1 from contract_renewals r where r.contract_id = c.id and r.status = 'paid'
                          and r.term_start = c.current_term_end + 1)
        order by c.current_term_end, c.id
        limit ${input.limit}`,
  );
  return rows.map((r) => r.id);
}

/**
 * Expires one contract in the caller's transaction (re-checked under its lock, so twins expire it once):
 * status `expired` with the term end as its end date, and its pending renewal cancelled. Null when it
 * is no longer due.
 */
export async function expireUnpaidRenewal(
  tx: DbOrTx,
  input: { contractId: string; today: Temporal.PlainDate; graceDays: number; now: Temporal.Instant },
): Promise<ContractRow | null> {
  const current = await lockContract(tx, input);
  if (current.status !== 'active' || current.renewalMode !== 'manual') return null;
  const termEnd = Temporal.PlainDate.from(current.currentTermEnd);
  if (Temporal.PlainDate.compare(manualRenewalGraceEnd(termEnd, input.graceDays), input.today) >= 0)
    return null;
  const [paid] = await queryRows<{ id: string }>(
    tx,
    sql`select id from contract_renewals where contract_id = ${current.id} and status = 'paid'
        and term_start = ${termEnd.add({ days: 1 }).toString()}::date`,
  );
  if (paid) return null;
  await tx.execute(
    sql`update contract_renewals set status = 'cancelled' where contract_id = ${current.id} and status = 'pending'`,
  );
  return moveContract(
    tx,
    { contractId: current.id, actor: { kind: 'system', id: null }, reason: 'renewal_unpaid', now: input.now },
    () => ({ to: 'expired', set: { endDate: current.currentTermEnd } }),
  );
}
