// The catalog's products of one kind (id and names), for another module's picker: the licence import lists the software products.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { catalogProducts } from '../../db/schema/catalog.js';
import type { ProductKind } from '../../domain/catalog.js';

/** Every product of `kind`, drafts included, in the store's order then by id. */
export async function listProductsOfKind(
  db: DbOrTx,
  kind: ProductKind,
): Promise<{ id: string; status: string; name: { ja: string; en: string } }[]> {
  const rows = await db
    .select({
      id: catalogProducts.id,
      status: catalogProducts.status,
      nameJa: catalogProducts.nameJa,
      nameEn: catalogProducts.nameEn,
    })
    .from(catalogProducts)
    .where(eq(catalogProducts.kind, kind))
    .orderBy(asc(catalogProducts.sortOrder), asc(catalogProducts.id));
  return rows.map((r) => ({ id: r.id, status: r.status, name: { ja: r.nameJa, en: r.nameEn } }));
}
