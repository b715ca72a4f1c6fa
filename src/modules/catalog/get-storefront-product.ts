// Everything the product page needs in one read: the published product, its documents in force and the store's tax rounding.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import type { TaxRounding } from '../../domain/tax.js';
import { getStoreSettings } from '../store/index.js';
import { getPublishedProduct } from './get-published-product.js';
import { listCurrentTermsDocuments } from './list-current-terms-documents.js';
import type { CatalogProduct } from './load-products.js';
import type { CatalogTermsDocument } from './publish-terms-document.js';

export interface StorefrontProduct {
  product: CatalogProduct;
  /** The version in force of every document the product, its options and its trial name. */
  documents: CatalogTermsDocument[];
  taxRounding: TaxRounding;
}

/** The published product by id or slug with its documents; `product_not_found` otherwise. */
export async function getStorefrontProduct(
  db: DbOrTx,
  input: { product: string; now: Temporal.Instant },
): Promise<StorefrontProduct> {
  const product = await getPublishedProduct(db, input.product);
  const def = product.definition;
  const keys = [
    ...new Set([
      ...def.termsDocuments,
      ...def.options.flatMap((o) => o.termsDocuments),
      ...(def.trial ? [def.trial.conditionsDocument] : []),
    ]),
  ];
  const documents = await listCurrentTermsDocuments(db, input.now, keys);
  const { taxRounding } = await getStoreSettings(db);
  return { product, documents, taxRounding };
}
