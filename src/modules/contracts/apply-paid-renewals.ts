// Moves contracts into the terms of their paid renewals (manual, or a wallet contract's charged ahead) once those terms begin, in batches with set-based writes.
import { sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import type { ContractPricingRow } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { queryRows } from './query-rows.js';
import { writeRenewals } from './write-renewals.js';

interface PaidRow {
  renewal_id: string;
  how: 'manual' | 'auto';
  contract_id: string;
  term: string;
  term_months: number;
  options: { code: string; quantity?: number }[];
  pricing: ContractPricingRow;
  term_start: string;
  term_end: string;
}

/**
 * Applies up to `limit` paid renewals whose first day is on or before `today` (and, with `contractId`,
 * only that contract's): locks the contracts (skipping rows another node holds), writes them with
 * `writeRenewals` and marks the renewals applied (a wallet contract's `auto` renewal publishes no second
 * `contract.renewed`). A contract with a cancellation scheduled moves into a paid term that begins on or
 * before its last day (it is served part of it; a term beginning after the last day is refunded by
 * `refundUnusedRenewals`). The renewal must follow the current term exactly, so a renewal cannot be
 * applied twice. Returns the contracts renewed.
 */
export async function applyPaidRenewals(
  tx: DbOrTx,
  input: { today: Temporal.PlainDate; now: Temporal.Instant; limit: number; contractId?: string },
): Promise<string[]> {
  const only = input.contractId === undefined ? sql`true` : sql`c.id = ${input.contractId}`;
  const due = await queryRows<PaidRow>(
    tx,
    sql`select r.id as renewal_id, r.how, c.id as contract_id, r.term, r.term_months, r.options, r.pricing,
               r.term_start::text as term_start, r.term_end::text as term_end
        from contract_renewals r join contracts c on c.id = r.contract_id
        where r.status = 'paid' and r.applied_at is null and r.term_start <= ${input.today.toString()}::date
          and (c.status = 'active' or (c.status = 'cancellation_scheduled' and r.term_start <= c.end_date))
          and r.term_start = c.current_term_end + 1 and ${only}
        order by r.term_start, c.id
        limit ${input.limit}
        for update of c skip locked`,
  );
  if (due.length === 0) return [];
  const renewed = await writeRenewals(tx, {
    pricings: due.map((r) => r.pricing),
    now: input.now,
    rows: due.map((r, i) => ({
      contractId: r.contract_id,
      term: r.term,
      termMonths: r.term_months,
      options: r.options,
      pricing: i,
      start: r.term_start,
      end: r.term_end,
      how: r.how,
      renewalId: r.renewal_id,
      // A wallet term published `contract.renewed` on its renewal day, when it was charged.
      published: r.how === 'auto',
    })),
  });
  await tx.execute(
    sql`update contract_renewals set applied_at = ${toDate(input.now)}
        where id in (select jsonb_array_elements_text(${JSON.stringify(due.map((r) => r.renewal_id))}::jsonb))`,
  );
  return renewed;
}
