// Turns pending webhook messages into delivery jobs; safe to run on every node at once and to re-run.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { webhookMessages } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import type { DispatchOutboxInput } from './dispatch-outbox.js';

/** Dispatches up to `batchSize` pending messages and returns how many (the same contract as the mail outbox). */
export async function dispatchWebhooks(db: Db, input: DispatchOutboxInput): Promise<number> {
  const pending = await db
    .select({ id: webhookMessages.id })
    .from(webhookMessages)
    .where(eq(webhookMessages.status, 'pending'))
    .orderBy(asc(webhookMessages.createdAt))
    .limit(input.batchSize ?? 100);
  if (pending.length === 0) return 0;
  for (const row of pending) await input.enqueue(row.id);
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
