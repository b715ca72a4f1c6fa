// A provider's webhook endpoint: shown with the provider, and created, re-pointed or disabled when its URL changes.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../audit/index.js';
import {
  changeWebhookEndpointUrl,
  createWebhookEndpoint,
  disableWebhookEndpoint,
  findWebhookEndpoints,
} from '../notifications/index.js';
import type { CatalogProvider } from './load-products.js';

/** A provider with its webhook as operators see it (never the secret). */
export interface ProviderWithWebhook extends CatalogProvider {
  webhook: { endpointId: string; url: string; disabledAt: Date | null } | null;
}

/** Adds each provider's webhook URL and state. */
export async function withWebhooks(db: DbOrTx, providers: CatalogProvider[]): Promise<ProviderWithWebhook[]> {
  const ids = providers.flatMap((p) => (p.webhookEndpointId ? [p.webhookEndpointId] : []));
  const endpoints = await findWebhookEndpoints(db, ids);
  return providers.map((p) => {
    const endpoint = p.webhookEndpointId ? endpoints.get(p.webhookEndpointId) : undefined;
    return {
      ...p,
      webhook: endpoint
        ? { endpointId: endpoint.id, url: endpoint.url, disabledAt: endpoint.disabledAt }
        : null,
    };
  });
}

export interface ApplyProviderWebhookInput {
  providerId: string;
  providerSlug: string;
  currentEndpointId: string | null;
  /** The URL asked for; null removes the webhook. */
  url: string | null;
  /** Needed only to create an endpoint (a first URL). */
  sealingKey?: Buffer | undefined;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Makes the provider's endpoint match `url` in the caller's transaction. A first URL creates an endpoint
 * and returns its new secret (shown once); a changed URL keeps the endpoint and its secret; null disables
 * the endpoint, and a later URL starts a new endpoint with a new secret.
 */
export async function applyProviderWebhook(
  tx: DbOrTx,
  input: ApplyProviderWebhookInput,
): Promise<{ endpointId: string | null; secret: string | null }> {
  const { actor, now } = input;
  try {
    if (input.url === null) {
      if (input.currentEndpointId) {
        await disableWebhookEndpoint(tx, {
          endpointId: input.currentEndpointId,
          reason: 'provider webhook removed',
          actor,
          now,
        });
      }
      return { endpointId: null, secret: null };
    }
    if (input.currentEndpointId) {
      await changeWebhookEndpointUrl(tx, { endpointId: input.currentEndpointId, url: input.url, actor, now });
      return { endpointId: input.currentEndpointId, secret: null };
    }
    if (!input.sealingKey) throw new Error('a webhook endpoint needs the sealing key');
    const created = await createWebhookEndpoint(tx, {
      url: input.url,
      description: `provisioning: ${input.providerSlug} (${input.providerId})`,
      sealingKey: input.sealingKey,
      actor,
      now,
    });
    return { endpointId: created.id, secret: created.secret };
  } catch (error) {
    // The endpoint's own rule names the field `url`; on a provider the field is `webhookUrl`.
    if (error instanceof AppError && error.code === 'webhook_url_invalid') {
      throw new AppError({
        code: error.code,
        status: error.status,
        message: error.messages,
        fields: error.fields.map((f) => ({ ...f, path: 'webhookUrl' })),
      });
    }
    throw error;
  }
}
