// Hands out the next inquiry number of the store's calendar year inside the caller's transaction.
import { sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { inquiryNumberCounters } from '../../db/schema/support.js';
import { businessDateAt } from '../../domain/clock.js';
import { formatInquiryNumber } from '../../domain/inquiries.js';

/**
 * The next number, e.g. `Q2026-000001`. The upsert takes the year's row lock until the caller commits,
 * so concurrent inquiries queue for it and a rolled-back inquiry gives its number back unused.
 */
export async function allocateInquiryNumber(tx: DbOrTx, now: Temporal.Instant): Promise<string> {
  const year = businessDateAt(now).year;
  const [row] = await tx
    .insert(inquiryNumberCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: inquiryNumberCounters.year,
      set: { lastNumber: sql`${inquiryNumberCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: inquiryNumberCounters.lastNumber });
  if (!row) throw new Error('the inquiry number counter returned no row');
  return formatInquiryNumber(year, row.lastNumber);
}
