// Reads a product's order fields with their Japanese labels, in the product's order, for the provider's mail.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { catalogOrderFields } from '../../db/schema/catalog.js';

/** The product's order fields as they are now, first field first. */
export async function listOrderFieldLabels(
  db: DbOrTx,
  productId: string,
): Promise<{ key: string; label: string }[]> {
  return db
    .select({ key: catalogOrderFields.key, label: catalogOrderFields.labelJa })
    .from(catalogOrderFields)
    .where(eq(catalogOrderFields.productId, productId))
    .orderBy(asc(catalogOrderFields.sortOrder));
}
