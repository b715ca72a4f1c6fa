// Changes some of a provider's fields (its webhook URL too), audited with the fields before and after.
import { and, eq, ne } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { catalogProducts, catalogProviders } from '../../db/schema/catalog.js';
import { toDate } from '../../domain/clock.js';
import { kernelErrors } from '../../domain/errors.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { type HostResolver, systemHostResolver } from '../notifications/index.js';
import { catalogErrors } from './catalog-errors.js';
import type { ProviderChangeResult } from './create-provider.js';
import { providerJson } from './load-products.js';
import { providerPatchSchema } from './provider-fields.js';
import { applyProviderWebhook, resolveProviderWebhook, withWebhooks } from './provider-webhook.js';
import { refreshProductSearch } from './refresh-product-search.js';

export interface UpdateProviderInput {
  providerId: string;
  patch: unknown;
  /** `webhookSecretKey(config.secret)`, used when the patch gives a first `webhookUrl`. */
  sealingKey?: Buffer;
  /** Resolves the webhook URL's host for the internal-address check (`ctx.hostResolver`). */
  resolver?: HostResolver;
  actor: Actor;
  now: Temporal.Instant;
}

/** Applies a partial change; a bad field rejects the whole patch. */
export async function updateProvider(db: Db, input: UpdateProviderInput): Promise<ProviderChangeResult> {
  const parsed = providerPatchSchema.safeParse(input.patch);
  if (!parsed.success) throw kernelErrors.validation(zodIssuesToFields(parsed.error.issues));
  const { webhookUrl, webhookAllowedNetworks, ...patch } = parsed.data;
  const target =
    typeof webhookUrl === 'string'
      ? await resolveProviderWebhook(webhookUrl, input.resolver ?? systemHostResolver)
      : webhookUrl;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(catalogProviders)
      .where(eq(catalogProviders.id, input.providerId))
      .for('update');
    if (!before) throw catalogErrors.providerNotFound();
    if (patch.slug) {
      const [taken] = await tx
        .select({ id: catalogProviders.id })
        .from(catalogProviders)
        .where(and(eq(catalogProviders.slug, patch.slug), ne(catalogProviders.id, before.id)));
      if (taken) throw catalogErrors.slugTaken(patch.slug);
    }
    let webhookEndpointId = before.webhookEndpointId;
    let webhookSecret: string | null = null;
    if (webhookUrl !== undefined || webhookAllowedNetworks !== undefined) {
      const applied = await applyProviderWebhook(tx, {
        providerId: before.id,
        providerSlug: patch.slug ?? before.slug,
        currentEndpointId: before.webhookEndpointId,
        target,
        allowedPrivateNetworks: webhookAllowedNetworks,
        sealingKey: input.sealingKey,
        actor: input.actor,
        now: input.now,
      });
      webhookEndpointId = applied.endpointId;
      webhookSecret = applied.secret;
    }
    const [after] = await tx
      .update(catalogProviders)
      .set({ ...patch, webhookEndpointId, updatedAt: toDate(input.now) })
      .where(eq(catalogProviders.id, before.id))
      .returning();
    // The provider's names are part of its products' search text.
    if (patch.nameJa !== undefined || patch.nameEn !== undefined) {
      const products = await tx
        .select({ id: catalogProducts.id })
        .from(catalogProducts)
        .where(eq(catalogProducts.providerId, before.id));
      await refreshProductSearch(
        tx,
        products.map((p) => p.id),
      );
    }
    const keys = Object.keys(patch) as (keyof typeof patch)[];
    await recordAudit(tx, {
      actor: input.actor,
      action: 'catalog.provider.updated',
      targetType: 'provider',
      targetId: before.id,
      before: {
        ...Object.fromEntries(keys.map((k) => [k, before[k]])),
        ...(webhookUrl === undefined ? {} : { webhookEndpointId: before.webhookEndpointId }),
      },
      after: {
        ...patch,
        ...(webhookUrl === undefined ? {} : { webhookUrl, webhookEndpointId }),
        ...(webhookAllowedNetworks === undefined ? {} : { webhookAllowedNetworks }),
      },
      at: input.now,
    });
    const [provider] = await withWebhooks(tx, [providerJson(after!)]);
    return { provider: provider!, webhookSecret };
  });
}
