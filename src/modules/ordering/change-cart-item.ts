// Changes or removes one item of the owner's cart; an item of another cart is "not found".
import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db, DbOrTx } from '../../db/client.js';
import { cartItems, carts } from '../../db/schema/ordering.js';
import { toDate } from '../../domain/clock.js';
import { catalogErrors, loadProducts } from '../catalog/index.js';
import { type CartChoice, checkCartChoice } from './cart-choice.js';
import type { CartOwner } from './cart-owner.js';
import { lockCartId } from './find-cart.js';
import { orderingErrors } from './ordering-errors.js';

export interface ChangeCartItemInput {
  owner: CartOwner;
  itemId: string;
  /** The whole new choice for the item's product: plan, term, quantity, options, usage (a trial stays a trial). */
  choice: Omit<CartChoice, 'product' | 'trial'>;
  now: Temporal.Instant;
}

// Locks the cart first (see `lockCartId`): a change never lands between a placement's read and its delete.
async function ownedItem(db: DbOrTx, owner: CartOwner, itemId: string) {
  const cartId = await lockCartId(db, owner);
  if (!cartId) throw orderingErrors.cartItemNotFound();
  const [item] = await db
    .select()
    .from(cartItems)
    .where(and(eq(cartItems.id, itemId), eq(cartItems.cartId, cartId)));
  if (!item) throw orderingErrors.cartItemNotFound();
  return item;
}

/** Re-checks the new choice with the engine and stores it. */
export async function changeCartItem(db: Db, input: ChangeCartItemInput): Promise<void> {
  await db.transaction(async (tx) => {
    const item = await ownedItem(tx, input.owner, input.itemId);
    const [product] = await loadProducts(tx, [item.productId]);
    if (!product) throw catalogErrors.productNotFound();
    const { request } = await checkCartChoice(tx, {
      ...input.choice,
      product: product.id,
      trial: item.trial,
    });
    await tx
      .update(cartItems)
      .set({
        plan: request.plan,
        term: request.term,
        quantity: request.quantity ?? null,
        options: [...(request.options ?? [])],
        usage: [...(request.usage ?? [])],
        updatedAt: toDate(input.now),
      })
      .where(eq(cartItems.id, item.id));
    await tx
      .update(carts)
      .set({ updatedAt: toDate(input.now) })
      .where(eq(carts.id, item.cartId));
  });
}

/** Takes the item out of the cart. */
export async function removeCartItem(
  db: Db,
  input: { owner: CartOwner; itemId: string; now: Temporal.Instant },
): Promise<void> {
  await db.transaction(async (tx) => {
    const item = await ownedItem(tx, input.owner, input.itemId);
    await tx.delete(cartItems).where(eq(cartItems.id, item.id));
    await tx
      .update(carts)
      .set({ updatedAt: toDate(input.now) })
      .where(eq(carts.id, item.cartId));
  });
}
