// Turns pending outbox rows into delivery jobs; safe to run on every node at once and to re-run.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { type OutboxChannel, outbox } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';

/**
 * Queues one job on the channel's queue; a job id derived from the outbox id makes a second enqueue of the
 * same row a no-op.
 */
export type EnqueueDelivery = (outboxId: string, channel: OutboxChannel) => Promise<void>;

export interface DispatchOutboxInput {
  enqueue: EnqueueDelivery;
  now: Temporal.Instant;
  batchSize?: number;
}

/** Dispatches up to `batchSize` pending rows and returns how many. */
export async function dispatchOutbox(db: Db, input: DispatchOutboxInput): Promise<number> {
  const pending = await db
    .select({ id: outbox.id, channel: outbox.channel })
    .from(outbox)
    .where(eq(outbox.status, 'pending'))
    .orderBy(asc(outbox.createdAt))
    .limit(input.batchSize ?? 100);
  if (pending.length === 0) return 0;
  // Enqueue before marking: a crash in between only repeats an enqueue, which the job id absorbs.
  for (const row of pending) await input.enqueue(row.id, row.channel);
  const ids = pending.map((row) => row.id);
  await db
    .update(outbox)
    .set({ status: 'dispatched', dispatchedAt: toDate(input.now) })
    .where(and(inArray(outbox.id, ids), eq(outbox.status, 'pending')));
  return pending.length;
}
