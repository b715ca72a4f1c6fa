// The per-address rate limit for guest inquiries, kept in the database so every node counts the same.
import { and, count, eq, lte, min, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { inquiryGuestSubmissions } from '../../db/schema/support.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { supportErrors } from './support-errors.js';

export const GUEST_LIMIT_PER_HOUR = 5;

/** Requests whose address the server could not learn share one bucket, so they are limited too. */
export const UNKNOWN_ADDRESS = 'unknown';

export interface TakeGuestSubmissionSlotInput {
  clientAddress: string | null;
  now: Temporal.Instant;
}

/**
 * Records one guest submission from an address, or throws `inquiry_rate_limited` (429) when the address
 * already sent the hourly limit. Call it inside the inquiry's transaction: a refused or failed
 * inquiry then uses no slot.
 */
export async function takeGuestSubmissionSlot(
  tx: DbOrTx,
  input: TakeGuestSubmissionSlotInput,
): Promise<void> {
  const address = input.clientAddress ?? UNKNOWN_ADDRESS;
  const windowStart = toDate(input.now.subtract({ hours: 1 }));
  // Two nodes counting the same address at once would both see room; the lock makes them take turns.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`inquiry-guest:${address}`}))`);
  await tx
    .delete(inquiryGuestSubmissions)
    .where(
      and(
        eq(inquiryGuestSubmissions.clientAddress, address),
        lte(inquiryGuestSubmissions.submittedAt, windowStart),
      ),
    );
  const [used] = await tx
    .select({ n: count(), oldest: min(inquiryGuestSubmissions.submittedAt) })
    .from(inquiryGuestSubmissions)
    .where(eq(inquiryGuestSubmissions.clientAddress, address));
  if (used && used.n >= GUEST_LIMIT_PER_HOUR) {
    const freesAtMs = (used.oldest?.getTime() ?? input.now.epochMilliseconds) + 3600_000;
    const minutes = Math.max(1, Math.ceil((freesAtMs - input.now.epochMilliseconds) / 60_000));
    throw supportErrors.rateLimited(GUEST_LIMIT_PER_HOUR, minutes);
  }
  await tx
    .insert(inquiryGuestSubmissions)
    .values({ id: newId('guestSubmission'), clientAddress: address, submittedAt: toDate(input.now) });
}
