// GET /api/admin/deliveries/failed: mails, SMS and webhook messages that failed for good, for support to retry.
import { createRoute, z } from '@hono/zod-openapi';
import { listFailedDeliveries } from '../../../modules/notifications/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';

const failedDeliverySchema = z
  .object({
    kind: z.enum(['mail', 'sms', 'webhook']),
    id: z.string(),
    recipient: z.string().openapi({
      description: 'masked: `t***@example.jp`, `••••5678`, or the webhook endpoint host',
      example: 't***@example.jp',
    }),
    subject: z.string().nullable().openapi({ description: "the mail's subject; null for SMS and webhooks" }),
    eventType: z.string().nullable().openapi({ description: "the webhook's event type; null otherwise" }),
    attempts: z.number().int(),
    reason: z.string().nullable().openapi({ description: 'why the last try failed, addresses masked' }),
    providerCode: z.string().nullable().openapi({
      description: "the SMS provider's error code or the webhook receiver's HTTP status",
    }),
    createdAt: z.string(),
    retryable: z.boolean().openapi({ description: 'false when the webhook endpoint is disabled' }),
  })
  .openapi('FailedDelivery');

/** The failed deliveries, newest first. */
export function adminListFailedDeliveriesRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/deliveries/failed',
      tags: ['admin'],
      summary: 'Mails, SMS and webhooks that failed for good',
      middleware: [requirePermission('deliveries.read')] as const,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) }) },
      responses: {
        200: {
          description: 'newest first',
          content: {
            'application/json': { schema: z.object({ deliveries: z.array(failedDeliverySchema) }) },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => {
      const deliveries = await listFailedDeliveries(c.get('ctx').db, c.req.valid('query').limit);
      return c.json(
        { deliveries: deliveries.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })) },
        200,
      );
    },
  );
}
