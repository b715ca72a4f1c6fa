// A search condition for another module's query: rows whose catalog product is the given id or has a name (ja or en) matching a LIKE pattern.
import { eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { catalogProducts } from '../../db/schema/catalog.js';

/** `productIdColumn` is `text` itself or names a product whose Japanese or English name is `ilike` the (escaped) pattern. */
export function productMatching(productIdColumn: AnyPgColumn, text: string, pattern: string): SQL {
  const anyName = or(ilike(catalogProducts.nameJa, pattern), ilike(catalogProducts.nameEn, pattern));
  return sql`(${eq(productIdColumn, text)} or ${productIdColumn} in (select ${catalogProducts.id} from ${catalogProducts} where ${anyName}))`;
}
