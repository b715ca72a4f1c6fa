// Moves the rehearsal clock forward (never back), persisted for every node and audited.
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { storeClock } from '../../db/schema/store.js';
import { STORE_TIME_ZONE, type StoreClock, toDate } from '../../domain/clock.js';
import { AppError } from '../../domain/errors.js';
import { type Actor, recordAudit } from '../audit/index.js';

export interface MoveStoreClockInput {
  clock: StoreClock;
  to: Temporal.Instant;
  actor: Actor;
}

export interface StoreClockMove {
  /** The store's time before the move (as the table had it, whatever this node last read). */
  from: Temporal.Instant;
  to: Temporal.Instant;
  offsetMs: number;
}

/** `2026-04-01 09:00:00 (JST)`: how the errors name a store time. */
export function formatStoreTime(instant: Temporal.Instant): string {
  const z = instant.toZonedDateTimeISO(STORE_TIME_ZONE);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${z.year}-${p(z.month)}-${p(z.day)} ${p(z.hour)}:${p(z.minute)}:${p(z.second)} (JST)`;
}

/** `test_clock_backwards` (409): the store's time only moves forward. */
export function storeClockBackwards(now: Temporal.Instant, to: Temporal.Instant): AppError {
  return new AppError({
    code: 'test_clock_backwards',
    status: 409,
    message: {
      ja: `ストアの時計は進めることしかできません（現在 ${formatStoreTime(now)}、指定 ${formatStoreTime(to)}）。`,
      en: `The store clock only moves forward (now ${formatStoreTime(now)}, asked for ${formatStoreTime(to)}).`,
    },
  });
}

/**
 * Sets the store's time to `to`: the persisted offset becomes `to` − the base clock's now. The row is
 * locked, so of two owners moving at once the second sees the first's time and may not go behind it.
 * Sets the node's clock too; other nodes pick the offset up when they next re-read it.
 */
export async function moveStoreClock(db: Db, input: MoveStoreClockInput): Promise<StoreClockMove> {
  const move = await db.transaction(async (tx) => {
    const base = input.clock.base.now();
    // The row appears on the first move; ON CONFLICT makes two first moves meet on the same row.
    await tx
      .insert(storeClock)
      .values({ id: 1, offsetMs: 0, updatedAt: toDate(base) })
      .onConflictDoNothing({ target: storeClock.id });
    const [row] = await tx
      .select({ offsetMs: storeClock.offsetMs })
      .from(storeClock)
      .where(eq(storeClock.id, 1))
      .for('update');
    const before = row?.offsetMs ?? 0;
    const from = base.add({ milliseconds: before });
    if (Temporal.Instant.compare(input.to, from) < 0) throw storeClockBackwards(from, input.to);
    const offsetMs = Number(input.to.epochMilliseconds - base.epochMilliseconds);
    await tx
      .update(storeClock)
      .set({ offsetMs, updatedAt: toDate(base) })
      .where(eq(storeClock.id, 1));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'store.test_clock.move',
      targetType: 'store_clock',
      targetId: '1',
      before: { now: from.toString(), offsetMs: before },
      after: { now: input.to.toString(), offsetMs },
      at: from,
    });
    return { from, to: input.to, offsetMs };
  });
  if (move.offsetMs > input.clock.offsetMilliseconds) input.clock.setOffset(move.offsetMs);
  return move;
}
