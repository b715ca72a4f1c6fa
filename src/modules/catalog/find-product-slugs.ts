// Reads the slugs of products by id, for what is sent to providers about an order line.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { catalogProducts } from '../../db/schema/catalog.js';

/** Each product's slug by id; an unknown id is absent. */
export async function findProductSlugs(
  db: DbOrTx,
  productIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: catalogProducts.id, slug: catalogProducts.slug })
    .from(catalogProducts)
    .where(inArray(catalogProducts.id, ids));
  return new Map(rows.map((row) => [row.id, row.slug]));
}
