// POST /api/admin/deliveries/{kind}/{id}/retry: sends a failed mail, SMS or webhook message again.
import { createRoute, z } from '@hono/zod-openapi';
import { retryFailedDelivery } from '../../../modules/notifications/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';

/** Puts the failed row back in the queue; audited, and refused unless it is still failed. */
export function adminRetryFailedDeliveryRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/deliveries/{kind}/{id}/retry',
      tags: ['admin'],
      summary: 'Retry a failed delivery',
      middleware: [requirePermission('deliveries.retry')] as const,
      request: {
        params: z.object({
          kind: z.enum(['message', 'webhook']).openapi({ description: '`message` for mail and SMS' }),
          id: z.string().max(64),
        }),
      },
      responses: {
        200: {
          description: 'queued again',
          content: { 'application/json': { schema: z.object({ status: z.literal('pending') }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such delivery (`delivery_not_found`)'),
        409: problem(
          'not failed (`delivery_retry_not_needed`) or the endpoint is disabled (`webhook_endpoint_disabled`); nothing changed',
        ),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { kind, id } = c.req.valid('param');
      await retryFailedDelivery(ctx.db, { kind, id, actor: operatorActor(c), now: ctx.clock.now() });
      return c.json({ status: 'pending' as const }, 200);
    },
  );
}
