// Reads providers by id, for modules that hand work to them (provisioning) or name them (ordering).
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { catalogProviders } from '../../db/schema/catalog.js';
import { type CatalogProvider, providerJson } from './load-products.js';

/** The providers with these ids, by id; an unknown id is simply absent. */
export async function findProviders(
  db: DbOrTx,
  providerIds: readonly string[],
): Promise<Map<string, CatalogProvider>> {
  const ids = [...new Set(providerIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(catalogProviders).where(inArray(catalogProviders.id, ids));
  return new Map(rows.map((row) => [row.id, providerJson(row)]));
}
