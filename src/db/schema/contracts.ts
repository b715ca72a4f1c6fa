// Tables of the contracts module: contracts, their history and the yearly contract number counters.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { catalogProducts } from './catalog.js';
import { members } from './identity.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A PostgreSQL `daterange`, read as its text form (`[2026-05-01,2026-09-01)`). */
const dateRange = customType<{ data: string }>({
  dataType() {
    return 'daterange';
  },
});

/** The price as the member agreed to it on the order line: the estimate engine's rows and totals, tax-exclusive. */
export interface ContractPricingRow {
  lines: {
    kind: string;
    code: string;
    labelJa: string;
    labelEn: string;
    quantity: number;
    unitPrice: number;
    amount: number;
    taxRate: number;
    recurring: boolean;
  }[];
  monthlyAmount: number | null;
  termAmount: number;
  oneTimeAmount: number;
}

export const contractStatusValues = [
  'trial',
  'active',
  'cancellation_scheduled',
  'ended',
  'suspended',
  'expired',
] as const;

/** A next-term change (seed 002): the term and options the next automatic renewal uses. */
export interface ContractNextTerm {
  term: string;
  options: { code: string; quantity?: number }[];
}

/** Each Tokyo calendar year's last contract sequence: numbers are taken under a row lock and never reused. */
export const contractNumberCounters = pgTable('contract_number_counters', {
  year: integer('year').primaryKey(),
  lastSequence: integer('last_sequence').notNull(),
});

/**
 * What a member bought on one order line, opened when its service started. The price is a snapshot, so
 * a later catalog change does not touch it until renewal. One contract per order line (unique).
 */
export const contracts = pgTable(
  'contracts',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    /** The order and its line (ids only: the ordering module owns those tables). */
    orderId: text('order_id').notNull(),
    orderNumber: text('order_number').notNull(),
    orderLineId: text('order_line_id').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => catalogProducts.id),
    providerId: text('provider_id').notNull(),
    productNameJa: text('product_name_ja').notNull(),
    productNameEn: text('product_name_en').notNull(),
    plan: text('plan').notNull(),
    term: text('term').notNull(),
    termMonths: integer('term_months').notNull(),
    quantity: integer('quantity').notNull(),
    options: jsonb('options').$type<{ code: string; quantity?: number }[]>().notNull(),
    pricing: jsonb('pricing').$type<ContractPricingRow>().notNull(),
    /** One term's tax-exclusive amount, for billing's reads. */
    termAmount: bigint('term_amount', { mode: 'bigint' }).notNull(),
    /** `card`, `bank_transfer`, `direct_debit`, `agency`, `wallet`, or null for a trial without one. */
    paymentMethod: text('payment_method'),
    status: text('status', { enum: contractStatusValues }).notNull(),
    /** What a scheduled cancellation returns to when the member withdraws it. */
    statusBeforeCancellation: text('status_before_cancellation', { enum: contractStatusValues }),
    /** What a suspended contract resumes to. */
    statusBeforeSuspension: text('status_before_suspension', { enum: contractStatusValues }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    currentTermStart: date('current_term_start', { mode: 'string' }).notNull(),
    currentTermEnd: date('current_term_end', { mode: 'string' }).notNull(),
    /** The plan's minimum term and early-termination rule as they were at the start. */
    minimumTermMonths: integer('minimum_term_months').notNull(),
    minimumTermEnd: date('minimum_term_end', { mode: 'string' }),
    earlyTermination: text('early_termination').notNull(),
    earlyTerminationFee: bigint('early_termination_fee', { mode: 'bigint' }),
    renewalMode: text('renewal_mode', { enum: ['auto', 'manual'] }).notNull(),
    /** The last day of a free trial; null for a paid contract. */
    trialEnd: date('trial_end', { mode: 'string' }),
    /** What happens at the trial's end, from the product as it was at the start: `convert` or `end`. */
    trialAtEnd: text('trial_at_end', { enum: ['convert', 'end'] }),
    /** Months before the term end the manual renewal window opens, from the product at the start (default 2). */
    renewalWindowMonths: integer('renewal_window_months').notNull().default(2),
    /** The wallet member's chosen automatic-renewal day (5/10/15/20/25); null for other payment methods. */
    walletRenewalDay: integer('wallet_renewal_day'),
    /** The next term's length and options as the member changed them before the deadline; null: the same again. */
    nextTerm: jsonb('next_term').$type<ContractNextTerm>(),
    /** The member's language at order time: mails about the contract use it. */
    locale: text('locale').notNull(),
    /** The last day of service once a cancellation is accepted or the contract ended. */
    endDate: date('end_date', { mode: 'string' }),
    startedAt: at('started_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    /**
     * The days the member pays for: from the start (or the day after a free trial) to the last day of
     * service, open while no end is set; empty for a trial that ended unpaid. Kept by the database from
     * the dates above, so no operation can forget it; billing's "billable in period P" reads it.
     */
    billablePeriod: dateRange('billable_period').generatedAlwaysAs(
      sql`case when end_date is not null and end_date < coalesce(trial_end + 1, start_date) then 'empty'::daterange else daterange(coalesce(trial_end + 1, start_date), end_date, '[]') end`,
    ),
  },
  (t) => [
    uniqueIndex('contracts_number_unique').on(t.number),
    uniqueIndex('contracts_order_line_unique').on(t.orderLineId),
    // My Page's list: a member's contracts newest first, read from the index alone in order.
    index('contracts_member_start_idx').on(t.memberId, t.startDate.desc(), t.id.desc()),
    // Console search by renewal month and status, and the sweeps (ending, renewal) by date.
    index('contracts_status_term_end_idx').on(t.status, t.currentTermEnd),
    index('contracts_end_date_idx').on(t.endDate),
    index('contracts_product_idx').on(t.productId),
    // Billing's one query: the contracts whose paid days overlap a period (`&&`).
    index('contracts_billable_period_idx').using('gist', t.billablePeriod),
    check(
      'contracts_status_known',
      sql`${t.status} in ('trial', 'active', 'cancellation_scheduled', 'ended', 'suspended', 'expired')`,
    ),
    check('contracts_renewal_mode_known', sql`${t.renewalMode} in ('auto', 'manual')`),
    check('contracts_quantity_positive', sql`${t.quantity} > 0`),
    check('contracts_term_order', sql`${t.currentTermStart} <= ${t.currentTermEnd}`),
    check(
      'contracts_trial_at_end_known',
      sql`${t.trialAtEnd} is null or ${t.trialAtEnd} in ('convert', 'end')`,
    ),
    check(
      'contracts_wallet_renewal_day_known',
      sql`${t.walletRenewalDay} is null or ${t.walletRenewalDay} in (5, 10, 15, 20, 25)`,
    ),
  ],
);

/** Every step of a contract's life with who, when and why: the history My Page and the console show. */
export const contractEvents = pgTable(
  'contract_events',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    /** `opened`, `status_changed`, `renewed`, `auto_renewal_stopped`, `converted`, `next_term_changed`, `renewal_quoted`, `renewal_paid`, `renewal_reset`, `payment_method_changed`. */
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** `member`, `operator`, `provider`, `system`, `cli`. */
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    reason: text('reason'),
    at: at('at').notNull(),
  },
  (t) => [index('contract_events_contract_idx').on(t.contractId, t.at, t.id)],
);

export const contractRequestKinds = ['cancellation', 'change'] as const;
/**
 * `requested`: a wish inside the lead time, waiting for an operator; `scheduled`: accepted for its effective
 * date; `withdrawn`: taken back by the member before the date; `done`: carried out on its date.
 */
export const contractRequestStates = ['requested', 'scheduled', 'withdrawn', 'done'] as const;

/** A member's application for a cancellation (解約申込) or a change with a desired date, and what became of it. */
export const contractRequests = pgTable(
  'contract_requests',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    memberId: text('member_id').notNull(),
    kind: text('kind', { enum: contractRequestKinds }).notNull(),
    state: text('state', { enum: contractRequestStates }).notNull(),
    /** The date the member asked for: the last day of service for a cancellation, the first day for a change. */
    desiredDate: date('desired_date', { mode: 'string' }).notNull(),
    /** The date it takes effect: the wish, or the date an operator confirmed; null while requested. */
    effectiveDate: date('effective_date', { mode: 'string' }),
    /** The early-termination fee (tax-exclusive yen) for the effective (or desired) date. */
    fee: bigint('fee', { mode: 'bigint' }).notNull().default(sql`0`),
    /** A change's new plan, quantity and options, and its price snapshot (null for a cancellation). */
    change: jsonb('change').$type<Record<string, unknown>>(),
    reason: text('reason'),
    requestedAt: at('requested_at').notNull(),
    decidedAt: at('decided_at'),
    decidedBy: text('decided_by'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    // One open application of each kind per contract: concurrent twins cannot both apply.
    uniqueIndex('contract_requests_open_unique')
      .on(t.contractId, t.kind)
      .where(sql`${t.state} in ('requested', 'scheduled')`),
    // The console's queue and the sweeps: open requests by state and date.
    index('contract_requests_state_date_idx').on(t.state, t.effectiveDate, t.id),
    index('contract_requests_contract_idx').on(t.contractId, t.requestedAt),
    check('contract_requests_kind_known', sql`${t.kind} in ('cancellation', 'change')`),
    check(
      'contract_requests_state_known',
      sql`${t.state} in ('requested', 'scheduled', 'withdrawn', 'done')`,
    ),
  ],
);

export const contractRenewalStatusValues = ['pending', 'paid', 'cancelled'] as const;
export const contractRenewalHowValues = ['manual', 'auto'] as const;

/**
 * A renewal of the next term, paid before that term begins. `manual` (seed 004): the quote the member
 * proceeded with, priced then, `pending` until an operator records its payment (`paid`). `auto` (seed 002,
 * prepaid wallet): the automatic renewal charged on the member's renewal day, written `paid` by the
 * renewal sweep. Either way the sweep moves the contract into it on its first day. At most one pending
 * renewal per contract, and one renewal per contract and term start that is not cancelled: twins cannot
 * renew twice.
 */
export const contractRenewals = pgTable(
  'contract_renewals',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    memberId: text('member_id').notNull(),
    status: text('status', { enum: contractRenewalStatusValues }).notNull(),
    /** `manual` (a renewal quote) or `auto` (a wallet contract's automatic renewal on its renewal day). */
    how: text('how', { enum: contractRenewalHowValues }).notNull().default('manual'),
    term: text('term').notNull(),
    termMonths: integer('term_months').notNull(),
    options: jsonb('options').$type<{ code: string; quantity?: number }[]>().notNull(),
    pricing: jsonb('pricing').$type<ContractPricingRow>().notNull(),
    /** The term's amount including tax, as the quote showed it (what the member pays). */
    totalAmount: bigint('total_amount', { mode: 'bigint' }).notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    quotedAt: at('quoted_at').notNull(),
    paidAt: at('paid_at'),
    paidBy: text('paid_by'),
    /** Set when the sweep moved the contract into this term. */
    appliedAt: at('applied_at'),
    /**
     * A paid term the contract ended before it began: what was paid back (the whole total, to the
     * wallet for `auto`, to the member for `manual`) and when; the row is then `cancelled`.
     */
    refundAmount: bigint('refund_amount', { mode: 'bigint' }),
    refundedAt: at('refunded_at'),
  },
  (t) => [
    uniqueIndex('contract_renewals_one_pending').on(t.contractId).where(sql`${t.status} = 'pending'`),
    uniqueIndex('contract_renewals_one_per_term')
      .on(t.contractId, t.termStart)
      .where(sql`${t.status} <> 'cancelled'`),
    // The sweep's read: paid renewals not yet applied, by their first day.
    index('contract_renewals_due_idx')
      .on(t.termStart)
      .where(sql`${t.status} = 'paid' and ${t.appliedAt} is null`),
    check('contract_renewals_status_known', sql`${t.status} in ('pending', 'paid', 'cancelled')`),
    check('contract_renewals_how_known', sql`${t.how} in ('manual', 'auto')`),
  ],
);

/**
 * Reminder mails already sent (trial end, renewal): the key makes each one go out once however often
 * the sweep runs, on however many nodes.
 */
export const contractReminders = pgTable(
  'contract_reminders',
  {
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    /** `trial_end` or `renewal`. */
    kind: text('kind').notNull(),
    /** The date reminded of (the trial's or the term's last day). */
    targetDate: date('target_date', { mode: 'string' }).notNull(),
    daysBefore: integer('days_before').notNull(),
    sentAt: at('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.kind, t.targetDate, t.daysBefore] })],
);
