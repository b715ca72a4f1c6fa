// Keeps a licence's status and dates in step with its contract's events (renewed, status changed, ended), in the transaction that records them.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { licences } from '../../db/schema/licensing.js';
import { toDate } from '../../domain/clock.js';
import type { RecordedDomainEvent } from '../events/index.js';

type ContractChange = RecordedDomainEvent<'contract.renewed' | 'contract.status_changed' | 'contract.ended'>;

/**
 * Copies the contract's status and paid-through date onto its licence (if it has one). A renewal moves
 * both dates to the new term's end; an ended contract is valid through its last day of service.
 */
export async function syncLicence(tx: DbOrTx, event: ContractChange): Promise<boolean> {
  const p = event.payload;
  const through = event.type === 'contract.ended' ? (p as { endDate: string }).endDate : p.currentTermEnd;
  const status = event.type === 'contract.ended' ? 'ended' : p.status;
  const updated = await tx
    .update(licences)
    .set({
      contractStatus: status,
      validUntil: through,
      updatesAllowedUntil: through,
      updatedAt: toDate(event.at),
    })
    .where(eq(licences.contractId, p.contractId))
    .returning({ id: licences.id });
  return updated.length > 0;
}
