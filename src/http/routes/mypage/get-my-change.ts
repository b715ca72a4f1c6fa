// GET /api/mypage/contracts/{contractId}/changes/open: the open change application of one of my contracts, or null.
import { createRoute, z } from '@hono/zod-openapi';
import { getOpenChange } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractRequestJson, contractRequestSchema } from './cancellation-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';

/** The route; another member's contract is 404. */
export function getMyChangeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/contracts/{contractId}/changes/open',
      tags: ['mypage'],
      summary: 'The open change application of one of my contracts',
      request: { params: contractIdParamsSchema },
      responses: {
        200: {
          description: 'the requested or scheduled change, null when there is none',
          content: { 'application/json': { schema: z.object({ change: contractRequestSchema.nullable() }) } },
        },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const open = await getOpenChange(ctx.db, { contractId: c.req.valid('param').contractId, memberId });
      return c.json({ change: open ? contractRequestJson(open) : null }, 200);
    },
  );
}
