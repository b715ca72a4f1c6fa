// Creates a product as a draft from a whole definition, audited in the same transaction.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { toDate } from '../../domain/clock.js';
import { kernelErrors } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { type CatalogProduct, loadProduct } from './load-products.js';
import { productDefinitionSchema } from './product-definition.js';
import { writeProductDefinition } from './write-product-definition.js';

export interface CreateProductInput {
  definition: unknown;
  actor: Actor;
  now: Temporal.Instant;
}

/** Validates the definition and stores it as a new draft product; a bad field writes nothing. */
export async function createProduct(db: Db, input: CreateProductInput): Promise<CatalogProduct> {
  const parsed = productDefinitionSchema.safeParse(input.definition);
  if (!parsed.success) throw kernelErrors.validation(zodIssuesToFields(parsed.error.issues));
  const definition = parsed.data;
  return db.transaction(async (tx) => {
    const productId = newId('product');
    await writeProductDefinition(tx, { productId, definition, create: true, at: toDate(input.now) });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'catalog.product.created',
      targetType: 'product',
      targetId: productId,
      after: definition,
      at: input.now,
    });
    return (await loadProduct(tx, productId))!;
  });
}
