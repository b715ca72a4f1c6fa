// Reads how queued webhook messages and mails are doing, for modules that show a hand-off's delivery (provisioning).
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { outbox, webhookMessages } from '../../db/schema/notifications.js';

export interface WebhookDelivery {
  id: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
}

export interface MailDelivery {
  id: string;
  to: string;
  status: string;
}

/** The webhook messages and outbox mails with these ids, each by id; unknown ids are absent. */
export async function findDeliveries(
  db: DbOrTx,
  ids: { webhookMessageIds: readonly string[]; outboxIds: readonly string[] },
): Promise<{ webhooks: Map<string, WebhookDelivery>; mails: Map<string, MailDelivery> }> {
  const webhooks = new Map(
    ids.webhookMessageIds.length
      ? (
          await db
            .select({
              id: webhookMessages.id,
              status: webhookMessages.status,
              attempts: webhookMessages.attempts,
              lastStatusCode: webhookMessages.lastStatusCode,
            })
            .from(webhookMessages)
            .where(inArray(webhookMessages.id, [...ids.webhookMessageIds]))
        ).map((m) => [m.id, m])
      : [],
  );
  const mails = new Map(
    ids.outboxIds.length
      ? (
          await db
            .select({ id: outbox.id, to: outbox.recipient, status: outbox.status })
            .from(outbox)
            .where(inArray(outbox.id, [...ids.outboxIds]))
        ).map((m) => [m.id, m])
      : [],
  );
  return { webhooks, mails };
}
