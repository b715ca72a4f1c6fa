// Table of the idempotency module: one row per (scope, Idempotency-Key) of requests that must happen once.
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const idempotencyStatuses = ['in_progress', 'completed'] as const;

/**
 * The primary key is the guarantee: two requests with the same key in the same scope cannot both insert,
 * on any number of nodes. A completed row keeps the answer, so a retry gets the same answer back.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** Whose key it is, e.g. `member:mem_…`: one member's key never collides with another's. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with a different request is refused. */
    fingerprint: text('fingerprint').notNull(),
    status: text('status', { enum: idempotencyStatuses }).notNull(),
    responseStatus: integer('response_status'),
    responseContentType: text('response_content_type'),
    responseBody: text('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    check('idempotency_keys_status_known', sql`${t.status} in ('in_progress', 'completed')`),
  ],
);
