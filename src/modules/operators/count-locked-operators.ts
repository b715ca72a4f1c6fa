// Counts the operator login IDs locked now, for the owner's console home.
import { and, count, gt, isNotNull, isNull, or } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { operatorLoginLockouts } from '../../db/schema/operators.js';
import { toDate } from '../../domain/clock.js';

/** Operator login IDs locked at `now` (an owner-only lock, or an automatic one whose time is not up). */
export async function countLockedOperators(db: DbOrTx, now: Temporal.Instant): Promise<number> {
  const t = operatorLoginLockouts;
  const [row] = await db
    .select({ n: count() })
    .from(t)
    .where(and(isNotNull(t.lockedAt), or(isNull(t.lockedUntil), gt(t.lockedUntil, toDate(now)))));
  return row?.n ?? 0;
}
