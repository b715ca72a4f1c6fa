// The member proceeds with a renewal quote: a pending renewal, priced now, that waits for its payment.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { contractEvents, contractRenewals } from '../../db/schema/contracts.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { yen, yenToDb } from '../../domain/money.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { lockContract } from './move-contract.js';
import {
  assertRenewalQuotable,
  priceRenewal,
  type RenewalChoice,
  type RenewalQuote,
} from './quote-renewal.js';

export interface RequestRenewalInput {
  contractId: string;
  memberId: string;
  choice: RenewalChoice;
  actor: Actor;
  now: Temporal.Instant;
}

/** What the member sees after proceeding: the quote as taken and the renewal's reference. */
export interface RequestedRenewal extends RenewalQuote {
  renewalId: string;
  status: 'pending';
}

/**
 * Locks the contract, checks it as the quote does, and writes the pending renewal with its price
 * snapshot, the history entry and the audit. Concurrent twins wait on the lock; the second then finds
 * the first's pending renewal (`renewal_previous_unpaid`), and the unique index is the last word.
 */
export async function requestRenewal(db: Db, input: RequestRenewalInput): Promise<RequestedRenewal> {
  return db.transaction(async (tx) => {
    const row = await lockContract(tx, input);
    await assertRenewalQuotable(tx, row, businessDateAt(input.now));
    const { quote, priced, options } = await priceRenewal(tx, row, input.choice);
    const id = newId('contractRenewal');
    await tx.insert(contractRenewals).values({
      id,
      contractId: row.id,
      memberId: row.memberId,
      status: 'pending',
      term: quote.term,
      termMonths: quote.termMonths,
      options,
      pricing: priced.pricing,
      totalAmount: yenToDb(yen(quote.total)),
      termStart: quote.termStart,
      termEnd: quote.termEnd,
      quotedAt: toDate(input.now),
    });
    await tx.insert(contractEvents).values({
      id: newId('contractEvent'),
      contractId: row.id,
      kind: 'renewal_quoted',
      fromStatus: row.status,
      toStatus: row.status,
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      reason: id,
      at: toDate(input.now),
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contract.renewal_requested',
      targetType: 'contract',
      targetId: row.id,
      after: { renewalId: id, term: quote.term, termStart: quote.termStart, total: quote.total },
      at: input.now,
    });
    return { ...quote, renewalId: id, status: 'pending' as const };
  });
}
