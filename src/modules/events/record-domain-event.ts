// Writes one domain event in the caller's transaction, so the event commits exactly when its change does.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { domainEvents } from '../../db/schema/events.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { dispatchDomainEvent } from './domain-event-subscribers.js';
import type { DomainEventPayloads, DomainEventType } from './event-types.js';

export interface RecordDomainEventInput<T extends DomainEventType> {
  type: T;
  subjectId: string;
  payload: DomainEventPayloads[T];
  at: Temporal.Instant;
}

/** Appends the event, runs its in-process subscribers in the same transaction, and returns its id (`evt_…`). */
export async function recordDomainEvent<T extends DomainEventType>(
  tx: DbOrTx,
  input: RecordDomainEventInput<T>,
): Promise<string> {
  const id = newId('domainEvent');
  await tx.insert(domainEvents).values({
    id,
    type: input.type,
    subjectId: input.subjectId,
    payload: input.payload as unknown as Record<string, unknown>,
    occurredAt: toDate(input.at),
  });
  await dispatchDomainEvent(tx, {
    id,
    type: input.type,
    subjectId: input.subjectId,
    payload: input.payload,
    at: input.at,
  });
  return id;
}
