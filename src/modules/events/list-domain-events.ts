// Reads domain events in id order after a consumer's last position: how consumers (contracts) catch up.
import { and, asc, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { domainEvents } from '../../db/schema/events.js';
import type { DomainEventType } from './event-types.js';

export interface DomainEvent {
  id: string;
  type: DomainEventType;
  subjectId: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** Events of the given types with ids after `after` (all when null), oldest first, at most `limit`. */
export async function listDomainEvents(
  db: DbOrTx,
  input: { types: readonly DomainEventType[]; after: string | null; limit?: number },
): Promise<DomainEvent[]> {
  if (input.types.length === 0) return [];
  const rows = await db
    .select()
    .from(domainEvents)
    .where(
      and(
        inArray(domainEvents.type, [...input.types]),
        input.after === null ? undefined : gt(domainEvents.id, input.after),
      ),
    )
    .orderBy(asc(domainEvents.id))
    .limit(input.limit ?? 100);
  return rows.map((row) => ({ ...row, type: row.type as DomainEventType }));
}
