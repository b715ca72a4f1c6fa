// Finds the provider an API key belongs to, and notes when the key was last used.
import { and, eq, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { providerApiKeys } from '../../db/schema/provisioning.js';
import { toDate } from '../../domain/clock.js';
import { findProviders } from '../catalog/index.js';
import { hashProviderApiKey, PROVIDER_KEY_PREFIX } from './provider-api-key.js';
import { provisioningErrors } from './provisioning-errors.js';

export interface AuthenticatedProvider {
  providerId: string;
  providerSlug: string;
  keyId: string;
}

/** The key's provider; a missing, unknown or revoked key is `provider_key_invalid` (401). */
export async function authenticateProviderKey(
  db: Db,
  key: string | null,
  now: Temporal.Instant,
): Promise<AuthenticatedProvider> {
  if (!key?.startsWith(PROVIDER_KEY_PREFIX) || key.length > 200) throw provisioningErrors.keyInvalid();
  const [stored] = await db
    .select({ keyId: providerApiKeys.id, providerId: providerApiKeys.providerId })
    .from(providerApiKeys)
    .where(and(eq(providerApiKeys.keyHash, hashProviderApiKey(key)), isNull(providerApiKeys.revokedAt)));
  const provider = stored ? (await findProviders(db, [stored.providerId])).get(stored.providerId) : undefined;
  if (!stored || !provider) throw provisioningErrors.keyInvalid();
  const row = { providerId: provider.id, providerSlug: provider.slug, keyId: stored.keyId };
  await db
    .update(providerApiKeys)
    .set({ lastUsedAt: toDate(now) })
    .where(eq(providerApiKeys.id, row.keyId));
  return row;
}
