// Ends one free trial whose last day has passed: converts it to the paid plan chosen at order, or ends the contract.
import { and, asc, eq, lt } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { contracts } from '../../db/schema/contracts.js';
import { minimumTermEndDate, nextTermStart, termEndDate } from '../../domain/contract-rules.js';
import { yen, yenToDb } from '../../domain/money.js';
import { loadProducts } from '../catalog/index.js';
import { getStoreSettings } from '../store/index.js';
import type { ContractRow } from './contract-record.js';
import { moveContract } from './move-contract.js';
import { priceTermOn } from './price-contract-term.js';

/** Trials whose last day is before `today`, oldest first (a sweep reads them in batches). */
export async function findDueTrials(db: DbOrTx, today: Temporal.PlainDate, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.status, 'trial'), lt(contracts.trialEnd, today.toString())))
    .orderBy(asc(contracts.trialEnd), asc(contracts.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Whether a trial converts at its end: the product converts trials and there is a payment method to charge. */
export function trialConverts(trialAtEnd: string | null, paymentMethod: string | null): boolean {
  return trialAtEnd !== 'end' && paymentMethod !== null;
}

/** What became of a trial: converted (with its first paid term) or ended; null when it was no longer due. */
export type TrialOutcome = { outcome: 'converted' | 'ended'; contract: ContractRow } | null;

/**
 * Converts or ends one trial, in the caller's transaction. The product's setting at the start decides
 * (`trial_at_end`); a trial without a payment method cannot be charged, so it ends. A converted contract
 * starts its first paid term the day after the trial, at the catalog's price of that day, with the plan's
 * minimum term counted from then. Twins: the row lock and the status re-check make the second do nothing.
 */
export async function endTrial(
  tx: DbOrTx,
  input: { contractId: string; today: Temporal.PlainDate; now: Temporal.Instant },
): Promise<TrialOutcome> {
  const [current] = await tx.select().from(contracts).where(eq(contracts.id, input.contractId)).for('update');
  if (
    current?.status !== 'trial' ||
    current.trialEnd === null ||
    Temporal.PlainDate.compare(Temporal.PlainDate.from(current.trialEnd), input.today) >= 0
  ) {
    return null;
  }
  const trialEnd = Temporal.PlainDate.from(current.trialEnd);
  const convert = trialConverts(current.trialAtEnd, current.paymentMethod);
  if (!convert) {
    const row = await moveContract(
      tx,
      { contractId: current.id, actor: { kind: 'system', id: null }, reason: 'trial_ended', now: input.now },
      () => ({ to: 'ended', set: { endDate: trialEnd.toString() } }),
    );
    return { outcome: 'ended', contract: row };
  }
  const [product] = await loadProducts(tx, [current.productId]);
  const { taxRounding } = await getStoreSettings(tx);
  if (!product) throw new Error(`product ${current.productId} is gone from the catalog`);
  const priced = priceTermOn(
    product,
    { plan: current.plan, term: current.term, quantity: current.quantity, options: current.options },
    taxRounding,
  );
  const plan = product.definition.plans.find((p) => p.code === current.plan);
  const start = nextTermStart(trialEnd);
  const minimumTermMonths = plan?.minimumTermMonths ?? 0;
  const row = await moveContract(
    tx,
    {
      contractId: current.id,
      actor: { kind: 'system', id: null },
      reason: 'trial_converted',
      now: input.now,
    },
    () => ({
      to: 'active',
      set: {
        currentTermStart: start.toString(),
        currentTermEnd: termEndDate(start, priced.termMonths).toString(),
        termMonths: priced.termMonths,
        pricing: priced.pricing,
        termAmount: yenToDb(yen(priced.pricing.termAmount)),
        minimumTermMonths,
        minimumTermEnd: minimumTermEndDate(start, minimumTermMonths)?.toString() ?? null,
      },
    }),
  );
  return { outcome: 'converted', contract: row };
}
