// Reads the rehearsal clock's persisted offset into a node's StoreClock (at start, and every few seconds after).
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { storeClock } from '../../db/schema/store.js';
import type { StoreClock } from '../../domain/clock.js';

/** How often a node re-reads the offset, so a move made on another node reaches it within this time. */
export const STORE_CLOCK_REFRESH_MS = 2_000;

/** The persisted offset in milliseconds; 0 while nobody has moved the clock. */
export async function readStoreClockOffset(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ offsetMs: storeClock.offsetMs })
    .from(storeClock)
    .where(eq(storeClock.id, 1));
  return row?.offsetMs ?? 0;
}

/**
 * Sets the clock to the persisted offset. A smaller persisted offset is ignored: the offset only grows, so
 * a smaller one can only be a read that raced this node's own move, and the store's time never goes back.
 */
export async function loadStoreClock(db: DbOrTx, clock: StoreClock): Promise<void> {
  const offset = await readStoreClockOffset(db);
  if (offset > clock.offsetMilliseconds) clock.setOffset(offset);
}
