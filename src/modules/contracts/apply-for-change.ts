// The member's change application with a desired date (add quantity, add or remove options, change plan): scheduled for the date, or "requested" for an operator when the wish is inside the lead time.

import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { contractRequests, contracts } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { changeRecordOf, mailChangeAccepted } from './change-record.js';
import { changeErrors } from './contract-errors.js';
import {
  type ContractRequestView,
  contractRequestView,
  openContractRequest,
  recordContractStep,
} from './contract-request-view.js';
import { lockContract } from './move-contract.js';
import { type ChangeWish, quoteChangeOf } from './quote-change.js';

export interface ApplyForChangeInput {
  contractId: string;
  memberId: string;
  wish: ChangeWish;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Applies for a change of the member's contract under its lock, so twins make one application: refuses
 * another member's contract (404), a second open change (`contract_change_already_applied`, 409) and
 * whatever `quoteChangeOf` refuses. The price snapshot of the quote is kept and applied on the date. A
 * next-term choice (seed 002) is cleared, recorded as `next_term_cleared`: it named options and a term
 * priced for the content being replaced.
 */
export async function applyForChange(db: Db, input: ApplyForChangeInput): Promise<ContractRequestView> {
  return db.transaction(async (tx) => {
    const contract = await lockContract(tx, { contractId: input.contractId, memberId: input.memberId });
    if (await openContractRequest(tx, contract.id, 'change')) throw changeErrors.alreadyApplied();
    const quote = await quoteChangeOf(tx, contract, input.wish, input.now);
    const record = changeRecordOf(quote);
    const id = newId('contractRequest');
    const at = toDate(input.now);
    const requested = quote.withinLeadTime;
    const [request] = await tx
      .insert(contractRequests)
      .values({
        id,
        contractId: contract.id,
        memberId: contract.memberId,
        kind: 'change',
        state: requested ? 'requested' : 'scheduled',
        desiredDate: quote.effectiveDate,
        effectiveDate: requested ? null : quote.effectiveDate,
        change: record as unknown as Record<string, unknown>,
        requestedAt: at,
        updatedAt: at,
      })
      .returning();
    if (contract.nextTerm !== null) {
      // The next-term choice was priced against the content this change replaces: it goes, recorded, and
      // a new one can be made once the change is applied (changeNextTerm refuses it meanwhile).
      await tx.update(contracts).set({ nextTerm: null, updatedAt: at }).where(eq(contracts.id, contract.id));
      await recordContractStep(tx, {
        contractId: contract.id,
        kind: 'next_term_cleared',
        status: contract.status,
        actor: input.actor,
        reason: 'change_applied_for',
        now: input.now,
      });
      await recordAudit(tx, {
        actor: input.actor,
        action: 'contract.next_term_cleared',
        targetType: 'contract',
        targetId: contract.id,
        before: { nextTerm: contract.nextTerm },
        after: { nextTerm: null },
        reason: 'change_applied_for',
        at: input.now,
      });
    }
    await recordContractStep(tx, {
      contractId: contract.id,
      kind: requested ? 'change_requested' : 'change_scheduled',
      status: contract.status,
      actor: input.actor,
      reason: record.summary.ja.join(' / '),
      now: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: requested ? 'contract.change_requested' : 'contract.change_scheduled',
      targetType: 'contract',
      targetId: contract.id,
      before: record.previous,
      after: {
        requestId: id,
        desiredDate: quote.effectiveDate,
        plan: record.plan,
        quantity: record.quantity,
        options: record.options,
        termAmount: record.termAmount,
        difference: record.difference.amount,
      },
      at: input.now,
    });
    await mailChangeAccepted(
      tx,
      contract,
      {
        desiredDate: quote.effectiveDate,
        effectiveDate: requested ? null : quote.effectiveDate,
        record,
        reason: null,
      },
      input.now,
    );
    return contractRequestView(request!);
  });
}
