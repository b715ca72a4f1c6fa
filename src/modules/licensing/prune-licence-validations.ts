// Deletes validation log rows past the store's retention: the log answers "who ran this licence where, lately", not forever.
import { lt } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { licenceValidations } from '../../db/schema/licensing.js';
import { toDate } from '../../domain/clock.js';

/**
 * 400 days: a yearly licence's whole term and its renewal stay visible, and client addresses are not kept
 * longer than a dispute about a year's service needs.
 */
export const LICENCE_VALIDATION_RETENTION_DAYS = 400;

/** Deletes every validation logged before `now` minus the retention; returns how many. */
export async function pruneLicenceValidations(db: DbOrTx, input: { now: Temporal.Instant }): Promise<number> {
  const cutoff = input.now.subtract({ hours: 24 * LICENCE_VALIDATION_RETENTION_DAYS });
  const removed = await db
    .delete(licenceValidations)
    .where(lt(licenceValidations.at, toDate(cutoff)))
    .returning({ id: licenceValidations.id });
  return removed.length;
}
