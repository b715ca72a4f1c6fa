// The ending sweep: a cancelled contract ends the day after its last day (`ended`, paid terms it never reached refunded, `contract.ended`, 解約完了 mail, the provider told).
import { and, asc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { contractRequests, contracts } from '../../db/schema/contracts.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { recordDomainEvent } from '../events/index.js';
import { applyPaidRenewals } from './apply-paid-renewals.js';
import { mailContractMember, tellContractProvider } from './contract-notices.js';
import { contractEventBase } from './contract-record.js';
import { openContractRequest } from './contract-request-view.js';
import { moveContract } from './move-contract.js';
import { refundUnusedRenewals } from './refund-unused-renewals.js';

/** How many contracts one pass ends; the store clock and the worker run passes until none is left. */
const BATCH = 200;
const SYSTEM = { kind: 'system' as const, id: null };

/**
 * Ends every contract whose last day is before today's Tokyo date, each in its own transaction; a contract
 * another node holds is skipped (SKIP LOCKED) and a re-run finds nothing left. Returns how many ended.
 */
export async function endDueContracts(db: Db, input: { now: Temporal.Instant }): Promise<number> {
  const today = businessDateAt(input.now).toString();
  let ended = 0;
  for (;;) {
    const due = await db
      .select({ id: contracts.id })
      .from(contracts)
      .where(
        and(
          inArray(contracts.status, ['cancellation_scheduled', 'suspended']),
          isNotNull(contracts.endDate),
          lt(contracts.endDate, today),
        ),
      )
      .orderBy(asc(contracts.endDate), asc(contracts.id))
      .limit(BATCH);
    let endedThisPass = 0;
    for (const { id } of due) {
      const done = await db.transaction(async (tx) => {
        const [held] = await tx
          .select({ status: contracts.status, endDate: contracts.endDate })
          .from(contracts)
          .where(eq(contracts.id, id))
          .for('update', { skipLocked: true });
        // Gone to another node, withdrawn or ended meanwhile: nothing to do.
        if (!held?.endDate || held.endDate >= today) return false;
        if (held.status !== 'cancellation_scheduled' && held.status !== 'suspended') return false;
        const request = await openContractRequest(tx, id, 'cancellation', true);
        // A paid term that begins on or before the last day is served (in part): the contract moves into it
        // here too, whichever sweep runs first, so it is never left neither applied nor refunded.
        for (;;) {
          const applied = await applyPaidRenewals(tx, {
            today: businessDateAt(input.now),
            now: input.now,
            limit: 1,
            contractId: id,
          });
          if (applied.length === 0) break;
        }
        const row = await moveContract(
          tx,
          { contractId: id, actor: SYSTEM, reason: 'cancellation', now: input.now },
          () => ({ to: 'ended', set: { statusBeforeCancellation: null, statusBeforeSuspension: null } }),
        );
        if (request) {
          await tx
            .update(contractRequests)
            .set({ state: 'done', updatedAt: toDate(input.now) })
            .where(eq(contractRequests.id, request.id));
        }
        const endDate = held.endDate;
        const refunds = await refundUnusedRenewals(tx, {
          contract: row,
          endDate,
          actor: SYSTEM,
          now: input.now,
        });
        await recordDomainEvent(tx, {
          type: 'contract.ended',
          subjectId: id,
          payload: {
            ...contractEventBase(row),
            requestId: request?.id ?? null,
            endDate,
            earlyTerminationFee: request ? Number(request.fee) : 0,
            reason: 'cancellation',
          },
          at: input.now,
        });
        await mailContractMember(
          tx,
          row,
          'contract-cancellation-complete',
          {
            endDate,
            refunds: refunds.map((r) => ({
              how: r.how,
              amount: r.amount,
              termStart: r.termStart,
              termEnd: r.termEnd,
            })),
          },
          input.now,
        );
        await tellContractProvider(tx, row, 'ended', { endDate, requestId: request?.id ?? null }, input.now);
        return true;
      });
      if (done) endedThisPass += 1;
    }
    ended += endedThisPass;
    // A short batch was the last one; a batch where every row was skipped would loop on the same rows.
    if (due.length < BATCH || endedThisPass === 0) return ended;
  }
}
