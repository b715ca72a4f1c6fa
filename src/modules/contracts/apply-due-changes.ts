// The change sweep: scheduled changes take effect on their date, set-based (plan, quantity, options and price snapshot, history, `contract.changed`, the member's mail).
import { inArray, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { type ContractPricingRow, contracts } from '../../db/schema/contracts.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { recordAudits } from '../audit/index.js';
import { recordDomainEvents } from '../events/index.js';
import type { ChangeRecord } from './change-record.js';
import { mailContractMember, tellContractProvider } from './contract-notices.js';
import { contractEventBase } from './contract-record.js';
import { queryRows } from './query-rows.js';

/** How many changes one transaction applies; passes repeat until none is due. */
const BATCH = 200;
const SYSTEM = { kind: 'system' as const, id: null };

interface DueChange {
  request_id: string;
  contract_id: string;
  desired_date: string;
  effective_date: string;
  change: ChangeRecord;
  old_plan: string;
  old_quantity: number;
  old_options: { code: string; quantity?: number }[];
  old_pricing: ContractPricingRow;
}

/**
 * Applies every scheduled change whose date has come (Tokyo date), a batch per transaction with three
 * writes whatever its size; rows another node holds are skipped (SKIP LOCKED) and a re-run finds nothing
 * left. Open changes of contracts that ended or expired first are withdrawn. Returns how many were applied.
 */
export async function applyDueChanges(db: Db, input: { now: Temporal.Instant }): Promise<number> {
  const today = businessDateAt(input.now).toString();
  const at = toDate(input.now);
  await db.execute(sql`
    update contract_requests r set state = 'withdrawn', reason = 'contract ended', decided_at = ${at}, updated_at = ${at}
    from contracts c
    where c.id = r.contract_id and r.kind = 'change' and r.state in ('requested', 'scheduled')
      and c.status in ('ended', 'expired')`);
  let applied = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const due = await queryRows<DueChange>(
        tx,
        sql`
        select r.id as request_id, r.contract_id, to_char(r.desired_date, 'YYYY-MM-DD') as desired_date,
               to_char(r.effective_date, 'YYYY-MM-DD') as effective_date, r.change,
               c.plan as old_plan, c.quantity as old_quantity, c.options as old_options, c.pricing as old_pricing
        from contract_requests r join contracts c on c.id = r.contract_id
        where r.kind = 'change' and r.state = 'scheduled' and r.effective_date <= ${today}::date
          and c.status not in ('ended', 'expired')
        order by r.effective_date, r.id
        limit ${BATCH}
        for update of r, c skip locked`,
      );
      if (due.length === 0) return 0;
      const input_ = due.map((d) => ({ request_id: d.request_id, history_id: newId('contractEvent') }));
      await tx.execute(sql`
        with input as (
          select * from jsonb_to_recordset(${JSON.stringify(input_)}::jsonb) as x(request_id text, history_id text)
        ), due as (
          select input.history_id, r.id as request_id, r.contract_id, r.change
          from input join contract_requests r on r.id = input.request_id
        ), upd as (
          update contracts c set
            plan = due.change->>'plan',
            quantity = (due.change->>'quantity')::int,
            options = due.change->'options',
            pricing = due.change->'pricing',
            term_amount = (due.change->'pricing'->>'termAmount')::bigint,
            updated_at = ${at}
          from due
          where c.id = due.contract_id
          returning c.id, c.status, due.history_id, due.request_id
        ), done as (
          update contract_requests r set state = 'done', updated_at = ${at}
          from due where r.id = due.request_id
        )
        insert into contract_events (id, contract_id, kind, from_status, to_status, actor_kind, actor_id, reason, at)
        select upd.history_id, upd.id, 'changed', upd.status, upd.status, 'system', null, upd.request_id, ${at}
        from upd`);
      const rows = new Map(
        (
          await tx
            .select()
            .from(contracts)
            .where(
              inArray(
                contracts.id,
                due.map((d) => d.contract_id),
              ),
            )
        ).map((r) => [r.id, r]),
      );
      await recordDomainEvents(tx, {
        type: 'contract.changed',
        events: due.map((d) => {
          return {
            subjectId: d.contract_id,
            payload: {
              ...contractEventBase(rows.get(d.contract_id)!),
              requestId: d.request_id,
              desiredDate: d.desired_date,
              effectiveDate: d.effective_date,
              previous: {
                plan: d.old_plan,
                quantity: d.old_quantity,
                options: d.old_options,
                pricing: d.old_pricing,
              },
              proration: d.change.proration,
              difference: d.change.difference,
            },
          };
        }),
        at: input.now,
      });
      await recordAudits(tx, {
        actor: SYSTEM,
        action: 'contract.changed',
        targetType: 'contract',
        entries: due.map((d) => ({
          targetId: d.contract_id,
          before: {
            plan: d.old_plan,
            quantity: d.old_quantity,
            options: d.old_options,
            termAmount: d.old_pricing.termAmount,
          },
          after: {
            plan: d.change.plan,
            quantity: d.change.quantity,
            options: d.change.options,
            termAmount: d.change.termAmount,
          },
          reason: `change ${d.request_id}`,
        })),
        at: input.now,
      });
      for (const d of due) {
        const row = rows.get(d.contract_id)!;
        await mailContractMember(
          tx,
          row,
          'contract-change-applied',
          {
            effectiveDate: d.effective_date,
            summary: row.locale === 'en' ? d.change.summary.en : d.change.summary.ja,
            difference: d.change.difference.amount,
            termAmount: d.change.termAmount,
          },
          input.now,
        );
        // The provider runs the service: it is told the new content on the day it applies (webhook + mail).
        await tellContractProvider(
          tx,
          row,
          'changed',
          { endDate: null, requestId: d.request_id, effectiveDate: d.effective_date },
          input.now,
        );
      }
      return due.length;
    });
    applied += count;
    if (count < BATCH) return applied;
  }
}
