// Standard Webhooks signing (https://www.standardwebhooks.com): secrets, keys and the signature header.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { Temporal } from 'temporal-polyfill';
import { deriveSealingKey } from '../../domain/sealed-secret.js';

const KEY_INFO = 'keiyaku webhook signing secrets v1';

/** A new signing secret in the specification's form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The key that seals webhook signing secrets at rest. */
export function webhookSecretKey(serverSecret: string | undefined): Buffer {
  return deriveSealingKey(serverSecret, KEY_INFO);
}

export interface SignedWebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three headers for one attempt: the id stays the same across retries, the timestamp is the attempt's. */
export function signWebhook(
  secret: string,
  messageId: string,
  at: Temporal.Instant,
  body: string,
): SignedWebhookHeaders {
  const timestamp = new Date(at.epochMilliseconds);
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.epochMilliseconds / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, timestamp, body),
  };
}
