// POST /api/mypage/checkout/confirm: validates the checkout and answers the confirmation with its quote token.
import { createRoute } from '@hono/zod-openapi';
import { confirmCheckout } from '../../../flows/confirm-checkout.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import {
  checkoutConfirmationSchema,
  checkoutInputOf,
  checkoutInputSchema,
  checkoutJson,
} from './checkout-schemas.js';

/** The route; nothing is written. */
export function confirmCheckoutRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/checkout/confirm',
      tags: ['mypage'],
      summary: 'Confirm the checkout: exact amounts and the quote to place the order with',
      request: { body: { required: true, content: { 'application/json': { schema: checkoutInputSchema } } } },
      responses: {
        200: {
          description: 'the confirmation',
          content: { 'application/json': { schema: checkoutConfirmationSchema } },
        },
        401: problem('not signed in'),
        409: problem('nothing to order (checkout_cart_empty) or a trial already used (trial_already_used)'),
        422: problem('a field is invalid: contacts, order fields, payment method, consents'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const confirmed = await confirmCheckout(ctx.db, {
        memberId,
        checkout: checkoutInputOf(c.req.valid('json')),
        now: ctx.clock.now(),
      });
      return c.json(
        { ...checkoutJson(confirmed.checkout), input: confirmed.input, quote: confirmed.quote },
        200,
      );
    },
  );
}
