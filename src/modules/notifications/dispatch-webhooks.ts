// Turns pending webhook messages into delivery jobs; safe to run on every node at once and to re-run.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { webhookMessages } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { deliveryJobKey } from './dispatch-outbox.js';

export interface DispatchWebhooksInput {
  /** Queues one job; a job id derived from `jobKey` (see `deliveryJobKey`) makes a second enqueue a no-op. */
  enqueue: (messageId: string, jobKey: string) => Promise<void>;
  now: Temporal.Instant;
  batchSize?: number;
}

/** Dispatches up to `batchSize` pending messages and returns how many (the same contract as the outbox). */
export async function dispatchWebhooks(db: Db, input: DispatchWebhooksInput): Promise<number> {
  const pending = await db
    .select({ id: webhookMessages.id, attempts: webhookMessages.attempts })
    .from(webhookMessages)
    .where(eq(webhookMessages.status, 'pending'))
    .orderBy(asc(webhookMessages.createdAt))
    .limit(input.batchSize ?? 100);
  if (pending.length === 0) return 0;
  for (const row of pending) await input.enqueue(row.id, deliveryJobKey(row));
  await db
    .update(webhookMessages)
    .set({ status: 'dispatched', dispatchedAt: toDate(input.now) })
    .where(
      and(
        inArray(
          webhookMessages.id,
          pending.map((row) => row.id),
        ),
        eq(webhookMessages.status, 'pending'),
      ),
    );
  return pending.length;
}
