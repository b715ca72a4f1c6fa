// GET /api/mypage/contracts/{contractId}: one of the member's contracts (契約詳細) with its history.
import { createRoute } from '@hono/zod-openapi';
import { getContract } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractDetailJson, contractDetailSchema, contractIdParamsSchema } from './contract-schemas.js';

/** The route; another member's contract answers exactly like an unknown one (404). */
export function getMyContractRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/contracts/{contractId}',
      tags: ['mypage'],
      summary: 'One of my contracts',
      request: { params: contractIdParamsSchema },
      responses: {
        200: {
          description: 'the contract and its history',
          content: { 'application/json': { schema: contractDetailSchema } },
        },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const contract = await getContract(ctx.db, { contractId: c.req.valid('param').contractId, memberId });
      return c.json(contractDetailJson(contract), 200);
    },
  );
}
