// Registers a provider (the store itself or another company), audited.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { catalogProviders } from '../../db/schema/catalog.js';
import { toDate } from '../../domain/clock.js';
import { kernelErrors } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { catalogErrors } from './catalog-errors.js';
import { type CatalogProvider, providerJson } from './load-products.js';
import { providerSchema } from './provider-fields.js';

export interface CreateProviderInput {
  provider: unknown;
  actor: Actor;
  now: Temporal.Instant;
}

/** Creates a provider; a slug in use is `slug_taken` (409). */
export async function createProvider(db: Db, input: CreateProviderInput): Promise<CatalogProvider> {
  const parsed = providerSchema.safeParse(input.provider);
  if (!parsed.success) throw kernelErrors.validation(zodIssuesToFields(parsed.error.issues));
  const values = parsed.data;
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: catalogProviders.id })
      .from(catalogProviders)
      .where(eq(catalogProviders.slug, values.slug));
    if (taken) throw catalogErrors.slugTaken(values.slug);
    const at = toDate(input.now);
    const [row] = await tx
      .insert(catalogProviders)
      .values({ id: newId('provider'), ...values, createdAt: at, updatedAt: at })
      .returning();
    await recordAudit(tx, {
      actor: input.actor,
      action: 'catalog.provider.created',
      targetType: 'provider',
      targetId: row!.id,
      after: values,
      at: input.now,
    });
    return providerJson(row!);
  });
}
