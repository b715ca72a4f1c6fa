// PATCH /api/store/cart/items/{itemId}: changes plan, term, quantity, options or usage of an item.
import { createRoute } from '@hono/zod-openapi';
import { changeCartItem, orderingErrors, priceCart } from '../../../modules/ordering/index.js';
import { createRouter } from '../../openapi-app.js';
import { cartOwnerOf } from './cart-access.js';
import { cartItemChoiceSchema, cartItemParams, cartJson, cartResponse } from './cart-schemas.js';
import { problem } from './identity-schemas.js';

/** The route; it answers with the whole re-priced cart. */
export function changeCartItemRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'patch',
      path: '/api/store/cart/items/{itemId}',
      tags: ['store'],
      summary: 'Change the plan, term, quantity, options or usage of an item',
      request: {
        params: cartItemParams,
        body: { required: true, content: { 'application/json': { schema: cartItemChoiceSchema } } },
      },
      responses: {
        200: cartResponse,
        404: problem('no such item in this cart'),
        422: problem('the choice is not possible'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const owner = await cartOwnerOf(c, { create: false });
      if (!owner) throw orderingErrors.cartItemNotFound();
      await changeCartItem(ctx.db, {
        owner,
        itemId: c.req.valid('param').itemId,
        choice: c.req.valid('json'),
        now: ctx.clock.now(),
      });
      return c.json(cartJson(await priceCart(ctx.db, owner)), 200);
    },
  );
}
