// Charges a batch of prepaid (wallet) contracts for their next terms on their renewal day, set-based: paid `auto` renewals, history, `contract.renewed`, one audit entry each.
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

/** One wallet contract's next term, priced by the sweep at the catalog's price of the renewal day. */
export interface WalletRenewalWrite {
  contractId: string;
  term: string;
  termMonths: number;
  options: { code: string; quantity?: number }[];
  /** Index into the batch's `pricings`. */
  pricing: number;
  /** The term's total including tax: what the wallet is charged. */
  total: number;
  start: string;
  end: string;
}

/**
 * Writes a batch with three statements whatever its size (the caller holds the contracts' locks): one
 * inserting the paid `auto` renewals (once per contract and term: a row already there, written by a
 * concurrent sweep, is skipped by the unique index and publishes nothing) with a `renewal_paid` history
 * entry each, returning the `contract.renewed` payloads built in SQL; one for the events; one for the
 * audit entries. The contract itself moves into the term the day after its term ends
 * (`applyPaidRenewals`). Returns the contract ids charged, in id order.
 */
export async function recordWalletRenewals(
  tx: DbOrTx,
  input: {
    rows: readonly WalletRenewalWrite[];
    pricings: readonly ContractPricingRow[];
    now: Temporal.Instant;
  },
): Promise<string[]> {
  if (input.rows.length === 0) return [];
  const rows = input.rows.map((r) => ({
    renewal_id: newId('contractRenewal'),
    contract_id: r.contractId,
    term: r.term,
    term_months: r.termMonths,
    options: r.options,
    pricing: r.pricing,
    total: r.total,
    term_start: r.start,
    term_end: r.end,
    history_id: newId('contractEvent'),
  }));
  const at = toDate(input.now);
  const charged = await queryRows<{ id: string; payload: ContractRenewedPayload }>(
    tx,
    sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
        renewal_id text, contract_id text, term text, term_months int, options jsonb, pricing int, total bigint,
        term_start date, term_end date, history_id text)
    ), prices as (
      select (ord - 1)::int as idx, value as pricing
      from jsonb_array_elements(${JSON.stringify(input.pricings)}::jsonb) with ordinality as p(value, ord)
    ), ins as (
      insert into contract_renewals (id, contract_id, member_id, status, how, term, term_months, options, pricing,
                                     total_amount, term_start, term_end, quoted_at, paid_at, paid_by)
      select input.renewal_id, c.id, c.member_id, 'paid', 'auto', input.term, input.term_months, input.options,
             prices.pricing, input.total, input.term_start, input.term_end, ${at}, ${at}, null
      from input join contracts c on c.id = input.contract_id join prices on prices.idx = input.pricing
      on conflict (contract_id, term_start) where status <> 'cancelled' do nothing
      returning id, contract_id, term, options, pricing, term_start, term_end
    ), history as (
      insert into contract_events (id, contract_id, kind, from_status, to_status, actor_kind, actor_id, reason, at)
      select input.history_id, ins.contract_id, 'renewal_paid', c.status, c.status, 'system', null, ins.id, ${at}
      from ins join input on input.renewal_id = ins.id join contracts c on c.id = ins.contract_id
    )
    select c.id, jsonb_build_object(
        'contractId', c.id,
        'contractNumber', c.number,
        'memberId', c.member_id,
        'productId', c.product_id,
        'plan', c.plan,
        'term', ins.term,
        'quantity', c.quantity,
        'options', ins.options,
        'pricing', ins.pricing,
        'paymentMethod', c.payment_method,
        'renewalMode', c.renewal_mode,
        'startDate', to_char(c.start_date, 'YYYY-MM-DD'),
        'currentTermStart', to_char(ins.term_start, 'YYYY-MM-DD'),
        'currentTermEnd', to_char(ins.term_end, 'YYYY-MM-DD'),
        'minimumTermEnd', to_char(c.minimum_term_end, 'YYYY-MM-DD'),
        'trialEnd', to_char(c.trial_end, 'YYYY-MM-DD'),
        'status', c.status,
        'how', 'auto',
        'renewalId', ins.id,
        'previousTerm', jsonb_build_object('term', c.term,
          'start', to_char(c.current_term_start, 'YYYY-MM-DD'), 'end', to_char(c.current_term_end, 'YYYY-MM-DD')),
        'previousPricing', c.pricing,
        'newTerm', jsonb_build_object('term', ins.term,
          'start', to_char(ins.term_start, 'YYYY-MM-DD'), 'end', to_char(ins.term_end, 'YYYY-MM-DD'))
      ) as payload
    from ins join contracts c on c.id = ins.contract_id
    order by c.id`,
  );
  await recordDomainEvents(tx, {
    type: 'contract.renewed',
    events: charged.map((r) => ({ subjectId: r.id, payload: r.payload })),
    at: input.now,
  });
  const totals = new Map(rows.map((r) => [r.contract_id, r.total]));
  await recordAudits(tx, {
    actor: SYSTEM,
    action: 'contract.renewal_paid',
    targetType: 'contract',
    entries: charged.map(({ id, payload: p }) => ({
      targetId: id,
      after: {
        renewalId: p.renewalId,
        status: 'paid',
        term: p.newTerm.term,
        termStart: p.newTerm.start,
        termEnd: p.newTerm.end,
        total: totals.get(id),
      },
      reason: 'automatic renewal (wallet)',
    })),
    at: input.now,
  });
  return charged.map((r) => r.id);
}
