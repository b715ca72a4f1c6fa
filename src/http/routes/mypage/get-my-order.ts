// GET /api/mypage/orders/{orderId}: one of the member's orders with lines, statuses, consents and timeline.
import { createRoute } from '@hono/zod-openapi';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { getOrderDetail } from '../../../modules/ordering/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { orderDetailJson, orderDetailResponse, orderIdParamsSchema } from './order-schemas.js';

/** The route; another member's order answers exactly like an unknown one (404). */
export function getMyOrderRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/orders/{orderId}',
      tags: ['mypage'],
      summary: 'One of my orders',
      request: { params: orderIdParamsSchema },
      responses: {
        200: orderDetailResponse,
        401: problem('not signed in'),
        404: problem('no such order of this member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const order = await getOrderDetail(ctx.db, { orderId: c.req.valid('param').orderId, memberId });
      return c.json(orderDetailJson(order), 200);
    },
  );
}
