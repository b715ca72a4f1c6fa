// 支払い方法をリセットする (seed 002): automatic renewal off, so the next renewal is taken by hand through a renewal quote.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { contractEvents, contracts } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from '../audit/index.js';
import type { ContractRow } from './contract-record.js';
import { lockContract } from './move-contract.js';
import { renewalErrors } from './renewal-errors.js';

/** Turns automatic renewal off and drops the next-term change (the quote chooses the next term); 409 for a contract renewed by hand already. */
export async function resetRenewalPayment(
  db: Db,
  input: { contractId: string; memberId?: string; actor: Actor; now: Temporal.Instant },
): Promise<ContractRow> {
  return db.transaction(async (tx) => {
    const row = await lockContract(tx, input);
    if (row.status !== 'active' || row.renewalMode !== 'auto') throw renewalErrors.nextTermNotAutomatic();
    const [updated] = await tx
      .update(contracts)
      .set({ renewalMode: 'manual', nextTerm: null, updatedAt: toDate(input.now) })
      .where(eq(contracts.id, row.id))
      .returning();
    await tx.insert(contractEvents).values({
      id: newId('contractEvent'),
      contractId: row.id,
      kind: 'renewal_reset',
      fromStatus: row.status,
      toStatus: row.status,
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      reason: null,
      at: toDate(input.now),
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contract.renewal_reset',
      targetType: 'contract',
      targetId: row.id,
      before: { renewalMode: 'auto' },
      after: { renewalMode: 'manual' },
      at: input.now,
    });
    return updated!;
  });
}
