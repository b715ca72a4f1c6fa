// GET /api/admin/registrations: the review queue (by default the registrations waiting for review), longest waiting first.
import { createRoute, z } from '@hono/zod-openapi';
import { listRegistrations } from '../../../modules/identity/auth-index.js';
import { memberStatuses } from '../../../modules/identity/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';
import { adminRegistrationSchema } from './registration-schemas.js';

const querySchema = z.object({
  status: z.enum(memberStatuses).default('pending_review'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Registrations in a status, with every field of the form the operator reviews. */
export function adminListRegistrationsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/registrations',
      tags: ['admin'],
      summary: 'The registration review queue',
      middleware: [requirePermission('registrations.review')] as const,
      request: { query: querySchema },
      responses: {
        200: {
          description: 'oldest confirmation first',
          content: {
            'application/json': {
              schema: z
                .object({
                  items: z.array(adminRegistrationSchema),
                  total: z.number().int(),
                  limit: z.number().int(),
                  offset: z.number().int(),
                })
                .openapi('AdminRegistrationPage'),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        422: problem('a query parameter is invalid'),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await listRegistrations(c.get('ctx').db, query);
      return c.json(
        {
          items: page.items.map((r) => ({
            ...r,
            createdAt: r.createdAt.toISOString(),
            confirmedAt: r.confirmedAt?.toISOString() ?? null,
            reviewedAt: r.reviewedAt?.toISOString() ?? null,
          })),
          total: page.total,
          limit: query.limit,
          offset: query.offset,
        },
        200,
      );
    },
  );
}
