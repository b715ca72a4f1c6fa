// Turns pending outbox rows into delivery jobs; safe to run on every node at once and to re-run.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { type OutboxChannel, outbox } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { uuidOf } from '../../domain/ids.js';

/**
 * Queues one job on the channel's queue; `jobKey` is the job's id (`deliveryJobKey`), so a second enqueue
 * of the same row is a no-op.
 */
export type EnqueueDelivery = (outboxId: string, channel: OutboxChannel, jobKey: string) => Promise<void>;

/**
 * The UUID of a row's delivery job: the one in its id on the first dispatch, and one derived from the id
 * and its attempt count after an operator's retry put a failed row back to pending, because the queue
 * keeps the spent job's id. Derived, not random, so a repeated dispatch still enqueues once.
 */
export function deliveryJobKey(row: { id: string; attempts: number }): string {
  if (row.attempts === 0) return uuidOf(row.id);
  const hex = createHash('sha256').update(`${row.id}#${row.attempts}`).digest('hex');
  // Shaped as an RFC 9562 version 8 (custom) UUID.
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface DispatchOutboxInput {
  enqueue: EnqueueDelivery;
  now: Temporal.Instant;
  batchSize?: number;
}

/** Dispatches up to `batchSize` pending rows and returns how many. */
export async function dispatchOutbox(db: Db, input: DispatchOutboxInput): Promise<number> {
  const pending = await db
    .select({ id: outbox.id, channel: outbox.channel, attempts: outbox.attempts })
    .from(outbox)
    .where(eq(outbox.status, 'pending'))
    .orderBy(asc(outbox.createdAt))
    .limit(input.batchSize ?? 100);
  if (pending.length === 0) return 0;
  // Enqueue before marking: a crash in between only repeats an enqueue, which the job id absorbs.
  for (const row of pending) await input.enqueue(row.id, row.channel, deliveryJobKey(row));
  const ids = pending.map((row) => row.id);
  await db
    .update(outbox)
    .set({ status: 'dispatched', dispatchedAt: toDate(input.now) })
    .where(and(inArray(outbox.id, ids), eq(outbox.status, 'pending')));
  return pending.length;
}
