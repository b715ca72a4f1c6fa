// Lists providers by name, for the storefront's filter and the admin console.
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { catalogProviders } from '../../db/schema/catalog.js';
import { type CatalogProvider, providerJson } from './load-products.js';

/** Every provider, the store itself first. */
export async function listProviders(db: DbOrTx): Promise<CatalogProvider[]> {
  const rows = await db.select().from(catalogProviders).orderBy(asc(catalogProviders.slug));
  return rows.map(providerJson).sort((a, b) => Number(b.isStore) - Number(a.isStore));
}
