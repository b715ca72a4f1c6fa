// Tables of the events module: domain events written with the change that caused them, read in id order by consumers.
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A fact other modules react to later (`order.placed` → contracts). Written in the same transaction as the
 * change, so an event exists exactly when its change committed. Ids are UUIDv7 (`evt_…`), so reading in id
 * order is reading in the order they happened (to the millisecond).
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: text('id').primaryKey(),
    /** `order.placed`, `order.line.started`, `order.line.rejected` … */
    type: text('type').notNull(),
    /** The entity the event is about (an order id, an order line id). */
    subjectId: text('subject_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('domain_events_type_idx').on(t.type, t.id),
    index('domain_events_subject_idx').on(t.subjectId),
  ],
);
