// Writes many domain events of one change in one statement, then runs their in-process subscribers in the same transaction.
import { sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { dispatchDomainEvents } from './domain-event-subscribers.js';
import type { DomainEventPayloads, DomainEventType } from './event-types.js';

/** One event of a batch: its subject and payload; the type and time are the batch's. */
export interface DomainEventOfBatch<T extends DomainEventType> {
  subjectId: string;
  payload: DomainEventPayloads[T];
}

/**
 * Appends one event per entry with a single INSERT (a batch of thousands costs one round trip), then
 * hands the batch to the type's subscribers (`handleBatch` where a subscriber has one, else event by event). Ids are
 * UUIDv7s made in order, so consumers read the batch in the order given. Returns the ids.
 */
export async function recordDomainEvents<T extends DomainEventType>(
  tx: DbOrTx,
  input: { type: T; events: readonly DomainEventOfBatch<T>[]; at: Temporal.Instant },
): Promise<string[]> {
  if (input.events.length === 0) return [];
  const rows = input.events.map((e) => ({
    id: newId('domainEvent'),
    subject_id: e.subjectId,
    payload: e.payload,
  }));
  await tx.execute(
    sql`insert into domain_events (id, type, subject_id, payload, occurred_at)
        select x.id, ${input.type}, x.subject_id, x.payload, ${toDate(input.at)}
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, subject_id text, payload jsonb)`,
  );
  await dispatchDomainEvents(
    tx,
    rows.map((row, i) => ({
      id: row.id,
      type: input.type,
      subjectId: row.subject_id,
      payload: input.events[i]!.payload,
      at: input.at,
    })),
  );
  return rows.map((r) => r.id);
}
