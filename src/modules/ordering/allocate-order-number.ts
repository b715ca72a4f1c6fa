// Takes the next order number of the Tokyo calendar year, in the placing transaction, formatted by the store's setting.
import { sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { orderNumberCounters } from '../../db/schema/ordering.js';
import { businessDateAt } from '../../domain/clock.js';
import { formatOrderNumber } from '../../domain/orders.js';

/**
 * One upsert both creates the year's counter and takes the next sequence under its row lock, so concurrent
 * orders wait for each other here and never share a number; a rolled-back order gives its number back
 * with its transaction, so numbers have no gaps either. The year is the store's (Asia/Tokyo) at `now`.
 */
export async function allocateOrderNumber(
  tx: DbOrTx,
  input: { format: string; now: Temporal.Instant },
): Promise<{ number: string; year: number; sequence: number }> {
  const year = businessDateAt(input.now).year;
  const [row] = await tx
    .insert(orderNumberCounters)
    .values({ year, lastSequence: 1 })
    .onConflictDoUpdate({
      target: orderNumberCounters.year,
      set: { lastSequence: sql`${orderNumberCounters.lastSequence} + 1` },
    })
    .returning({ sequence: orderNumberCounters.lastSequence });
  const sequence = row!.sequence;
  return { number: formatOrderNumber(input.format, year, sequence), year, sequence };
}
