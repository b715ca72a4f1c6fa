// The admin console's product list: every product in any status, newest first.
import { desc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { catalogProducts } from '../../db/schema/catalog.js';
import { type CatalogProduct, fetchProducts } from './load-products.js';

/** All products, newest first. */
export async function listProducts(db: DbOrTx): Promise<CatalogProduct[]> {
  const rows = await db
    .select({ id: catalogProducts.id })
    .from(catalogProducts)
    .orderBy(desc(catalogProducts.createdAt));
  // The whole catalog, read directly: caching it would evict the storefront's products.
  return fetchProducts(
    db,
    rows.map((r) => r.id),
  );
}
