// Gives a provider's webhook endpoint a new signing secret, shown once; audited on the provider and the endpoint.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { catalogProviders } from '../../db/schema/catalog.js';
import { AppError } from '../../domain/errors.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { rotateWebhookSecret } from '../notifications/index.js';
import { catalogErrors } from './catalog-errors.js';

export interface RotateProviderWebhookSecretInput {
  providerId: string;
  sealingKey: Buffer;
  actor: Actor;
  now: Temporal.Instant;
}

/** The new `whsec_…`; a provider without a webhook is `provider_webhook_missing` (409). */
export async function rotateProviderWebhookSecret(
  db: Db,
  input: RotateProviderWebhookSecretInput,
): Promise<{ endpointId: string; webhookSecret: string }> {
  return db.transaction(async (tx) => {
    const [provider] = await tx
      .select()
      .from(catalogProviders)
      .where(eq(catalogProviders.id, input.providerId))
      .for('update');
    if (!provider) throw catalogErrors.providerNotFound();
    if (!provider.webhookEndpointId) {
      throw new AppError({
        code: 'provider_webhook_missing',
        status: 409,
        message: {
          ja: 'この提供元にはWebhookのURLが設定されていません。',
          en: 'This provider has no webhook URL.',
        },
      });
    }
    const webhookSecret = await rotateWebhookSecret(tx, {
      endpointId: provider.webhookEndpointId,
      sealingKey: input.sealingKey,
      actor: input.actor,
      now: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'catalog.provider.webhook_secret_rotated',
      targetType: 'provider',
      targetId: provider.id,
      after: { webhookEndpointId: provider.webhookEndpointId },
      at: input.now,
    });
    return { endpointId: provider.webhookEndpointId, webhookSecret };
  });
}
