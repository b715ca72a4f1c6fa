// Puts a product, as chosen in the simulator, into a member's or a guest's cart.
import { count, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { cartItems, carts } from '../../db/schema/ordering.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type CartChoice, checkCartChoice } from './cart-choice.js';
import type { CartOwner } from './cart-owner.js';
import { ensureCartId } from './find-cart.js';
import { orderingErrors } from './ordering-errors.js';

/** Enough for any real order; a limit keeps a scripted guest from growing one cart without end. */
export const CART_ITEM_LIMIT = 50;

export interface AddCartItemInput {
  owner: CartOwner;
  choice: CartChoice;
  now: Temporal.Instant;
}

/** Adds the item and returns its id; the engine's 422 problems and `cart_full` (409) change nothing. */
export async function addCartItem(db: Db, input: AddCartItemInput): Promise<string> {
  return db.transaction(async (tx) => {
    const { productId, request, trial } = await checkCartChoice(tx, input.choice);
    // Locked: two adds at once count one after the other, so the limit holds under concurrency too.
    const cartId = await ensureCartId(tx, input.owner, input.now);
    const [held] = await tx.select({ n: count() }).from(cartItems).where(eq(cartItems.cartId, cartId));
    if ((held?.n ?? 0) >= CART_ITEM_LIMIT) throw orderingErrors.cartFull(CART_ITEM_LIMIT);
    const id = newId('cartItem');
    await tx.insert(cartItems).values({
      id,
      cartId,
      productId,
      plan: request.plan,
      term: request.term,
      quantity: request.quantity ?? null,
      options: [...(request.options ?? [])],
      usage: [...(request.usage ?? [])],
      trial,
      addedAt: toDate(input.now),
      updatedAt: toDate(input.now),
    });
    await tx
      .update(carts)
      .set({ updatedAt: toDate(input.now) })
      .where(eq(carts.id, cartId));
    return id;
  });
}
