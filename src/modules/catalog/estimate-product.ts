// The simulator's service: prices a choice on a published product with the store's tax rounding, through the one engine.
import type { DbOrTx } from '../../db/client.js';
import { type Estimate, type EstimateRequest, estimate } from '../../domain/estimate.js';
import { getStoreSettings } from '../store/index.js';
import { getPublishedProduct } from './get-published-product.js';
import type { CatalogProduct } from './load-products.js';
import { toPriceableProduct } from './to-priceable-product.js';

export interface EstimateProductInput {
  /** The product's id or slug. */
  product: string;
  request: EstimateRequest;
}

/** The estimate and the product it was made for; validation failures are the engine's 422 problems. */
export async function estimateProduct(
  db: DbOrTx,
  input: EstimateProductInput,
): Promise<{ product: CatalogProduct; estimate: Estimate }> {
  const product = await getPublishedProduct(db, input.product);
  const { taxRounding } = await getStoreSettings(db);
  return { product, estimate: estimate(toPriceableProduct(product.definition), input.request, taxRounding) };
}
