// Takes the next contract number of the Tokyo calendar year, in the opening transaction, formatted by the store's setting.
import { eq, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { contractNumberCounters } from '../../db/schema/contracts.js';
import { businessDateAt } from '../../domain/clock.js';
import { formatContractNumber } from '../../domain/contracts.js';

/**
 * Locks the year's counter row (creating it at 0) without taking a number. Openings of one year wait for
 * each other here, so a caller can check for an existing contract after this and take a number only when
 * it really opens one: numbers are never reused and have no gaps.
 */
export async function lockContractNumberCounter(tx: DbOrTx, now: Temporal.Instant): Promise<number> {
  const year = businessDateAt(now).year;
  await tx
    .insert(contractNumberCounters)
    .values({ year, lastSequence: 0 })
    .onConflictDoUpdate({
      target: contractNumberCounters.year,
      set: { lastSequence: sql`${contractNumberCounters.lastSequence}` },
    });
  return year;
}

/** Takes the next sequence of a year whose counter the caller locked, and formats it. */
export async function takeContractNumber(
  tx: DbOrTx,
  input: { year: number; format: string },
): Promise<string> {
  const [row] = await tx
    .update(contractNumberCounters)
    .set({ lastSequence: sql`${contractNumberCounters.lastSequence} + 1` })
    .where(eq(contractNumberCounters.year, input.year))
    .returning({ sequence: contractNumberCounters.lastSequence });
  return formatContractNumber(input.format, input.year, row!.sequence);
}
