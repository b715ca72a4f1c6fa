// Pays back the paid next terms a contract ends before (a wallet's automatic renewal charged on its renewal day, a manual renewal paid ahead) and cancels renewals still unpaid.
import { sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { recordDomainEvent } from '../events/index.js';
import { type ContractRow, contractEventBase } from './contract-record.js';
import { recordContractStep } from './contract-request-view.js';
import { queryRows } from './query-rows.js';

/** One paid term paid back: the whole total, since not a day of it was used. */
export interface RenewalRefund {
  renewalId: string;
  how: 'manual' | 'auto';
  termStart: string;
  termEnd: string;
  amount: number;
}

/**
 * Under the contract's lock (the caller ends it): every renewal not applied whose term begins after
 * `endDate` becomes `cancelled`; a paid one records its refund (amount = its total), a `renewal_refunded`
 * history entry, `contract.renewal_refunded` and an audit entry. The `status = 'paid'` condition makes a
 * second call find nothing, so twins refund once. Returns the refunds, by term start.
 */
export async function refundUnusedRenewals(
  tx: DbOrTx,
  input: { contract: ContractRow; endDate: string; actor: Actor; now: Temporal.Instant },
): Promise<RenewalRefund[]> {
  const at = toDate(input.now);
  const rows = await queryRows<{
    id: string;
    how: 'manual' | 'auto';
    was: 'pending' | 'paid';
    term_start: string;
    term_end: string;
    total_amount: string;
  }>(
    tx,
    sql`with gone as (
          select id, status as was from contract_renewals
          where contract_id = ${input.contract.id} and status in ('pending', 'paid') and applied_at is null
            and term_start > ${input.endDate}::date
          for update
        )
        update contract_renewals r
        set status = 'cancelled',
            refund_amount = case when gone.was = 'paid' then r.total_amount end,
            refunded_at = case when gone.was = 'paid' then ${at}::timestamptz end
        from gone where r.id = gone.id
        returning r.id, r.how, gone.was, r.term_start::text as term_start, r.term_end::text as term_end,
                  r.total_amount::text as total_amount`,
  );
  const refunds = rows
    .filter((r) => r.was === 'paid')
    .sort((a, b) => a.term_start.localeCompare(b.term_start))
    .map((r) => ({
      renewalId: r.id,
      how: r.how,
      termStart: r.term_start,
      termEnd: r.term_end,
      amount: Number(r.total_amount),
    }));
  for (const refund of refunds) {
    await recordContractStep(tx, {
      contractId: input.contract.id,
      kind: 'renewal_refunded',
      status: input.contract.status,
      actor: input.actor,
      reason: refund.renewalId,
      now: input.now,
    });
    await recordDomainEvent(tx, {
      type: 'contract.renewal_refunded',
      subjectId: input.contract.id,
      payload: { ...contractEventBase(input.contract), ...refund, endDate: input.endDate },
      at: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contract.renewal_refunded',
      targetType: 'contract',
      targetId: input.contract.id,
      after: { ...refund, status: 'cancelled' },
      reason: 'the contract ended before this paid term began',
      at: input.now,
    });
  }
  return refunds;
}
