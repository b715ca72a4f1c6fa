// POST /api/mypage/orders: places the order ("注文を実行する"), once per Idempotency-Key.
import { createRoute, z } from '@hono/zod-openapi';
import { placeOrder } from '../../../flows/place-order.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { idempotent } from '../../middleware/idempotency.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { checkoutInputOf, placeOrderSchema } from './checkout-schemas.js';
import { orderDetailJson, orderDetailResponse } from './order-schemas.js';

/** The route; a retry with the same key answers the same order. */
export function placeOrderRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/orders',
      tags: ['mypage'],
      summary: 'Place the order',
      middleware: [
        idempotent(async (c) => `member:${await requireMemberId(c.get('ctx'), c.req.raw.headers)}`),
      ] as const,
      request: {
        headers: z.object({
          'idempotency-key': z.string().min(1).max(255).openapi({ description: 'one per order attempt' }),
        }),
        body: { required: true, content: { 'application/json': { schema: placeOrderSchema } } },
      },
      responses: {
        201: orderDetailResponse,
        400: problem('no Idempotency-Key'),
        401: problem('not signed in'),
        409: problem(
          'the quote changed since confirmation (order_quote_changed), a trial already used, nothing to order, or the same request still running',
        ),
        422: problem('a field is invalid, or the key was used for another request'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const body = c.req.valid('json');
      const { order } = await placeOrder(ctx.db, {
        memberId,
        idempotencyKey: c.req.valid('header')['idempotency-key'],
        checkout: checkoutInputOf(body),
        quote: body.quote,
        actor: { kind: 'member', id: memberId },
        now: ctx.clock.now(),
      });
      return c.json(orderDetailJson(order), 201);
    },
  );
}
