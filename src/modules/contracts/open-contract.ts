// Opens the contract of an order line when its service starts (`order.line.started`), in the transaction that records the start.
import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { contractEvents, contracts } from '../../db/schema/contracts.js';
import { isTermKey, termMonths } from '../../domain/catalog.js';
import { toDate } from '../../domain/clock.js';
import { minimumTermEndDate, termEndDate, trialEndDate } from '../../domain/contract-rules.js';
import { initialRenewalMode } from '../../domain/contracts.js';
import { newId } from '../../domain/ids.js';
import { yen, yenToDb } from '../../domain/money.js';
import { loadProducts } from '../catalog/index.js';
import { type RecordedDomainEvent, recordDomainEvent } from '../events/index.js';
import { getStoreSettings } from '../store/index.js';
import { lockContractNumberCounter, takeContractNumber } from './allocate-contract-number.js';
import { contractEventBase } from './contract-record.js';
import { moveContract } from './move-contract.js';

/**
 * Opens one contract per order line; a second delivery of the same start finds it and does nothing.
 * The counter lock comes first, so concurrent twins wait for each other and the second sees the first's
 * contract; the unique index on `order_line_id` is the last word. The plan's minimum term, early-termination
 * rule and renewal modes are read from the catalog now and kept, like the price, as they were at the start.
 */
export async function openContract(
  tx: DbOrTx,
  event: RecordedDomainEvent<'order.line.started'>,
): Promise<{ contractId: string; opened: boolean }> {
  const p = event.payload;
  const year = await lockContractNumberCounter(tx, event.at);
  const [existing] = await tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.orderLineId, p.orderLineId)));
  if (existing) return { contractId: existing.id, opened: false };

  const [product] = await loadProducts(tx, [p.productId]);
  const plan = product?.definition.plans.find((candidate) => candidate.code === p.plan);
  const start = Temporal.PlainDate.from(p.serviceStartDate);
  const months = isTermKey(p.term) ? termMonths(p.term) : 1;
  const trialEnd = p.isTrial ? trialEndDate(start, p.trialDays ?? 1) : null;
  const minimumTermMonths = p.isTrial ? 0 : (plan?.minimumTermMonths ?? 0);
  const settings = await getStoreSettings(tx);
  const number = await takeContractNumber(tx, { year, format: settings.contractNumberFormat });
  const id = newId('contract');
  const at = toDate(event.at);
  const earlyTermination = plan?.earlyTermination ?? { kind: 'none' as const, fee: null };
  const [row] = await tx
    .insert(contracts)
    .values({
      id,
      number,
      memberId: p.memberId,
      orderId: p.orderId,
      orderNumber: p.orderNumber,
      orderLineId: p.orderLineId,
      productId: p.productId,
      providerId: p.providerId,
      productNameJa: p.productNameJa,
      productNameEn: p.productNameEn,
      plan: p.plan,
      term: p.term,
      termMonths: months,
      quantity: p.quantity,
      options: p.options,
      pricing: p.pricing,
      termAmount: BigInt(p.pricing.termAmount),
      paymentMethod: p.paymentMethod,
      status: p.isTrial ? 'trial' : 'active',
      startDate: start.toString(),
      currentTermStart: start.toString(),
      currentTermEnd: (trialEnd ?? termEndDate(start, months)).toString(),
      minimumTermMonths,
      minimumTermEnd: minimumTermEndDate(start, minimumTermMonths)?.toString() ?? null,
      earlyTermination: earlyTermination.kind,
      earlyTerminationFee:
        earlyTermination.kind === 'fixed' && earlyTermination.fee !== null
          ? yenToDb(yen(earlyTermination.fee))
          : null,
      renewalMode: initialRenewalMode(plan?.renewalModes ?? ['auto'], p.paymentMethod),
      trialEnd: trialEnd?.toString() ?? null,
      trialAtEnd: trialEnd ? (product?.definition.trial?.atEnd ?? 'convert') : null,
      renewalWindowMonths: product?.definition.renewalWindowMonths ?? 2,
      // Wallet members choose their automatic-renewal day (5/10/15/20/25) on My Page; the 25th until then.
      walletRenewalDay: p.paymentMethod === 'wallet' ? 25 : null,
      locale: p.locale,
      startedAt: at,
      updatedAt: at,
    })
    .returning();
  await tx.insert(contractEvents).values({
    id: newId('contractEvent'),
    contractId: id,
    kind: 'opened',
    fromStatus: null,
    toStatus: row!.status,
    actorKind: p.startedBy.kind,
    actorId: p.startedBy.id,
    reason: null,
    at,
  });
  await recordDomainEvent(tx, {
    type: 'contract.started',
    subjectId: id,
    payload: { ...contractEventBase(row!), orderId: p.orderId, orderLineId: p.orderLineId },
    at: event.at,
  });
  if (!p.isTrial) await closeTrialConvertedByOrder(tx, row!, event.at);
  return { contractId: id, opened: true };
}

/**
 * Ordering the paid plan during a trial converts it (seed 000): the member's trial of the same product
 * ends the day before the paid contract starts (or on its own last day, if earlier), with the paid
 * contract's number as the reason, so the trial is not converted a second time at its end.
 */
async function closeTrialConvertedByOrder(
  tx: DbOrTx,
  paid: typeof contracts.$inferSelect,
  at: Temporal.Instant,
): Promise<void> {
  const trials = await tx
    .select({ id: contracts.id, trialEnd: contracts.trialEnd })
    .from(contracts)
    .where(
      and(
        eq(contracts.memberId, paid.memberId),
        eq(contracts.productId, paid.productId),
        eq(contracts.status, 'trial'),
      ),
    );
  const dayBefore = Temporal.PlainDate.from(paid.startDate).subtract({ days: 1 });
  for (const trial of trials) {
    const trialEnd = Temporal.PlainDate.from(trial.trialEnd ?? paid.startDate);
    const end = Temporal.PlainDate.compare(trialEnd, dayBefore) < 0 ? trialEnd : dayBefore;
    await moveContract(
      tx,
      {
        contractId: trial.id,
        actor: { kind: 'system', id: null },
        reason: `trial_converted_by_order:${paid.number}`,
        now: at,
      },
      () => ({ to: 'ended', set: { endDate: end.toString() } }),
    );
  }
}
