// GET /api/mypage/contracts/{contractId}/renewal: how the contract renews, its next-term change and the deadline that applies now.
import { createRoute } from '@hono/zod-openapi';
import { getContractRow, nextTermDeadlineOf } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';
import { contractRenewalStateSchema, renewalStateJson } from './renewal-schemas.js';

/** The route; another member's contract is 404. */
export function getMyRenewalStateRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/contracts/{contractId}/renewal',
      tags: ['mypage'],
      summary: 'How one of my contracts renews, with the next-term change deadline',
      request: { params: contractIdParamsSchema },
      responses: {
        200: {
          description: 'the renewal state',
          content: { 'application/json': { schema: contractRenewalStateSchema } },
        },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const row = await getContractRow(ctx.db, { contractId: c.req.valid('param').contractId, memberId });
      return c.json(renewalStateJson(row, nextTermDeadlineOf(row)), 200);
    },
  );
}
