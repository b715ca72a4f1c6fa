// An operator's decision on a change wished inside the lead time: confirm the wished date or propose another with a reason, re-priced for that date, and tell the member the date it takes effect.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { contractRequests } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { type ChangeRecord, changeRecordOf, mailChangeAccepted } from './change-record.js';
import { cancellationErrors, changeErrors } from './contract-errors.js';
import {
  type ContractRequestRow,
  type ContractRequestView,
  contractRequestView,
  recordContractStep,
} from './contract-request-view.js';
import { lockContract } from './move-contract.js';
import { quoteChangeOf } from './quote-change.js';

export interface ConfirmChangeRequestInput {
  /** The request, locked by the caller after the contract. */
  request: ContractRequestRow;
  /** Another date than the member's wish (a reason is then required); the wish when absent. */
  effectiveDate?: string | undefined;
  actor: Actor;
  reason: string | null;
  now: Temporal.Instant;
}

/**
 * Schedules a requested change for the wished or the proposed date, with the difference for that date
 * (the operator may choose a date inside the lead time, not one before today). Refuses a request not
 * waiting (`contract_request_not_pending`, 409) and another date without a reason (422).
 */
export async function confirmChangeRequest(
  tx: DbOrTx,
  input: ConfirmChangeRequestInput,
): Promise<ContractRequestView> {
  const { request } = input;
  if (request.state !== 'requested') throw cancellationErrors.notRequested();
  const date = input.effectiveDate ?? request.desiredDate;
  if (date !== request.desiredDate && input.reason === null) throw changeErrors.reasonRequired();
  const contract = await lockContract(tx, { contractId: request.contractId });
  const wished = request.change as unknown as ChangeRecord;
  const quote = await quoteChangeOf(
    tx,
    contract,
    { effectiveDate: date, plan: wished.plan, quantity: wished.quantity, options: wished.options },
    input.now,
  );
  const record = changeRecordOf(quote);
  const at = toDate(input.now);
  const [updated] = await tx
    .update(contractRequests)
    .set({
      state: 'scheduled',
      effectiveDate: quote.effectiveDate,
      change: record as unknown as Record<string, unknown>,
      reason: input.reason,
      decidedAt: at,
      decidedBy: input.actor.id,
      updatedAt: at,
    })
    .where(eq(contractRequests.id, request.id))
    .returning();
  await recordContractStep(tx, {
    contractId: contract.id,
    kind: 'change_scheduled',
    status: contract.status,
    actor: input.actor,
    reason: input.reason,
    now: input.now,
  });
  await recordAudit(tx, {
    actor: input.actor,
    action: date === request.desiredDate ? 'contract.request_confirmed' : 'contract.request_redated',
    targetType: 'contract_request',
    targetId: request.id,
    before: { state: 'requested', desiredDate: request.desiredDate },
    after: { state: 'scheduled', effectiveDate: quote.effectiveDate, difference: record.difference.amount },
    ...(input.reason !== null ? { reason: input.reason } : {}),
    at: input.now,
  });
  await mailChangeAccepted(
    tx,
    contract,
    { desiredDate: request.desiredDate, effectiveDate: quote.effectiveDate, record, reason: input.reason },
    input.now,
  );
  return contractRequestView(updated!);
}
