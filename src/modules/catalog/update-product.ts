// Replaces a product's definition (plans, options, prices, trial, order fields), audited with before and after.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { catalogProducts } from '../../db/schema/catalog.js';
import { toDate } from '../../domain/clock.js';
import { kernelErrors } from '../../domain/errors.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { catalogErrors } from './catalog-errors.js';
import { type CatalogProduct, loadProduct } from './load-products.js';
import { productDefinitionSchema } from './product-definition.js';
import { writeProductDefinition } from './write-product-definition.js';

export interface UpdateProductInput {
  productId: string;
  definition: unknown;
  actor: Actor;
  now: Temporal.Instant;
}

/** Validates and stores the whole definition; the product keeps its id, status and the ids of plans and options it keeps. */
export async function updateProduct(db: Db, input: UpdateProductInput): Promise<CatalogProduct> {
  const parsed = productDefinitionSchema.safeParse(input.definition);
  if (!parsed.success) throw kernelErrors.validation(zodIssuesToFields(parsed.error.issues));
  const definition = parsed.data;
  return db.transaction(async (tx) => {
    // Locked so two editors saving at once apply one after the other.
    const [row] = await tx
      .select({ id: catalogProducts.id })
      .from(catalogProducts)
      .where(eq(catalogProducts.id, input.productId))
      .for('update');
    if (!row) throw catalogErrors.productNotFound();
    const before = (await loadProduct(tx, row.id))!;
    await writeProductDefinition(tx, { productId: row.id, definition, create: false, at: toDate(input.now) });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'catalog.product.updated',
      targetType: 'product',
      targetId: row.id,
      before: before.definition,
      after: definition,
      at: input.now,
    });
    return (await loadProduct(tx, row.id))!;
  });
}
