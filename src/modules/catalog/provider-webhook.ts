// A provider's webhook endpoint: shown with the provider, and created, re-pointed or disabled when its URL changes.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../audit/index.js';
import {
  changeWebhookEndpointNetworks,
  changeWebhookEndpointUrl,
  createWebhookEndpoint,
  disableWebhookEndpoint,
  findWebhookEndpoints,
  type HostResolver,
  type ResolvedWebhookTarget,
  resolveWebhookTarget,
} from '../notifications/index.js';
import type { CatalogProvider } from './load-products.js';

/** A provider with its webhook as operators see it (never the secret). */
export interface ProviderWithWebhook extends CatalogProvider {
  webhook: {
    endpointId: string;
    url: string;
    disabledAt: Date | null;
    allowedPrivateNetworks: string[];
  } | null;
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
        ? {
            endpointId: endpoint.id,
            url: endpoint.url,
            disabledAt: endpoint.disabledAt,
            allowedPrivateNetworks: endpoint.allowedPrivateNetworks,
          }
        : null,
    };
  });
}

/**
 * Resolves a webhook URL's host before the provider's transaction (a slow resolver must not hold the
 * database); a bad URL is `webhook_url_invalid` on the field `webhookUrl`.
 */
export async function resolveProviderWebhook(
  url: string,
  resolver: HostResolver,
): Promise<ResolvedWebhookTarget> {
  try {
    return await resolveWebhookTarget(url, resolver);
  } catch (error) {
    throw onProviderField(error);
  }
}

export interface ApplyProviderWebhookInput {
  providerId: string;
  providerSlug: string;
  currentEndpointId: string | null;
  /** The URL asked for, resolved (`resolveProviderWebhook`); null removes the webhook; undefined keeps it. */
  target: ResolvedWebhookTarget | null | undefined;
  /** The internal ranges the webhook may reach; undefined keeps the endpoint's. */
  allowedPrivateNetworks: string[] | undefined;
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
    if (input.target === undefined) {
      if (input.allowedPrivateNetworks === undefined)
        return { endpointId: input.currentEndpointId, secret: null };
      if (!input.currentEndpointId) {
        if (input.allowedPrivateNetworks.length === 0) return { endpointId: null, secret: null };
        throw providerWebhookMissing();
      }
      await changeWebhookEndpointNetworks(tx, {
        endpointId: input.currentEndpointId,
        allowedPrivateNetworks: input.allowedPrivateNetworks,
        actor,
        now,
      });
      return { endpointId: input.currentEndpointId, secret: null };
    }
    if (input.target === null) {
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
      await changeWebhookEndpointUrl(tx, {
        endpointId: input.currentEndpointId,
        target: input.target,
        allowedPrivateNetworks: input.allowedPrivateNetworks,
        actor,
        now,
      });
      return { endpointId: input.currentEndpointId, secret: null };
    }
    if (!input.sealingKey) throw new Error('a webhook endpoint needs the sealing key');
    const created = await createWebhookEndpoint(tx, {
      target: input.target,
      ...(input.allowedPrivateNetworks ? { allowedPrivateNetworks: input.allowedPrivateNetworks } : {}),
      description: `provisioning: ${input.providerSlug} (${input.providerId})`,
      sealingKey: input.sealingKey,
      actor,
      now,
    });
    return { endpointId: created.id, secret: created.secret };
  } catch (error) {
    throw onProviderField(error);
  }
}

/** The endpoint's own rules name the field `url`; on a provider the field is `webhookUrl`. */
function onProviderField(error: unknown): unknown {
  if (
    error instanceof AppError &&
    (error.code === 'webhook_url_invalid' || error.code === 'webhook_target_not_allowed')
  ) {
    return new AppError({
      code: error.code,
      status: error.status,
      message: error.messages,
      fields: error.fields.map((f) => ({ ...f, path: 'webhookUrl' })),
      extensions: error.extensions,
    });
  }
  return error;
}

function providerWebhookMissing(): AppError {
  const message = {
    ja: 'この提供元にはWebhookのURLが設定されていないため、許可するネットワークを設定できません。',
    en: 'This provider has no webhook URL, so it has no allowed networks to set.',
  };
  return new AppError({
    code: 'provider_webhook_missing',
    status: 409,
    message,
  });
}
