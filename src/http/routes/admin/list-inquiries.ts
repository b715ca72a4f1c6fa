// GET /api/admin/inquiries: the operator inbox, filtered and paged.
import { createRoute, z } from '@hono/zod-openapi';
import { inquiryCategories, inquiryStatuses } from '../../../domain/inquiries.js';
import { listInquiries } from '../../../modules/support/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';
import { adminInquirySummaryJson, adminInquirySummarySchema } from './inquiry-schemas.js';

const querySchema = z.object({
  status: z.enum(inquiryStatuses).optional(),
  category: z.enum(inquiryCategories).optional(),
  assignee: z.string().min(1).max(100).optional().openapi({
    description: 'an operator id, `me` for the signed-in operator, or `none` for unassigned inquiries',
  }),
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'number, subject, message, contact name or email; literal, ignoring case' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Inquiries newest first, with the number of matches for paging. */
export function adminListInquiriesRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/inquiries',
      tags: ['admin'],
      summary: 'Inquiry inbox',
      middleware: [requirePermission('inquiries.read')] as const,
      request: { query: querySchema },
      responses: {
        200: {
          description: 'newest first',
          content: {
            'application/json': {
              schema: z
                .object({
                  items: z.array(adminInquirySummarySchema),
                  total: z.number().int(),
                  limit: z.number().int(),
                  offset: z.number().int(),
                })
                .openapi('AdminInquiryPage'),
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
      const assignee =
        query.assignee === 'me'
          ? c.get('operator').id
          : query.assignee === 'none'
            ? undefined
            : query.assignee;
      const page = await listInquiries(c.get('ctx').db, {
        status: query.status,
        category: query.category,
        assigneeOperatorId: assignee,
        unassigned: query.assignee === 'none',
        search: query.q,
        limit: query.limit,
        offset: query.offset,
      });
      return c.json(
        {
          items: page.items.map(adminInquirySummaryJson),
          total: page.total,
          limit: query.limit,
          offset: query.offset,
        },
        200,
      );
    },
  );
}
