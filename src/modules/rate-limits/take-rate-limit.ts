// Counts one request against a fixed-window counter in the database, so every node behind a balancer counts the same.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { rateLimitCounters } from '../../db/schema/rate-limits.js';
import { toDate } from '../../domain/clock.js';
import { rateLimitErrors } from './rate-limit-errors.js';
import type { RateLimitRule } from './rate-limit-rules.js';

/** Expired counters removed per new window: small, so no request pays for a big clean-up. */
const PRUNE_BATCH = 100;

export interface TakeRateLimitInput {
  rule: RateLimitRule;
  /** The client address, login ID, email … already normalised; stored only as a SHA-256 hash. */
  key: string;
  now: Temporal.Instant;
}

/** The counter's row key: scope plus a hash, so the table holds no login IDs, addresses or tokens. */
export function rateLimitKey(rule: RateLimitRule, key: string): string {
  return `${rule.scope}:${createHash('sha256').update(key).digest('base64url')}`;
}

/**
 * Counts one request; throws `rate_limited` (429, with `Retry-After`) when it is past the rule's limit
 * in the current window. The window starts with the first request and is fixed, so refused requests
 * (which are counted too) do not push the end further out. One upsert does it, atomically on
 * PostgreSQL and PGlite alike; run it outside the business transaction so a failed request still counts.
 */
export async function takeRateLimit(db: DbOrTx, input: TakeRateLimitInput): Promise<void> {
  const now = toDate(input.now);
  const ends = toDate(input.now.add({ seconds: input.rule.windowSeconds }));
  const key = rateLimitKey(input.rule, input.key);
  const t = rateLimitCounters;
  const expired = sql`${t.windowEndsAt} <= ${now}`;
  const [row] = await db
    .insert(t)
    .values({ key, count: 1, windowStartedAt: now, windowEndsAt: ends })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        count: sql`case when ${expired} then 1 else ${t.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${now} else ${t.windowStartedAt} end`,
        windowEndsAt: sql`case when ${expired} then ${ends} else ${t.windowEndsAt} end`,
      },
    })
    .returning({ count: t.count, windowEndsAt: t.windowEndsAt });
  if (!row) throw new Error('rate limit upsert returned no row');
  if (row.count === 1) await pruneExpiredCounters(db, now);
  if (row.count > input.rule.limit) {
    const seconds = Math.max(1, Math.ceil((row.windowEndsAt.getTime() - now.getTime()) / 1000));
    throw rateLimitErrors.rateLimited(seconds);
  }
}

/** Deletes a few counters whose window has passed; called when a window opens, so the table stays small. */
async function pruneExpiredCounters(db: DbOrTx, now: Date): Promise<void> {
  const t = rateLimitCounters;
  await db.execute(
    sql`delete from ${t} where ${t.key} in (select ${t.key} from ${t} where ${t.windowEndsAt} <= ${now} limit ${PRUNE_BATCH})`,
  );
}
