// GET /api/mypage/contracts: the member's contracts (契約一覧), newest start first, a page at a time.
import { createRoute } from '@hono/zod-openapi';
import { listMemberContracts } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractListQuerySchema, contractListSchema, contractSummaryJson } from './contract-schemas.js';

/** The route. */
export function listMyContractsRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/contracts',
      tags: ['mypage'],
      summary: 'My contracts',
      request: { query: contractListQuerySchema },
      responses: {
        200: {
          description: 'newest start first',
          content: { 'application/json': { schema: contractListSchema } },
        },
        401: problem('not signed in'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const { page, pageSize } = c.req.valid('query');
      const { contracts, total } = await listMemberContracts(ctx.db, { memberId, page, pageSize });
      return c.json({ contracts: contracts.map(contractSummaryJson), page, pageSize, total }, 200);
    },
  );
}
