// Moves a product along draft → published → retired as the status machine allows, audited with the reason.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { catalogProducts } from '../../db/schema/catalog.js';
import { assertProductTransition, type ProductStatus } from '../../domain/catalog.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { catalogErrors } from './catalog-errors.js';
import { type CatalogProduct, loadProduct } from './load-products.js';

export interface ChangeProductStatusInput {
  productId: string;
  status: ProductStatus;
  reason?: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** Changes the status; an illegal step is `product_transition_not_allowed` (409) and changes nothing. */
export async function changeProductStatus(db: Db, input: ChangeProductStatusInput): Promise<CatalogProduct> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: catalogProducts.id, status: catalogProducts.status })
      .from(catalogProducts)
      .where(eq(catalogProducts.id, input.productId))
      .for('update');
    if (!row) throw catalogErrors.productNotFound();
    const from = row.status as ProductStatus;
    assertProductTransition(from, input.status);
    const at = toDate(input.now);
    await tx
      .update(catalogProducts)
      .set({
        status: input.status,
        updatedAt: at,
        ...(input.status === 'published' ? { publishedAt: at } : {}),
      })
      .where(eq(catalogProducts.id, row.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'catalog.product.status_changed',
      targetType: 'product',
      targetId: row.id,
      before: { status: from },
      after: { status: input.status },
      reason: input.reason,
      at: input.now,
    });
    return (await loadProduct(tx, row.id))!;
  });
}
