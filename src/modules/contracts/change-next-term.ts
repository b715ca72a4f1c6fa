// Next-term changes (seed 002): the term length, options and wallet renewal day the next automatic renewal uses, until the deadline per payment method.
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { contractEvents, contracts } from '../../db/schema/contracts.js';
import { isTermKey, type PaymentMethodKey, paymentMethodKeys } from '../../domain/catalog.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { isBeforeOrOnDeadline, nextTermChangeDeadline } from '../../domain/contract-rules.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { changeErrors } from './contract-errors.js';
import type { ContractRow } from './contract-record.js';
import { openContractRequest } from './contract-request-view.js';
import { lockContract } from './move-contract.js';
import { priceRenewal } from './quote-renewal.js';
import { renewalErrors } from './renewal-errors.js';

/** The last day the next term may be changed, or null when none applies (manual renewal, no payment method). */
export function nextTermDeadlineOf(row: ContractRow): string | null {
  if (row.renewalMode !== 'auto' || row.status !== 'active') return null;
  const method = row.paymentMethod;
  if (method === null || !(paymentMethodKeys as readonly string[]).includes(method)) return null;
  return (
    nextTermChangeDeadline({
      method: method as PaymentMethodKey,
      termEnd: Temporal.PlainDate.from(row.currentTermEnd),
      walletRenewalDay: row.walletRenewalDay,
      renewalMode: row.renewalMode,
    })?.toString() ?? null
  );
}

export interface ChangeNextTermInput {
  contractId: string;
  memberId: string;
  term?: string;
  /** The optional options to keep for the next term (codes). */
  options?: string[];
  /** Wallet only: the automatic-renewal day, 5/10/15/20/25. */
  walletRenewalDay?: number;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Stores the next term's choice after pricing it with the engine (so a choice the catalog refuses is
 * refused now, not at renewal). Refused for a contract renewed by hand (`next_term_change_manual_renewal`)
 * and after the deadline (`next_term_change_deadline_passed`, with the date; for a new wallet renewal day,
 * the deadline of the current day and of the new one), and while a change application is open
 * (`contract_change_pending`: the choice would be priced against content about to change). Returns the
 * contract row.
 */
export async function changeNextTerm(db: Db, input: ChangeNextTermInput): Promise<ContractRow> {
  return db.transaction(async (tx) => {
    const row = await lockContract(tx, input);
    if (row.status !== 'active' || row.renewalMode !== 'auto') throw renewalErrors.nextTermNotAutomatic();
    if (await openContractRequest(tx, row.id, 'change')) throw changeErrors.pendingForNextTerm();
    const deadline = nextTermDeadlineOf(row);
    if (
      !isBeforeOrOnDeadline(businessDateAt(input.now), deadline ? Temporal.PlainDate.from(deadline) : null)
    ) {
      throw renewalErrors.nextTermDeadlinePassed(deadline!);
    }
    if (input.term !== undefined && !isTermKey(input.term)) throw renewalErrors.termNotOffered(input.term);
    const { quote, options } = await priceRenewal(tx, row, {
      term: input.term ?? row.nextTerm?.term ?? row.term,
      options: input.options ?? (row.nextTerm?.options ?? row.options).map((o) => o.code),
    });
    const walletRenewalDay =
      row.paymentMethod === 'wallet' && input.walletRenewalDay !== undefined
        ? input.walletRenewalDay
        : row.walletRenewalDay;
    if (walletRenewalDay !== null && ![5, 10, 15, 20, 25].includes(walletRenewalDay)) {
      throw renewalErrors.termNotOffered(String(walletRenewalDay));
    }
    if (walletRenewalDay !== row.walletRenewalDay) {
      // A day whose renewal is already due would renew on the next sweep with no time to change it:
      // the new day's deadline must not have passed either.
      const moved = nextTermDeadlineOf({ ...row, walletRenewalDay });
      if (!isBeforeOrOnDeadline(businessDateAt(input.now), moved ? Temporal.PlainDate.from(moved) : null)) {
        throw renewalErrors.nextTermDeadlinePassed(moved!);
      }
    }
    const [updated] = await tx
      .update(contracts)
      .set({ nextTerm: { term: quote.term, options }, walletRenewalDay, updatedAt: toDate(input.now) })
      .where(eq(contracts.id, row.id))
      .returning();
    await tx.insert(contractEvents).values({
      id: newId('contractEvent'),
      contractId: row.id,
      kind: 'next_term_changed',
      fromStatus: row.status,
      toStatus: row.status,
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      reason: null,
      at: toDate(input.now),
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contract.next_term_changed',
      targetType: 'contract',
      targetId: row.id,
      before: { nextTerm: row.nextTerm, walletRenewalDay: row.walletRenewalDay },
      after: { nextTerm: updated!.nextTerm, walletRenewalDay },
      at: input.now,
    });
    return updated!;
  });
}
