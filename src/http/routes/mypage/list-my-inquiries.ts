// GET /api/mypage/inquiries: the signed-in member's inquiries, newest first.
import { createRoute, z } from '@hono/zod-openapi';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { listMyInquiries } from '../../../modules/support/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { myInquirySummarySchema } from '../store/inquiry-schemas.js';

/** The session's member's inquiries, never anyone else's. */
export function listMyInquiriesRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/inquiries',
      tags: ['mypage'],
      summary: 'My inquiries',
      responses: {
        200: {
          description: 'the member’s inquiries',
          content: { 'application/json': { schema: z.object({ items: z.array(myInquirySummarySchema) }) } },
        },
        401: problem('not signed in'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const items = await listMyInquiries(ctx.db, memberId);
      return c.json(
        {
          items: items.map((item) => ({
            ...item,
            createdAt: item.createdAt.toISOString(),
            updatedAt: item.updatedAt.toISOString(),
          })),
        },
        200,
      );
    },
  );
}
