// Writes one chunk of a close set-based: every member in a key range gets their invoice, its lines and its ledger entry in one statement.
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { confirmationDayOfMonth, confirmationMonthOffset } from '../../domain/billing-calendar.js';
import type { TaxRounding } from '../../domain/tax.js';
import type { Actor } from '../audit/index.js';
import { planConfirmationRuleSql } from '../catalog/index.js';
import { renewalOfTermSql } from '../contracts/index.js';
import { orderPaidAtCheckoutSql } from '../ordering/index.js';
import type { BillingPeriod } from './billing-period.js';
import { idSql, queryRows, taxSql } from './invoice-sql.js';

/** What the close prints on every invoice it writes. */
export interface IssuerSnapshot {
  issuerName: string;
  registrationNumber: string | null;
  rounding: TaxRounding;
}

/** What one chunk wrote. */
export interface ChunkResult {
  invoices: number;
  lines: number;
  total: number;
}

/**
 * Bills the members with ids in (`afterMemberId`, `throughMemberId`] for the period, inside the caller's
 * transaction, which must hold the year's invoice counter row locked (so the numbers are the next ones
 * and a twin's invoices of this range, committed before the lock was granted, are seen and skipped).
 *
 * A contract is due when one of its terms begins in the period: terms start on its first paid day plus
 * a whole number of terms. Each recurring line of its price snapshot becomes an invoice line whose
 * service period is that term (cut at the contract's last paid day), not the billing period. The tax is
 * rounded once per rate per invoice. Every term is invoiced exactly once, so every yen has a qualified
 * invoice: a term already settled when the close runs (the first term of an order charged at checkout,
 * a renewal paid or charged before it began) is billed with its renewal's price and a `payment` ledger
 * entry written by the same statement, so the invoice is `paid` at issue (`partially_paid` when other
 * lines are still open); anything else is `issued`. Returns what was written; a member already invoiced
 * is skipped.
 */
export async function closeInvoiceChunk(
  tx: DbOrTx,
  input: {
    period: BillingPeriod;
    runId: string;
    afterMemberId: string;
    throughMemberId: string;
    lastSequence: number;
    issuer: IssuerSnapshot;
    actor: Actor;
    now: Date;
  },
): Promise<ChunkResult & { maxSequence: number | null }> {
  const { period, issuer } = input;
  const [yearText, monthText] = period.from.split('-');
  // The month index of the period's first day: a term starting in the period is k or k + 1 months from there.
  const monthIndex = Number(yearText) * 12 + Number(monthText);
  const c = period.confirmations;
  // When a line's amount is final: its rule's date in this billing month (the calendar's per-rule dates).
  const confirmedOn = (rule: SQL) => sql`(case coalesce(${rule}, 'on_order')
      when 'usage_month_13' then ${c.usage_month_13}::date
      when 'next_month_13' then ${c.next_month_13}::date
      when 'month_after_next_13' then ${c.month_after_next_13}::date
      else ${c.on_order}::date end)`;
  // A usage charge is final by its own usage month (seed 001: April's usage on 13 April, 13 May or 13 June),
  // whichever close bills it: the month its period ends in, moved by the rule.
  const usageConfirmedOn = (rule: SQL, through: SQL) => sql`(case coalesce(${rule}, 'on_order')
      when 'on_order' then ${c.on_order}::date
      else (date_trunc('month', ${through}::timestamp) + make_interval(months => case ${rule}
        when 'usage_month_13' then ${confirmationMonthOffset.usage_month_13}::int
        when 'next_month_13' then ${confirmationMonthOffset.next_month_13}::int
        else ${confirmationMonthOffset.month_after_next_13}::int end,
        days => ${confirmationDayOfMonth - 1}::int))::date end)`;
  const s10 = sql`s.standard_taxable`;
  const s8 = sql`s.reduced_taxable`;
  const rows = await queryRows<{
    invoices: number;
    lines: number;
    total: string | null;
    max_seq: number | null;
  }>(
    tx,
    sql`
    with due as (
      -- What was paid for which term is the contracts module's record (renewals) and the ordering module's
      -- (the method an order was placed with), read here through their SQL faces: a per-contract service
      -- call would break the close's speed target, one statement per chunk keeps it.
      select c.id as contract_id, c.number as contract_number, c.member_id,
             coalesce(rn.pricing, c.pricing) as pricing,
             c.product_name_ja, c.product_name_en, ts.term_start, t.k = 0 as first_term,
             -- The close bills every recurring price in advance, fixed by the order: final at the close.
             null::text as rule,
             least((lower(c.billable_period) + make_interval(months => t.k + c.term_months))::date - 1,
                   coalesce(upper(c.billable_period) - 1, 'infinity'::date)) as term_end,
             (coalesce(rn.paid, false)
               or (ts.term_start = c.start_date and c.trial_end is null
                   and ${orderPaidAtCheckoutSql(sql`c.order_id`)})) as settled
      from contracts c
      -- A period is at most one month long (the 20th close: the 21st to the 20th), so the term that starts
      -- in it, if any, is k or k + 1 months after the first paid day, k counted from the period's first month.
      cross join lateral (
        select k from (values (0), (1)) o(d)
        cross join lateral (select ${monthIndex}::int - (extract(year from lower(c.billable_period))::int * 12
          + extract(month from lower(c.billable_period))::int) + o.d as k) kk
        where (lower(c.billable_period) + make_interval(months => kk.k))::date
          between ${period.from}::date and ${period.through}::date
        limit 1
      ) t
      cross join lateral (
        select (lower(c.billable_period) + make_interval(months => t.k))::date as term_start
      ) ts
      ${renewalOfTermSql(sql`c.id`, sql`ts.term_start`, 'rn')}
      where c.member_id > ${input.afterMemberId} and c.member_id <= ${input.throughMemberId}
        and c.billable_period && daterange(${period.from}::date, ${period.through}::date, '[]')
        and t.k >= 0 and t.k % c.term_months = 0
        and not exists (
          select 1 from invoices i
          where i.member_id = c.member_id and i.profile_id = ${period.profileId} and i.period_from = ${period.from}::date)
    ), term_lines as (
      -- The recurring lines of every due term; a product's one-time lines (初期費用) with the first term only.
      select due.*, l.ord, l.value as line, (l.value->>'amount')::bigint as amount, (l.value->>'taxRate')::int as percent,
             coalesce((l.value->>'recurring')::boolean, true) as recurring
      from due cross join lateral jsonb_array_elements(due.pricing->'lines') with ordinality as l(value, ord)
      where (coalesce((l.value->>'recurring')::boolean, true) or due.first_term)
        and due.term_start <= due.term_end
    ), charges as (
      -- Usage, one-time and adjustment charges not billed yet whose days began by the period's end. Usage
      -- is final when its plan's rule says; a one-time fee or an operator's adjustment on the close.
      select ch.*, case when ch.kind = 'usage' then pr.rule end as rule from billing_charges ch
      left join contracts cc on cc.id = ch.contract_id
      ${planConfirmationRuleSql(sql`cc.product_id`, sql`cc.plan`, 'pr')}
      where ch.member_id > ${input.afterMemberId} and ch.member_id <= ${input.throughMemberId}
        and ch.invoice_id is null and ch.service_from <= ${period.through}::date
        and not exists (
          select 1 from invoices i
          where i.member_id = ch.member_id and i.profile_id = ${period.profileId} and i.period_from = ${period.from}::date)
    ), lines as (
      select member_id, 0 as grp, contract_id, ord::bigint as ord, null::text as charge_id,
             case when recurring then 'recurring' else 'one_time' end as kind, contract_number, line->>'code' as code,
             -- A one-time line is the setup fee (初期費用) of the plan or option it names.
             case when recurring then product_name_ja || ' ' || (line->>'labelJa')
               else product_name_ja || ' 初期費用（' || (line->>'labelJa') || '）' end as description_ja,
             case when recurring then product_name_en || ' ' || (line->>'labelEn')
               else product_name_en || ' setup fee (' || (line->>'labelEn') || ')' end as description_en,
             (line->>'quantity')::int as quantity, (line->>'unitPrice')::bigint as unit_price, amount, percent,
             term_start as service_from, case when recurring then term_end else term_start end as service_through,
             settled, coalesce(rule, 'on_order') as rule, ${confirmedOn(sql`rule`)} as confirmed_on
      from term_lines
      union all
      select member_id, 1, contract_id, 0, id, kind, contract_number, code, description_ja, description_en,
             quantity, unit_price, amount, tax_percent, service_from, service_through, false,
             coalesce(rule, 'on_order'), ${usageConfirmedOn(sql`rule`, sql`service_through`)}
      from charges
    ), sums as (
      select member_id,
             coalesce(sum(amount) filter (where percent = 10), 0)::bigint as standard_taxable,
             coalesce(sum(amount) filter (where percent = 8), 0)::bigint as reduced_taxable,
             coalesce(sum(amount) filter (where percent = 10 and settled), 0)::bigint as settled_standard,
             coalesce(sum(amount) filter (where percent = 8 and settled), 0)::bigint as settled_reduced,
             bool_and(settled) as all_settled,
             -- The invoice is final when its last line is: that line's rule dates it.
             (array_agg(rule order by confirmed_on desc, rule))[1] as rule,
             greatest(max(confirmed_on), ${period.close}::date) as issue_on
      from lines group by member_id
    ), taxed as (
      select s.member_id, s.standard_taxable, s.reduced_taxable, s.all_settled, s.rule, s.issue_on,
             ${taxSql(s10, 10, issuer.rounding)} as standard_tax,
             ${taxSql(s8, 8, issuer.rounding)} as reduced_tax,
             s.settled_standard + s.settled_reduced
               + ${taxSql(sql`s.settled_standard`, 10, issuer.rounding)}
               + ${taxSql(sql`s.settled_reduced`, 8, issuer.rounding)} as settled_total
      from sums s
    ), numbered as (
      -- Paid before the close: the whole total when every line was settled (so the invoice is paid at
      -- issue to the yen), else the settled lines with their own tax, never more than the total.
      select t.*, t.standard_taxable + t.reduced_taxable + t.standard_tax + t.reduced_tax as total,
             case when t.all_settled then t.standard_taxable + t.reduced_taxable + t.standard_tax + t.reduced_tax
                  else greatest(0, least(t.settled_total,
                    t.standard_taxable + t.reduced_taxable + t.standard_tax + t.reduced_tax)) end as paid,
             (${input.lastSequence}::int + row_number() over (order by t.member_id))::int as seq,
             ${idSql('inv', sql`t.member_id`)} as invoice_id
      from taxed t
    ), inserted as (
      insert into invoices (id, number, year, sequence, member_id, profile_id, period_from, period_through, status,
        billing_run_id, issue_date, issuer_name, registration_number, tax_rounding, standard_taxable, standard_tax,
        reduced_taxable, reduced_tax, subtotal, tax, total, confirmation_rule, settled_before_close, created_at)
      select n.invoice_id, 'INV' || ${period.numberYear}::int || '-' || lpad(n.seq::text, 7, '0'), ${period.numberYear}::int,
        n.seq, n.member_id, ${period.profileId}, ${period.from}::date, ${period.through}::date,
        -- Not final at the close: a draft, issued by the issue sweep on its confirmation date.
        case when n.issue_on > ${period.close}::date then 'draft'
             else ${issuedStatusSql(sql`n.paid`, sql`n.total`)} end, ${input.runId},
        n.issue_on, ${issuer.issuerName}, ${issuer.registrationNumber}, ${issuer.rounding},
        n.standard_taxable, n.standard_tax, n.reduced_taxable, n.reduced_tax,
        n.standard_taxable + n.reduced_taxable, n.standard_tax + n.reduced_tax,
        n.standard_taxable + n.reduced_taxable + n.standard_tax + n.reduced_tax, n.rule, greatest(n.paid, 0),
        ${input.now.toISOString()}::timestamptz
      from numbered n
      on conflict (member_id, profile_id, period_from) do nothing
      returning id, member_id, total, status, issue_date, settled_before_close
    ), positioned as (
      select l.*, n.invoice_id,
             (row_number() over (partition by l.member_id order by l.grp, l.contract_id, l.ord, l.charge_id))::int as position
      from lines l join numbered n on n.member_id = l.member_id
    ), inserted_lines as (
      insert into invoice_lines (invoice_id, position, kind, contract_id, contract_number, code, description_ja,
        description_en, quantity, unit_price, amount, tax_percent, service_from, service_through)
      select p.invoice_id, p.position, p.kind, p.contract_id, p.contract_number, p.code, p.description_ja,
        p.description_en, p.quantity, p.unit_price, p.amount, p.percent, p.service_from, p.service_through
      from positioned p join inserted i on i.id = p.invoice_id
      returning 1
    ), billed as (
      -- Each charge is billed once: on the line just written, and only while no invoice holds it.
      update billing_charges ch set invoice_id = p.invoice_id, invoice_position = p.position
      from positioned p join inserted i on i.id = p.invoice_id
      where ch.id = p.charge_id and ch.invoice_id is null
      returning 1
    ), ledger as (
      -- Only what is issued is owed: a draft's entries are written by the issue sweep, on its issue date.
      ${issueLedgerSql(sql`inserted`, input.actor, input.now)}
    )
    select (select count(*) from inserted)::int as invoices,
           (select count(*) from inserted_lines)::int as lines,
           (select count(*) from billed)::int as charges,
           (select sum(total) from inserted)::text as total,
           (select max(seq) from numbered)::int as max_seq`,
  );
  const row = rows[0]!;
  return {
    invoices: row.invoices,
    lines: row.lines,
    total: Number(row.total ?? 0),
    maxSequence: row.max_seq,
  };
}

/** The status an invoice is issued with: what was paid before the close decides (`paid`, `partially_paid`). */
export function issuedStatusSql(paid: SQL, total: SQL): SQL {
  return sql`(case when ${paid} <= 0 then 'issued' when ${paid} >= ${total} then 'paid' else 'partially_paid' end)`;
}

/**
 * The ledger entries of invoices as they are issued, from a CTE or table `source` with `id`, `member_id`,
 * `total`, `status`, `issue_date` and `settled_before_close`: the `invoice` entry, and the
 * `settled_before_close` payment when a term was paid before the close, both dated the issue date. Drafts
 * in `source` get nothing. An INSERT … SELECT returning 1.
 */
export function issueLedgerSql(source: SQL, actor: Actor, now: Date): SQL {
  const at = now.toISOString();
  return sql`insert into receivable_entries (id, member_id, kind, amount, invoice_id, occurred_on, note, actor_kind, actor_id, recorded_at)
      select ${idSql('rce', sql`i.id`)}, i.member_id, 'invoice', i.total, i.id, i.issue_date, null,
        ${actor.kind}, ${actor.id}, ${at}::timestamptz
      from ${source} i where i.status <> 'draft'
      union all
      select ${idSql('rce', sql`i.id || 'paid'`)}, i.member_id, 'payment', -i.settled_before_close, i.id, i.issue_date,
        'settled_before_close', ${actor.kind}, ${actor.id}, ${at}::timestamptz
      from ${source} i
      where i.status <> 'draft' and i.settled_before_close > 0
      returning 1`;
}
