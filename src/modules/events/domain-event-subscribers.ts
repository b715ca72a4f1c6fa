// In-process subscribers to domain events, called inside the transaction that records the event, so their change commits with it.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import type { DomainEventPayloads, DomainEventType } from './event-types.js';

/** One recorded event as a subscriber receives it. */
export interface RecordedDomainEvent<T extends DomainEventType> {
  id: string;
  type: T;
  subjectId: string;
  payload: DomainEventPayloads[T];
  at: Temporal.Instant;
}

/** A module's reaction to one event type; it runs in the recording transaction and may throw to roll it back. */
export interface DomainEventSubscriber<T extends DomainEventType> {
  /** Unique per subscriber: registering the same name again replaces it (a node wires itself once per context). */
  name: string;
  type: T;
  handle(tx: DbOrTx, event: RecordedDomainEvent<T>): Promise<void>;
  /**
   * The same reaction to every event of a batch (`recordDomainEvents`) in a few statements. Without it a
   * batch of thousands (a renewal sweep) would cost the subscriber one round trip per event.
   */
  handleBatch?(tx: DbOrTx, events: readonly RecordedDomainEvent<T>[]): Promise<void>;
}

const subscribers = new Map<string, DomainEventSubscriber<DomainEventType>>();

/** Adds (or replaces, by name) a subscriber for this process. */
export function registerDomainEventSubscriber<T extends DomainEventType>(
  subscriber: DomainEventSubscriber<T>,
): void {
  subscribers.set(subscriber.name, subscriber as unknown as DomainEventSubscriber<DomainEventType>);
}

/** The names of the subscribers to a type, for tests and start-up checks. */
export function domainEventSubscriberNames(type: DomainEventType): string[] {
  return [...subscribers.values()].filter((s) => s.type === type).map((s) => s.name);
}

/** Runs every subscriber of the event's type in turn, in registration order, in the caller's transaction. */
export async function dispatchDomainEvent<T extends DomainEventType>(
  tx: DbOrTx,
  event: RecordedDomainEvent<T>,
): Promise<void> {
  for (const subscriber of subscribers.values()) {
    if (subscriber.type !== event.type) continue;
    await subscriber.handle(tx, event as unknown as RecordedDomainEvent<DomainEventType>);
  }
}

/**
 * Runs every subscriber of the batch's type over the whole batch, in registration order: a subscriber
 * with `handleBatch` gets the batch at once, any other each event in order.
 */
export async function dispatchDomainEvents<T extends DomainEventType>(
  tx: DbOrTx,
  events: readonly RecordedDomainEvent<T>[],
): Promise<void> {
  const type = events[0]?.type;
  if (type === undefined) return;
  for (const subscriber of subscribers.values()) {
    if (subscriber.type !== type) continue;
    const batch = events as unknown as readonly RecordedDomainEvent<DomainEventType>[];
    if (subscriber.handleBatch) await subscriber.handleBatch(tx, batch);
    else for (const event of batch) await subscriber.handle(tx, event);
  }
}
