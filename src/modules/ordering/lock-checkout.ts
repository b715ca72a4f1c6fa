// Locks a member's checkout for placing an order: the member row against withdrawal, then the cart against everything else.
import type { DbOrTx } from '../../db/client.js';
import { lockMemberForOrder } from '../identity/index.js';
import { lockCartId } from './find-cart.js';

/**
 * Takes, until the caller's transaction ends, the member row's key-share lock (the lock the order's foreign
 * key would take anyway, taken first so withdrawal, which locks the row for update before it looks for
 * pending orders, either waits for this order or is seen to have happened) and then the cart row's lock.
 * Returns the member's status as it stands after both, and the cart id (null without a cart).
 */
export async function lockCheckout(
  tx: DbOrTx,
  memberId: string,
): Promise<{ memberStatus: string | null; cartId: string | null }> {
  const memberStatus = await lockMemberForOrder(tx, memberId);
  const cartId = await lockCartId(tx, { kind: 'member', memberId });
  return { memberStatus, cartId };
}
