// At sign-in, the guest's cart moves into the member's: nothing chosen before signing in is lost.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { cartItems, carts } from '../../db/schema/ordering.js';
import { toDate } from '../../domain/clock.js';
import { guestCartOwner } from './cart-owner.js';
import { ensureCartId, lockCartId } from './find-cart.js';

/**
 * Moves every item of the guest token's cart to the member's cart (after the member's own items, in the
 * order they were added) and deletes the guest cart. Returns how many items moved; 0 for an unknown token.
 */
export async function mergeGuestCart(
  db: Db,
  input: { memberId: string; guestToken: string; now: Temporal.Instant },
): Promise<number> {
  return db.transaction(async (tx) => {
    // Both carts locked, guest first: two sign-ins with one guest cookie move its items once (the second
    // finds the cart gone), and no placement from the member's cart runs while items arrive.
    const guestCartId = await lockCartId(tx, guestCartOwner(input.guestToken));
    if (!guestCartId) return 0;
    const memberCartId = await ensureCartId(tx, { kind: 'member', memberId: input.memberId }, input.now);
    const moved = await tx
      .update(cartItems)
      .set({ cartId: memberCartId })
      .where(eq(cartItems.cartId, guestCartId))
      .returning({ id: cartItems.id });
    await tx.delete(carts).where(eq(carts.id, guestCartId));
    await tx
      .update(carts)
      .set({ updatedAt: toDate(input.now) })
      .where(eq(carts.id, memberCartId));
    return moved.length;
  });
}
