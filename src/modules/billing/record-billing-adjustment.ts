// An operator adjusts what a member is billed, with a reason: a charge (or, negative, a credit) on the member's next invoice, audited.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { billingCharges } from '../../db/schema/billing-charges.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { getMemberProfile } from '../identity/auth-index.js';
import { chargeErrors } from './charge-errors.js';

export interface RecordBillingAdjustmentInput {
  memberId: string;
  /** Tax-exclusive whole yen, not zero; negative is a credit line. */
  amount: number;
  taxPercent: 10 | 8;
  descriptionJa: string;
  descriptionEn: string;
  reason: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** What was recorded: the charge the next close bills. */
export interface RecordedAdjustment {
  chargeId: string;
  memberId: string;
  amount: number;
  taxPercent: number;
  transactionDate: string;
}

/**
 * Records an adjustment dated today (Tokyo), billed by the next close on the member's invoice as one line
 * (kind `adjustment`). Refuses zero (`adjustment_amount_zero`), a blank reason (`adjustment_reason_required`)
 * and an unknown member (`member_not_found`). Audited `billing.adjustment_recorded` with the reason.
 */
export async function recordBillingAdjustment(
  db: DbOrTx,
  input: RecordBillingAdjustmentInput,
): Promise<RecordedAdjustment> {
  if (!Number.isSafeInteger(input.amount) || input.amount === 0) throw chargeErrors.adjustmentZero();
  const reason = input.reason.trim();
  if (reason === '') throw chargeErrors.reasonRequired();
  return db.transaction(async (tx) => {
    await getMemberProfile(tx, input.memberId).catch(() => {
      throw chargeErrors.memberNotFound();
    });
    const today = businessDateAt(input.now).toString();
    const id = newId('billingCharge');
    await tx.insert(billingCharges).values({
      id,
      kind: 'adjustment',
      memberId: input.memberId,
      code: 'adjustment',
      descriptionJa: input.descriptionJa,
      descriptionEn: input.descriptionEn,
      quantity: 1,
      unitPrice: BigInt(input.amount),
      amount: BigInt(input.amount),
      taxPercent: input.taxPercent,
      serviceFrom: today,
      serviceThrough: today,
      source: 'operator',
      reason,
      createdByKind: input.actor.kind,
      createdById: input.actor.id,
      createdAt: toDate(input.now),
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'billing.adjustment_recorded',
      targetType: 'member',
      targetId: input.memberId,
      reason,
      after: { chargeId: id, amount: input.amount, taxPercent: input.taxPercent },
      at: input.now,
    });
    return {
      chargeId: id,
      memberId: input.memberId,
      amount: input.amount,
      taxPercent: input.taxPercent,
      transactionDate: today,
    };
  });
}
