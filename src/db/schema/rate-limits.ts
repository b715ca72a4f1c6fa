// Tables of the rate-limits module: request counters shared by every node, one row per scope and key.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A fixed window per `scope:key` (e.g. `sign_in:ip:203.0.113.7`): `count` requests since
 * `window_started_at`; the row is reused once `window_ends_at` has passed, and expired rows are pruned
 * a few at a time on write.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true, mode: 'date' }).notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('rate_limit_counters_ends_idx').on(t.windowEndsAt),
    check('rate_limit_counters_count_positive', sql`${t.count} > 0`),
  ],
);
