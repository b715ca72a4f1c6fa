// Registers a provider (the store itself or another company) with its webhook endpoint if it has one, audited.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { catalogProviders } from '../../db/schema/catalog.js';
import { toDate } from '../../domain/clock.js';
import { kernelErrors } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { type HostResolver, systemHostResolver } from '../notifications/index.js';
import { catalogErrors } from './catalog-errors.js';
import { providerJson } from './load-products.js';
import { providerSchema } from './provider-fields.js';
import {
  applyProviderWebhook,
  type ProviderWithWebhook,
  resolveProviderWebhook,
  withWebhooks,
} from './provider-webhook.js';

export interface CreateProviderInput {
  provider: unknown;
  /** `webhookSecretKey(config.secret)`: seals the webhook secret of a provider given a `webhookUrl`. */
  sealingKey?: Buffer;
  /** Resolves the webhook URL's host for the internal-address check (`ctx.hostResolver`). */
  resolver?: HostResolver;
  actor: Actor;
  now: Temporal.Instant;
}

export interface ProviderChangeResult {
  provider: ProviderWithWebhook;
  /** The new `whsec_…` signing secret when this call created the webhook endpoint; never shown again. */
  webhookSecret: string | null;
}

/** Creates a provider; a slug in use is `slug_taken` (409). */
export async function createProvider(db: Db, input: CreateProviderInput): Promise<ProviderChangeResult> {
  const parsed = providerSchema.safeParse(input.provider);
  if (!parsed.success) throw kernelErrors.validation(zodIssuesToFields(parsed.error.issues));
  const { webhookUrl, webhookAllowedNetworks, ...values } = parsed.data;
  const target =
    webhookUrl === null
      ? null
      : await resolveProviderWebhook(webhookUrl, input.resolver ?? systemHostResolver);
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: catalogProviders.id })
      .from(catalogProviders)
      .where(eq(catalogProviders.slug, values.slug));
    if (taken) throw catalogErrors.slugTaken(values.slug);
    const id = newId('provider');
    const webhook = await applyProviderWebhook(tx, {
      providerId: id,
      providerSlug: values.slug,
      currentEndpointId: null,
      target,
      allowedPrivateNetworks: webhookAllowedNetworks,
      sealingKey: input.sealingKey,
      actor: input.actor,
      now: input.now,
    });
    const at = toDate(input.now);
    const [row] = await tx
      .insert(catalogProviders)
      .values({ id, ...values, webhookEndpointId: webhook.endpointId, createdAt: at, updatedAt: at })
      .returning();
    await recordAudit(tx, {
      actor: input.actor,
      action: 'catalog.provider.created',
      targetType: 'provider',
      targetId: id,
      after: { ...values, webhookUrl, webhookAllowedNetworks },
      at: input.now,
    });
    const [provider] = await withWebhooks(tx, [providerJson(row!)]);
    return { provider: provider!, webhookSecret: webhook.secret };
  });
}
