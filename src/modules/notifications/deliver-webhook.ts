// Delivers one webhook message: check where its host points now, sign it for this attempt, POST it to the checked address, and record what the receiver said.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { webhookEndpoints, webhookMessages } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { openSecret } from '../../domain/sealed-secret.js';
import type { HostResolver } from './host-resolver.js';
import { postWebhook } from './post-webhook.js';
import { signWebhook } from './webhook-signing.js';
import { describeRefusedTarget, resolveWebhookTarget } from './webhook-target.js';

/** A receiver that has not answered in this time is treated as failed and retried (the spec suggests 15 s). */
export const WEBHOOK_TIMEOUT_MS = 15_000;

export interface DeliverWebhookInput {
  messageId: string;
  /** `webhookSecretKey(config.secret)`. */
  sealingKey: Buffer;
  now: Temporal.Instant;
  /** True on the job's last try: a failure then marks the message failed instead of leaving it for a retry. */
  lastAttempt: boolean;
  /** Resolves the endpoint's host at every attempt: DNS may have changed since the URL was saved. */
  resolver: HostResolver;
}

export type DeliverWebhookResult =
  | 'delivered'
  | 'already-delivered'
  | 'missing'
  | 'endpoint-disabled'
  | 'endpoint-gone'
  | 'target-refused';

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
 * The host is resolved again and every address checked against the internal ranges and the endpoint's
 * allowed networks: an internal address fails the message at once, without a connection (`target-refused`).
 * Otherwise the POST goes to the checked address, with redirects off. 2xx is delivered. 410 Gone means the receiver wants no more messages (the specification's advice): the
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
  const attempts = message.attempts + 1;
  // Not in a transaction: neither a slow resolver nor a slow receiver may hold the database.
  const target = await resolveWebhookTarget(endpoint.url, input.resolver);
  const refused = describeRefusedTarget(target, endpoint.allowedPrivateNetworks);
  if (refused) {
    await markMessage(db, message.id, {
      status: 'failed',
      attempts,
      lastStatusCode: null,
      lastError: refused,
    });
    return 'target-refused';
  }
  const secret = openSecret(input.sealingKey, endpoint.id, endpoint.sealedSecret);
  const headers = signWebhook(secret, message.id, input.now, message.body);
  let statusCode: number;
  try {
    if (!target.addresses) throw new Error(`${target.hostname} did not resolve (${target.unresolvedReason})`);
    statusCode = await postWebhook({
      url: target.url,
      address: target.addresses[0]!,
      headers: { 'content-type': 'application/json', 'user-agent': 'keiyaku-webhooks/1', ...headers },
      body: message.body,
      timeoutMs: WEBHOOK_TIMEOUT_MS,
    });
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
  // A redirect is not followed: its target was never checked.
  const lastError =
    statusCode >= 300 && statusCode < 400
      ? `HTTP ${statusCode} (redirects are not followed)`
      : `HTTP ${statusCode}`;
  await markMessage(db, message.id, {
    attempts,
    lastStatusCode: statusCode,
    lastError,
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
