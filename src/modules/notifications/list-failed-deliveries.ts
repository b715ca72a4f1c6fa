// Lists the mails, SMS and webhook messages that failed for good, newest first, with the recipient masked, for the console's retry queue.
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { outbox, webhookEndpoints, webhookMessages } from '../../db/schema/notifications.js';
import { getStoreSettings } from '../store/index.js';
import { maskAddressesIn, maskRecipient } from './mask-recipient.js';
import { renderMail } from './render-mail.js';

export interface FailedDelivery {
  kind: 'mail' | 'sms' | 'webhook';
  id: string;
  /** A masked mail address or phone number, or the webhook endpoint's host. */
  recipient: string;
  /** The mail's subject as it would have been sent; null for SMS (their text may carry a code) and webhooks. */
  subject: string | null;
  /** The webhook's event type (`provisioning.requested`, `contract.ended`); null for mail and SMS. */
  eventType: string | null;
  attempts: number;
  /** Why the last try failed, addresses and numbers masked; null when nothing was recorded. */
  reason: string | null;
  /** The provider's error code (Twilio's 21211) or the receiver's HTTP status, when there was one. */
  providerCode: string | null;
  createdAt: Date;
  /** False when a retry cannot succeed (the webhook endpoint was disabled). */
  retryable: boolean;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** The failed deliveries of both tables, newest first (ties by id), at most `limit`. */
export async function listFailedDeliveries(db: DbOrTx, limit: number): Promise<FailedDelivery[]> {
  const store = await getStoreSettings(db);
  const messages = await db
    .select()
    .from(outbox)
    .where(eq(outbox.status, 'failed'))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
  const webhooks = await db
    .select({ message: webhookMessages, url: webhookEndpoints.url, disabledAt: webhookEndpoints.disabledAt })
    .from(webhookMessages)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookMessages.endpointId))
    .where(eq(webhookMessages.status, 'failed'))
    .orderBy(desc(webhookMessages.createdAt), desc(webhookMessages.id))
    .limit(limit);
  const subjectOf = (row: typeof outbox.$inferSelect): string | null => {
    if (row.channel !== 'mail') return null;
    try {
      // The subject needs no link, so the public URL is left out.
      return renderMail(row.template, row.locale, row.payload, { ...store, publicUrl: '' }).subject;
    } catch {
      return null;
    }
  };
  const all: FailedDelivery[] = [
    ...messages.map((row) => ({
      kind: row.channel,
      id: row.id,
      recipient: maskRecipient(row.recipient),
      subject: subjectOf(row),
      eventType: null,
      attempts: row.attempts,
      reason: row.lastError === null ? null : maskAddressesIn(row.lastError),
      providerCode: row.providerErrorCode,
      createdAt: row.createdAt,
      retryable: true,
    })),
    ...webhooks.map(({ message, url, disabledAt }) => ({
      kind: 'webhook' as const,
      id: message.id,
      recipient: hostOf(url),
      subject: null,
      eventType: message.eventType,
      attempts: message.attempts,
      reason: message.lastError === null ? null : maskAddressesIn(message.lastError),
      providerCode: message.lastStatusCode === null ? null : String(message.lastStatusCode),
      createdAt: message.createdAt,
      retryable: disabledAt === null,
    })),
  ];
  all.sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  return all.slice(0, limit);
}
