// Keeps a licence's status and dates in step with its contract's events (renewed, status changed, ended), in the transaction that records them.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { licences } from '../../db/schema/licensing.js';
import { toDate } from '../../domain/clock.js';
import type { RecordedDomainEvent } from '../events/index.js';

type ContractChange = RecordedDomainEvent<'contract.renewed' | 'contract.status_changed' | 'contract.ended'>;

/**
 * Copies each contract's status and paid-through date onto its licence (if it has one), in one statement
 * for a whole batch (a renewal or contract-end sweep) as for one event. A renewal moves both dates to the
 * new term's end; an ended contract is valid through its last day of service. Where a batch names a
 * contract twice, its last event wins, as one by one would.
 */
export async function syncLicences(tx: DbOrTx, events: readonly ContractChange[]): Promise<void> {
  if (events.length === 0) return;
  const last = new Map(events.map((event) => [event.payload.contractId, event]));
  const rows = [...last.values()].map((event) => ({
    contract_id: event.payload.contractId,
    ...licenceStateAfter(event),
    at: toDate(event.at).toISOString(),
  }));
  await tx.execute(
    sql`update ${licences} l set contract_status = x.status, valid_until = x.through,
               updates_allowed_until = x.through, updated_at = x.at
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(contract_id text, status text, through date, at timestamptz)
        where l.contract_id = x.contract_id`,
  );
}

/** The licence's contract status and paid-through date after the event: an ended contract runs through its last day. */
function licenceStateAfter(event: ContractChange): { status: string; through: string } {
  const p = event.payload;
  if (event.type === 'contract.ended')
    return { status: 'ended', through: (p as { endDate: string }).endDate };
  return { status: p.status, through: p.currentTermEnd };
}
