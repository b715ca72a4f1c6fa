// One product on sale, by id or slug, for the storefront; drafts and retired products are "not found".
import type { DbOrTx } from '../../db/client.js';
import { catalogErrors } from './catalog-errors.js';
import { type CatalogProduct, loadProduct } from './load-products.js';

/** The product if it is published; otherwise `product_not_found` (404), so drafts cannot be probed. */
export async function getPublishedProduct(db: DbOrTx, idOrSlug: string): Promise<CatalogProduct> {
  const product = await loadProduct(db, idOrSlug);
  if (product?.status !== 'published' || !product) throw catalogErrors.productNotFound();
  return product;
}
