// Lists providers by name, for the storefront's filter and the admin console.
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { catalogProviders } from '../../db/schema/catalog.js';
import { providerJson } from './load-products.js';
import { type ProviderWithWebhook, withWebhooks } from './provider-webhook.js';

/** Every provider with its webhook, the store itself first. */
export async function listProviders(db: DbOrTx): Promise<ProviderWithWebhook[]> {
  const rows = await db.select().from(catalogProviders).orderBy(asc(catalogProviders.slug));
  const providers = rows.map(providerJson).sort((a, b) => Number(b.isStore) - Number(a.isStore));
  return withWebhooks(db, providers);
}
