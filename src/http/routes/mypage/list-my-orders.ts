// GET /api/mypage/orders: the member's orders, newest first, a page at a time.
import { createRoute } from '@hono/zod-openapi';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { listMemberOrders } from '../../../modules/ordering/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { orderListQuerySchema, orderListSchema, orderSummaryJson } from './order-schemas.js';

/** The route. */
export function listMyOrdersRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/orders',
      tags: ['mypage'],
      summary: 'My orders',
      request: { query: orderListQuerySchema },
      responses: {
        200: { description: 'newest first', content: { 'application/json': { schema: orderListSchema } } },
        401: problem('not signed in'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const { page, pageSize } = c.req.valid('query');
      const { orders, total } = await listMemberOrders(ctx.db, { memberId, page, pageSize });
      return c.json({ orders: orders.map(orderSummaryJson), page, pageSize, total }, 200);
    },
  );
}
