// GET /api/admin/orders, /api/admin/orders/{id} and /api/admin/provisioning-queue: orders and the lines waiting for a start.
import { createRoute, z } from '@hono/zod-openapi';
import { parsePlainDate } from '../../../domain/dates.js';
import { getOrderForOperator } from '../../../flows/get-order-for-operator.js';
import { searchOrders } from '../../../modules/ordering/index.js';
import { listProvisioningQueue } from '../../../modules/provisioning/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';
import {
  adminOrderJson,
  adminOrderSchema,
  adminOrderSummaryJson,
  adminOrderSummarySchema,
  orderStatusSchema,
  provisioningQueueItemJson,
  provisioningQueueItemSchema,
} from './order-schemas.js';

const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional();

/** Orders newest first, searched and paged. */
export function adminListOrdersRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/orders',
      tags: ['admin'],
      summary: 'Orders',
      description:
        'Newest first. `number`: part of an order number; `member`: a member id or part of the login ID, name, company or email; `status`: the order status; `placedFrom`/`placedTo`: order dates (Asia/Tokyo, inclusive); `limit` (1–200, 50) and `offset` page through `total`.',
      middleware: [requirePermission('orders.read')] as const,
      request: {
        query: z.object({
          number: z.string().max(40).optional(),
          member: z.string().max(200).optional(),
          status: orderStatusSchema.optional(),
          placedFrom: dateParam.openapi({ example: '2026-04-01' }),
          placedTo: dateParam.openapi({ example: '2026-04-30' }),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: {
          description: 'a page of orders and the number of matches',
          content: {
            'application/json': {
              schema: z.object({ orders: z.array(adminOrderSummarySchema), total: z.number().int() }),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        422: problem('a query parameter is invalid'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await searchOrders(c.get('ctx').db, {
        number: q.number,
        member: q.member,
        status: q.status,
        placedFrom: q.placedFrom ? parsePlainDate(q.placedFrom) : undefined,
        placedTo: q.placedTo ? parsePlainDate(q.placedTo) : undefined,
        limit: q.limit,
        offset: q.offset,
      });
      return c.json({ orders: page.items.map(adminOrderSummaryJson), total: page.total }, 200);
    },
  );
}

/** One order with lines, timeline, consents and provisioning requests with their delivery. */
export function adminGetOrderRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/orders/{id}',
      tags: ['admin'],
      summary: 'One order',
      description:
        "The order as placed (contacts, amounts, payment method), its lines with status and start date, the timeline, the consents with document versions, and each line's provisioning request with its delivery (webhook and mails).",
      middleware: [requirePermission('orders.read')] as const,
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        200: { description: 'the order', content: { 'application/json': { schema: adminOrderSchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such order'),
      },
    }),
    async (c) =>
      c.json(
        adminOrderJson(
          await getOrderForOperator(c.get('ctx').db, c.req.valid('param').id, c.get('ctx').clock.now()),
        ),
        200,
      ),
  );
}

/** Lines waiting for their start (received or preparing), oldest first. */
export function adminProvisioningQueueRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/provisioning-queue',
      tags: ['admin'],
      summary: 'The provisioning queue',
      description:
        "Order lines not yet started or rejected, oldest order first, optionally of one provider (`providerId`). The store's own products have no request (an operator starts them); a provider's show how the hand-off was delivered, so a failed one can be resent.",
      middleware: [requirePermission('orders.read')] as const,
      request: {
        query: z.object({
          providerId: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: {
          description: 'a page of waiting lines and their number',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(provisioningQueueItemSchema), total: z.number().int() }),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listProvisioningQueue(c.get('ctx').db, q);
      return c.json({ items: page.items.map(provisioningQueueItemJson), total: page.total }, 200);
    },
  );
}
