// Delivers one webhook message: sign it for this attempt, POST it, and record what the receiver said.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { webhookEndpoints, webhookMessages } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { openSecret } from '../../domain/sealed-secret.js';
import { signWebhook } from './webhook-signing.js';

/** A receiver that has not answered in this time is treated as failed and retried (the spec suggests 15 s). */
export const WEBHOOK_TIMEOUT_MS = 15_000;

export interface DeliverWebhookInput {
  messageId: string;
  /** `webhookSecretKey(config.secret)`. */
  sealingKey: Buffer;
  now: Temporal.Instant;
  /** True on the job's last try: a failure then marks the message failed instead of leaving it for a retry. */
  lastAttempt: boolean;
  fetch?: typeof fetch;
}

export type DeliverWebhookResult =
  | 'delivered'
  | 'already-delivered'
  | 'missing'
  | 'endpoint-disabled'
  | 'endpoint-gone';

/** Thrown for an answer worth retrying (network error, timeout, any status but 2xx and 410). */
export class WebhookDeliveryError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
  ) {
    super(message);
    this.name = 'WebhookDeliveryError';
  }
}

/**
 * 2xx is delivered. 410 Gone means the receiver wants no more messages (the specification's advice): the
 * endpoint is disabled and the message failed. Anything else is recorded and thrown, for the job to retry.
 */
export async function deliverWebhook(db: Db, input: DeliverWebhookInput): Promise<DeliverWebhookResult> {
  const [row] = await db
    .select({ message: webhookMessages, endpoint: webhookEndpoints })
    .from(webhookMessages)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookMessages.endpointId))
    .where(eq(webhookMessages.id, input.messageId));
  if (!row) return 'missing';
  const { message, endpoint } = row;
  if (message.status === 'delivered') return 'already-delivered';
  if (endpoint.disabledAt) {
    await markMessage(db, message.id, { status: 'failed', lastError: 'endpoint disabled' });
    return 'endpoint-disabled';
  }
  const secret = openSecret(input.sealingKey, endpoint.id, endpoint.sealedSecret);
  const headers = signWebhook(secret, message.id, input.now, message.body);
  const attempts = message.attempts + 1;
  let statusCode: number | null = null;
  try {
    // Not in a transaction: a slow receiver must not hold the database.
    const response = await (input.fetch ?? fetch)(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'keiyaku-webhooks/1', ...headers },
      body: message.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    statusCode = response.status;
    // The body is not needed, but reading it lets the connection be reused.
    await response.arrayBuffer().catch(() => undefined);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await markMessage(db, message.id, {
      attempts,
      lastError: reason.slice(0, 1000),
      lastStatusCode: null,
      ...(input.lastAttempt ? { status: 'failed' as const } : {}),
    });
    throw new WebhookDeliveryError(`webhook ${message.id}: ${reason}`, null);
  }
  if (statusCode >= 200 && statusCode < 300) {
    await markMessage(db, message.id, {
      status: 'delivered',
      attempts,
      lastStatusCode: statusCode,
      lastError: null,
      deliveredAt: toDate(input.now),
    });
    return 'delivered';
  }
  if (statusCode === 410) {
    await db.transaction(async (tx) => {
      await tx
        .update(webhookEndpoints)
        .set({ disabledAt: toDate(input.now), disabledReason: 'the receiver answered 410 Gone' })
        .where(eq(webhookEndpoints.id, endpoint.id));
      await tx
        .update(webhookMessages)
        .set({ status: 'failed', attempts, lastStatusCode: 410, lastError: '410 Gone' })
        .where(eq(webhookMessages.id, message.id));
    });
    return 'endpoint-gone';
  }
  await markMessage(db, message.id, {
    attempts,
    lastStatusCode: statusCode,
    lastError: `HTTP ${statusCode}`,
    ...(input.lastAttempt ? { status: 'failed' as const } : {}),
  });
  throw new WebhookDeliveryError(`webhook ${message.id}: HTTP ${statusCode}`, statusCode);
}

async function markMessage(
  db: Db,
  id: string,
  values: Partial<typeof webhookMessages.$inferInsert>,
): Promise<void> {
  await db.update(webhookMessages).set(values).where(eq(webhookMessages.id, id));
}
