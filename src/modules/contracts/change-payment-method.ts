// Changes a contract's payment method where the store allows it (seed 002), or refuses it where only re-contracting does (seed 003).
import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { contractEvents, contractRenewals, contracts } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { initialRenewalMode } from '../../domain/contracts.js';
import { newId } from '../../domain/ids.js';
import { yenFromDb } from '../../domain/money.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { loadProducts } from '../catalog/index.js';
import { getStoreSettings } from '../store/index.js';
import type { ContractRow } from './contract-record.js';
import { lockContract } from './move-contract.js';
import { renewalErrors } from './renewal-errors.js';

/**
 * Per the store's `payment_method_change`: `recontract` refuses (`payment_method_change_by_recontract`);
 * `on_contract` takes a method the product offers and sets the renewal mode as a new contract would get
 * it (bank transfer → manual; card, wallet, direct debit → automatic where the plan allows). A change to
 * bank transfer drops the next-term change (it only instructs the automatic renewal). A change to
 * automatic renewal is refused while a manual renewal awaits payment (`renewal_previous_unpaid`, naming it).
 */
export async function changePaymentMethod(
  db: Db,
  input: { contractId: string; memberId: string; method: string; actor: Actor; now: Temporal.Instant },
): Promise<ContractRow> {
  return db.transaction(async (tx) => {
    const row = await lockContract(tx, input);
    if ((await getStoreSettings(tx)).paymentMethodChange !== 'on_contract') {
      throw renewalErrors.paymentMethodChangeByRecontract();
    }
    if (row.status !== 'active') throw renewalErrors.notRenewable();
    const [product] = await loadProducts(tx, [row.productId]);
    if (!product?.definition.paymentMethods.includes(input.method as never)) {
      throw renewalErrors.paymentMethodNotOffered(input.method);
    }
    const plan = product.definition.plans.find((p) => p.code === row.plan);
    const renewalMode = initialRenewalMode(plan?.renewalModes ?? ['auto'], input.method);
    if (renewalMode === 'auto') {
      // A renewal awaiting payment would be renewed twice: once by the sweep, once when it is paid
      // (and, paid after the automatic renewal, it could never be applied). The member pays it first.
      const [pending] = await tx
        .select()
        .from(contractRenewals)
        .where(and(eq(contractRenewals.contractId, row.id), eq(contractRenewals.status, 'pending')));
      if (pending) {
        throw renewalErrors.previousUnpaid({
          id: pending.id,
          termStart: pending.termStart,
          termEnd: pending.termEnd,
          total: yenFromDb(pending.totalAmount),
        });
      }
    }
    const [updated] = await tx
      .update(contracts)
      .set({
        paymentMethod: input.method,
        renewalMode,
        walletRenewalDay: input.method === 'wallet' ? (row.walletRenewalDay ?? 25) : null,
        // A next-term change is an instruction to the automatic renewal (seed 002); renewed by hand,
        // the member chooses the next term in the renewal quote, so the old choice must not linger.
        nextTerm: renewalMode === 'manual' ? null : row.nextTerm,
        updatedAt: toDate(input.now),
      })
      .where(eq(contracts.id, row.id))
      .returning();
    await tx.insert(contractEvents).values({
      id: newId('contractEvent'),
      contractId: row.id,
      kind: 'payment_method_changed',
      fromStatus: row.status,
      toStatus: row.status,
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      reason: input.method,
      at: toDate(input.now),
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contract.payment_method_changed',
      targetType: 'contract',
      targetId: row.id,
      before: { paymentMethod: row.paymentMethod, renewalMode: row.renewalMode, nextTerm: row.nextTerm },
      after: { paymentMethod: input.method, renewalMode, nextTerm: updated!.nextTerm },
      at: input.now,
    });
    return updated!;
  });
}
