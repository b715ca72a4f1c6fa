// DELETE /api/store/cart/items/{itemId}: takes an item out of the cart.
import { createRoute } from '@hono/zod-openapi';
import { orderingErrors, priceCart, removeCartItem } from '../../../modules/ordering/index.js';
import { createRouter } from '../../openapi-app.js';
import { cartOwnerOf } from './cart-access.js';
import { cartItemParams, cartJson, cartResponse } from './cart-schemas.js';
import { problem } from './identity-schemas.js';

/** The route; it answers with the whole re-priced cart. */
export function removeCartItemRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'delete',
      path: '/api/store/cart/items/{itemId}',
      tags: ['store'],
      summary: 'Take an item out of the cart',
      request: { params: cartItemParams },
      responses: { 200: cartResponse, 404: problem('no such item in this cart') },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const owner = await cartOwnerOf(c, { create: false });
      if (!owner) throw orderingErrors.cartItemNotFound();
      await removeCartItem(ctx.db, { owner, itemId: c.req.valid('param').itemId, now: ctx.clock.now() });
      return c.json(cartJson(await priceCart(ctx.db, owner)), 200);
    },
  );
}
