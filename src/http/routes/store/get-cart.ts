// GET /api/store/cart: the cart of the signed-in member or of the guest's browser, re-priced now.
import { createRoute } from '@hono/zod-openapi';
import { priceCart } from '../../../modules/ordering/index.js';
import { createRouter } from '../../openapi-app.js';
import { cartOwnerOf } from './cart-access.js';
import { cartJson, cartResponse } from './cart-schemas.js';

/** The route; it answers with the whole re-priced cart. */
export function getCartRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/store/cart',
      tags: ['store'],
      summary: 'The cart',
      responses: { 200: cartResponse },
    }),
    async (c) => {
      const owner = await cartOwnerOf(c, { create: false });
      const cart = owner
        ? await priceCart(c.get('ctx').db, owner)
        : { cartId: null, items: [], totals: null };
      return c.json(cartJson(cart), 200);
    },
  );
}
