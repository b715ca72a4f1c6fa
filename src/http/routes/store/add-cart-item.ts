// POST /api/store/cart/items: puts a product, as chosen in the simulator, into the cart.
import { createRoute } from '@hono/zod-openapi';
import { addCartItem, priceCart } from '../../../modules/ordering/index.js';
import { createRouter } from '../../openapi-app.js';
import { cartOwnerOf } from './cart-access.js';
import { cartItemAddSchema, cartJson, cartResponse } from './cart-schemas.js';
import { problem } from './identity-schemas.js';

/** The route; it answers with the whole re-priced cart. */
export function addCartItemRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/store/cart/items',
      tags: ['store'],
      summary: 'Put a product, as chosen, into the cart',
      request: { body: { required: true, content: { 'application/json': { schema: cartItemAddSchema } } } },
      responses: {
        201: cartResponse,
        404: problem('no published product with this slug or id'),
        409: problem('the cart is full'),
        422: problem('the choice is not possible (plan, term, option, quantity, usage)'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const owner = (await cartOwnerOf(c, { create: true }))!;
      await addCartItem(ctx.db, { owner, choice: c.req.valid('json'), now: ctx.clock.now() });
      return c.json(cartJson(await priceCart(ctx.db, owner)), 201);
    },
  );
}
