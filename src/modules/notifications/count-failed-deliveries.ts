// Counts the messages that gave up: mails and SMS past their last retry, and webhooks the receiver never took.
import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { outbox, webhookMessages } from '../../db/schema/notifications.js';

/** Outbox rows (mail and SMS) and webhook messages in the final `failed` status. */
export async function countFailedDeliveries(db: DbOrTx): Promise<{ messages: number; webhooks: number }> {
  const [messages] = await db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'failed'));
  const [webhooks] = await db
    .select({ n: count() })
    .from(webhookMessages)
    .where(eq(webhookMessages.status, 'failed'));
  return { messages: messages?.n ?? 0, webhooks: webhooks?.n ?? 0 };
}
