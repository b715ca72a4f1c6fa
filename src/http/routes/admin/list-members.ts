// GET /api/admin/members: find members by login ID, name, kana or email.
import { createRoute, z } from '@hono/zod-openapi';
import { searchMembers } from '../../../modules/identity/auth-index.js';
import { memberStatuses } from '../../../modules/identity/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';
import { adminMemberSummarySchema } from './member-schemas.js';

const querySchema = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'login ID, name, kana or email; literal, ignoring case' }),
  status: z.enum(memberStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Matching members, newest first, with the number of matches for paging. */
export function adminListMembersRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/members',
      tags: ['admin'],
      summary: 'Search members',
      middleware: [requirePermission('members.read')] as const,
      request: { query: querySchema },
      responses: {
        200: {
          description: 'newest first',
          content: {
            'application/json': {
              schema: z
                .object({
                  items: z.array(adminMemberSummarySchema),
                  total: z.number().int(),
                  limit: z.number().int(),
                  offset: z.number().int(),
                })
                .openapi('AdminMemberPage'),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        422: problem('a filter is not valid'),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await searchMembers(c.get('ctx').db, {
        search: query.q,
        status: query.status,
        limit: query.limit,
        offset: query.offset,
      });
      return c.json(
        {
          items: page.items.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
          total: page.total,
          limit: query.limit,
          offset: query.offset,
        },
        200,
      );
    },
  );
}
