// Counts the member accounts waiting for an operator: registrations to review and login IDs locked now.
import { and, count, eq, gt, isNotNull, isNull, or } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { loginLockouts, members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';

/** Registrations held for manual review (`pending_review`). */
export async function countRegistrationsToReview(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(members).where(eq(members.status, 'pending_review'));
  return row?.n ?? 0;
}

/**
 * Login IDs locked at `now`: locked by an operator-only lock, or by an automatic one whose time is not up
 * (an elapsed automatic lock is lifted at the next sign-in and locks nobody out).
 */
export async function countLockedLoginIds(db: DbOrTx, now: Temporal.Instant): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginLockouts)
    .where(
      and(
        isNotNull(loginLockouts.lockedAt),
        or(isNull(loginLockouts.lockedUntil), gt(loginLockouts.lockedUntil, toDate(now))),
      ),
    );
  return row?.n ?? 0;
}
