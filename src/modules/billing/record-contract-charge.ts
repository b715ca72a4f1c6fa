// Records a one-time charge a contract incurred (the early-termination fee when it ends inside its minimum term) for the next close, once per source and key.
import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { billingCharges } from '../../db/schema/billing-charges.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from '../audit/index.js';

export interface RecordContractChargeInput {
  memberId: string;
  contractId: string;
  contractNumber: string;
  /** What the line is, e.g. `early_termination`. */
  code: string;
  descriptionJa: string;
  descriptionEn: string;
  /** Tax-exclusive whole yen, above zero. */
  amount: number;
  taxPercent: 10 | 8;
  /** `YYYY-MM-DD`: the day the charge arose (its service period is that one day). */
  transactionDate: string;
  /** Who the key belongs to, e.g. `event`; with the key, a replay makes no second charge. */
  source: string;
  idempotencyKey: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** The charge as stored; `created` is false when an earlier call with the same source and key made it. */
export interface RecordedContractCharge {
  chargeId: string;
  created: boolean;
}

/**
 * In the caller's transaction: inserts a `one_time` charge with ON CONFLICT on `(source, idempotency_key)`,
 * so a re-delivered event or concurrent twins make one charge (the second waits on the unique index and
 * then finds the first). A new charge is audited `billing.charge_recorded`.
 */
export async function recordContractCharge(
  tx: DbOrTx,
  input: RecordContractChargeInput,
): Promise<RecordedContractCharge> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new RangeError(`a contract charge is a positive whole number of yen, not ${input.amount}`);
  }
  const id = newId('billingCharge');
  const inserted = await tx
    .insert(billingCharges)
    .values({
      id,
      kind: 'one_time',
      memberId: input.memberId,
      contractId: input.contractId,
      contractNumber: input.contractNumber,
      code: input.code,
      descriptionJa: input.descriptionJa,
      descriptionEn: input.descriptionEn,
      quantity: 1,
      unitPrice: BigInt(input.amount),
      amount: BigInt(input.amount),
      taxPercent: input.taxPercent,
      serviceFrom: input.transactionDate,
      serviceThrough: input.transactionDate,
      source: input.source,
      idempotencyKey: input.idempotencyKey,
      createdByKind: input.actor.kind,
      createdById: input.actor.id,
      createdAt: toDate(input.now),
    })
    // The only unique index a new row can meet is `(source, idempotency_key)`.
    .onConflictDoNothing()
    .returning({ id: billingCharges.id });
  if (inserted.length === 0) {
    const [existing] = await tx
      .select({ id: billingCharges.id })
      .from(billingCharges)
      .where(
        and(eq(billingCharges.source, input.source), eq(billingCharges.idempotencyKey, input.idempotencyKey)),
      );
    return { chargeId: existing!.id, created: false };
  }
  await recordAudit(tx, {
    actor: input.actor,
    action: 'billing.charge_recorded',
    targetType: 'member',
    targetId: input.memberId,
    after: {
      chargeId: id,
      kind: 'one_time',
      code: input.code,
      contractId: input.contractId,
      amount: input.amount,
      taxPercent: input.taxPercent,
      transactionDate: input.transactionDate,
    },
    at: input.now,
  });
  return { chargeId: id, created: true };
}
