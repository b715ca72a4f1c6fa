// An operator records that a manual renewal was paid (until payments exist): the renewal is paid, and the contract renews once its term begins.
import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { contractEvents, contractRenewals } from '../../db/schema/contracts.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { yenFromDb } from '../../domain/money.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { applyPaidRenewals } from './apply-paid-renewals.js';
import type { ContractRow } from './contract-record.js';
import { lockContract } from './move-contract.js';
import { renewalErrors } from './renewal-errors.js';

export interface RecordRenewalPaymentInput {
  contractId: string;
  renewalId: string;
  actor: Actor;
  reason: string | null;
  now: Temporal.Instant;
}

/** The paid renewal and whether the contract already moved into it (its term has begun). */
export interface RecordedRenewalPayment {
  contract: ContractRow;
  renewal: typeof contractRenewals.$inferSelect;
  total: number;
  applied: boolean;
}

/**
 * In the caller's transaction: locks the contract, marks its pending renewal paid (`renewal_not_pending`
 * for one already paid or cancelled, so twins record one payment), writes the history and the audit, and
 * applies it at once when its term has already begun (paid during the grace period).
 */
export async function recordRenewalPayment(
  tx: DbOrTx,
  input: RecordRenewalPaymentInput,
): Promise<RecordedRenewalPayment> {
  const row = await lockContract(tx, input);
  const [renewal] = await tx
    .select()
    .from(contractRenewals)
    .where(and(eq(contractRenewals.id, input.renewalId), eq(contractRenewals.contractId, row.id)));
  if (!renewal) throw renewalErrors.renewalNotFound();
  if (renewal.status !== 'pending') throw renewalErrors.renewalNotPending();
  const [paid] = await tx
    .update(contractRenewals)
    .set({ status: 'paid', paidAt: toDate(input.now), paidBy: input.actor.id })
    .where(and(eq(contractRenewals.id, renewal.id), eq(contractRenewals.status, 'pending')))
    .returning();
  if (!paid) throw renewalErrors.renewalNotPending();
  await tx.insert(contractEvents).values({
    id: newId('contractEvent'),
    contractId: row.id,
    kind: 'renewal_paid',
    fromStatus: row.status,
    toStatus: row.status,
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    reason: input.reason ?? renewal.id,
    at: toDate(input.now),
  });
  await recordAudit(tx, {
    actor: input.actor,
    action: 'contract.renewal_paid',
    targetType: 'contract',
    targetId: row.id,
    before: { renewalId: renewal.id, status: 'pending' },
    after: { renewalId: renewal.id, status: 'paid' },
    ...(input.reason !== null ? { reason: input.reason } : {}),
    at: input.now,
  });
  const applied = await applyPaidRenewals(tx, {
    today: businessDateAt(input.now),
    now: input.now,
    limit: 1,
    contractId: row.id,
  });
  const contract = applied.length > 0 ? await lockContract(tx, { contractId: row.id }) : row;
  return { contract, renewal: paid, total: yenFromDb(paid.totalAmount), applied: applied.length > 0 };
}
