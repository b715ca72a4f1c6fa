// Claims the reminder mails due by a date (trial end, manual renewal) in one statement each: a claimed reminder is never claimed again.
import { sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { toDate } from '../../domain/clock.js';
import { queryRows } from './query-rows.js';

/** A reminder to send: the contract, whom and in which language, the date reminded of. */
export interface ClaimedReminder {
  contractId: string;
  number: string;
  memberId: string;
  locale: string;
  productNameJa: string;
  productNameEn: string;
  targetDate: string;
  daysBefore: number;
  trialAtEnd: 'convert' | 'end' | null;
  /** The contract's payment method: a trial without one ends rather than converts. */
  paymentMethod: string | null;
  renewalWindowMonths: number;
}

interface ReminderRow {
  contract_id: string;
  number: string;
  member_id: string;
  locale: string;
  product_name_ja: string;
  product_name_en: string;
  target_date: string;
  days_before: number;
  trial_at_end: 'convert' | 'end' | null;
  payment_method: string | null;
  renewal_window_months: number;
}

/**
 * Claims every reminder due by `today`: for trials, `days` before the trial's last day; for manual
 * renewals, each of the store's days before the term end. Only the latest due reminder of a contract
 * is claimed (a rehearsal jumping months ahead sends one mail, not three), and one whose target has
 * passed is not sent. The primary key makes a second run (or a second node) claim nothing.
 */
export async function claimDueReminders(
  tx: DbOrTx,
  input: {
    kind: 'trial_end' | 'renewal';
    today: Temporal.PlainDate;
    daysBefore: readonly number[];
    now: Temporal.Instant;
  },
): Promise<ClaimedReminder[]> {
  if (input.daysBefore.length === 0) return [];
  const days = `{${input.daysBefore.map((d) => Math.trunc(d)).join(',')}}`;
  const today = input.today.toString();
  const due =
    input.kind === 'trial_end'
      ? sql`c.status = 'trial' and c.trial_end is not null and c.trial_end >= ${today}::date
            and c.trial_end - d.days <= ${today}::date`
      : sql`c.status = 'active' and c.renewal_mode = 'manual' and c.current_term_end >= ${today}::date
            and c.current_term_end - d.days <= ${today}::date
            and not exists (select 1 from contract_renewals r where r.contract_id = c.id
                            and r.status in ('pending', 'paid') and r.term_start = c.current_term_end + 1)`;
  const target = input.kind === 'trial_end' ? sql`c.trial_end` : sql`c.current_term_end`;
  const rows = await queryRows<ReminderRow>(
    tx,
    sql`
    with due as (
      select distinct on (c.id) c.id, ${target} as target_date, d.days
      from contracts c cross join unnest(${days}::int[]) as d(days)
      where ${due}
      order by c.id, d.days asc
    ), claimed as (
      insert into contract_reminders (contract_id, kind, target_date, days_before, sent_at)
      select due.id, ${input.kind}, due.target_date, due.days, ${toDate(input.now)}
      from due
      where not exists (
        select 1 from contract_reminders done
        where done.contract_id = due.id and done.kind = ${input.kind} and done.target_date = due.target_date
          and done.days_before <= due.days
      )
      on conflict do nothing
      returning contract_id, target_date, days_before
    )
    select c.id as contract_id, c.number, c.member_id, c.locale, c.product_name_ja, c.product_name_en,
           claimed.target_date::text as target_date, claimed.days_before, c.trial_at_end, c.payment_method, c.renewal_window_months
    from claimed join contracts c on c.id = claimed.contract_id
    order by c.id`,
  );
  return rows.map((r) => ({
    contractId: r.contract_id,
    number: r.number,
    memberId: r.member_id,
    locale: r.locale,
    productNameJa: r.product_name_ja,
    productNameEn: r.product_name_en,
    targetDate: r.target_date,
    daysBefore: Number(r.days_before),
    trialAtEnd: r.trial_at_end,
    paymentMethod: r.payment_method,
    renewalWindowMonths: Number(r.renewal_window_months),
  }));
}
