// GET /api/mypage/checkout: the signed-in member's cart as a checkout — contacts, order fields, payment methods, consents, amounts.
import { createRoute } from '@hono/zod-openapi';
import { buildCheckout } from '../../../flows/build-checkout.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { checkoutJson, checkoutSchema } from './checkout-schemas.js';

/** The route; an empty cart answers with no lines (the page says so). */
export function getCheckoutRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/checkout',
      tags: ['mypage'],
      summary: 'The checkout of my cart',
      responses: {
        200: { description: 'the checkout', content: { 'application/json': { schema: checkoutSchema } } },
        401: problem('not signed in'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      return c.json(checkoutJson(await buildCheckout(ctx.db, { memberId, now: ctx.clock.now() })), 200);
    },
  );
}
