// Moves a batch of locked contracts into their next terms set-based: the rows and their history, `contract.renewed` through the events module, one audit entry each.
import { sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import type { ContractPricingRow } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { recordAudits } from '../audit/index.js';
import { type ContractRenewedPayload, recordDomainEvents } from '../events/index.js';
import { queryRows } from './query-rows.js';

const SYSTEM = { kind: 'system' as const, id: null };

/** One contract's next term, decided by the caller (the sweep's catalog price, or a paid renewal quote). */
export interface RenewalWrite {
  contractId: string;
  term: string;
  termMonths: number;
  options: { code: string; quantity?: number }[];
  /** Index into the batch's `pricings`, so a price shared by thousands of contracts is sent once. */
  pricing: number;
  start: string;
  end: string;
  how: 'auto' | 'manual';
  renewalId: string | null;
  /** `contract.renewed` went out already, when the term was charged (a wallet contract's renewal day): not again. */
  published: boolean;
}

/**
 * Writes a batch with three statements whatever its size (the caller holds the rows' locks, in its
 * transaction): one for the contracts (new term, options and price snapshot, the next-term change used
 * up) with a `renewed` history entry each, returning each `contract.renewed` payload built in SQL from
 * the updated row and the row as it was (the CTE's snapshot before the update); one for the events,
 * through the events module so its subscribers run (except for terms published when they were charged);
 * one for the audit entries. Returns the contract ids renewed, in id order.
 */
export async function writeRenewals(
  tx: DbOrTx,
  input: { rows: readonly RenewalWrite[]; pricings: readonly ContractPricingRow[]; now: Temporal.Instant },
): Promise<string[]> {
  if (input.rows.length === 0) return [];
  const rows = input.rows.map((r) => ({
    id: r.contractId,
    term: r.term,
    term_months: r.termMonths,
    options: r.options,
    pricing: r.pricing,
    term_start: r.start,
    term_end: r.end,
    how: r.how,
    renewal_id: r.renewalId,
    history_id: newId('contractEvent'),
  }));
  const at = toDate(input.now);
  const renewed = await queryRows<{ id: string; payload: ContractRenewedPayload }>(
    tx,
    sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
        id text, term text, term_months int, options jsonb, pricing int, term_start date, term_end date,
        how text, renewal_id text, history_id text)
    ), prices as (
      select (ord - 1)::int as idx, value as pricing
      from jsonb_array_elements(${JSON.stringify(input.pricings)}::jsonb) with ordinality as p(value, ord)
    ), old as (
      select c.id, c.term, c.current_term_start, c.current_term_end, c.pricing
      from contracts c join input on input.id = c.id
    ), upd as (
      update contracts c set
        term = input.term,
        term_months = input.term_months,
        options = input.options,
        pricing = prices.pricing,
        term_amount = (prices.pricing->>'termAmount')::bigint,
        current_term_start = input.term_start,
        current_term_end = input.term_end,
        next_term = null,
        updated_at = ${at}
      from input join prices on prices.idx = input.pricing
      where c.id = input.id
      returning c.*, input.how, input.renewal_id, input.history_id
    ), history as (
      insert into contract_events (id, contract_id, kind, from_status, to_status, actor_kind, actor_id, reason, at)
      select upd.history_id, upd.id, 'renewed', upd.status, upd.status, 'system', null,
             upd.renewal_id, ${at}
      from upd
    )
    select upd.id, jsonb_build_object(
        'contractId', upd.id,
        'contractNumber', upd.number,
        'memberId', upd.member_id,
        'productId', upd.product_id,
        'plan', upd.plan,
        'term', upd.term,
        'quantity', upd.quantity,
        'options', upd.options,
        'pricing', upd.pricing,
        'paymentMethod', upd.payment_method,
        'renewalMode', upd.renewal_mode,
        'startDate', to_char(upd.start_date, 'YYYY-MM-DD'),
        'currentTermStart', to_char(upd.current_term_start, 'YYYY-MM-DD'),
        'currentTermEnd', to_char(upd.current_term_end, 'YYYY-MM-DD'),
        'minimumTermEnd', to_char(upd.minimum_term_end, 'YYYY-MM-DD'),
        'trialEnd', to_char(upd.trial_end, 'YYYY-MM-DD'),
        'status', upd.status,
        'how', upd.how,
        'renewalId', upd.renewal_id,
        'previousTerm', jsonb_build_object('term', old.term,
          'start', to_char(old.current_term_start, 'YYYY-MM-DD'), 'end', to_char(old.current_term_end, 'YYYY-MM-DD')),
        'previousPricing', old.pricing,
        'newTerm', jsonb_build_object('term', upd.term,
          'start', to_char(upd.current_term_start, 'YYYY-MM-DD'), 'end', to_char(upd.current_term_end, 'YYYY-MM-DD'))
      ) as payload
    from upd join old on old.id = upd.id
    order by upd.id`,
  );
  const published = new Set(input.rows.filter((r) => r.published).map((r) => r.contractId));
  await recordDomainEvents(tx, {
    type: 'contract.renewed',
    events: renewed.filter((r) => !published.has(r.id)).map((r) => ({ subjectId: r.id, payload: r.payload })),
    at: input.now,
  });
  await recordAudits(tx, {
    actor: SYSTEM,
    action: 'contract.renewed',
    targetType: 'contract',
    entries: renewed.map(({ id, payload: p }) => ({
      targetId: id,
      before: {
        term: p.previousTerm.term,
        currentTermStart: p.previousTerm.start,
        currentTermEnd: p.previousTerm.end,
        termAmount: p.previousPricing.termAmount,
      },
      after: {
        term: p.newTerm.term,
        currentTermStart: p.newTerm.start,
        currentTermEnd: p.newTerm.end,
        termAmount: p.pricing.termAmount,
      },
      reason:
        p.how === 'manual'
          ? `manual renewal ${p.renewalId}`
          : p.renewalId === null
            ? 'automatic renewal'
            : `automatic renewal ${p.renewalId} (wallet)`,
    })),
    at: input.now,
  });
  return renewed.map((r) => r.id);
}
