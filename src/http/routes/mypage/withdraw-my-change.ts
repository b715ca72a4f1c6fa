// POST /api/mypage/contracts/{contractId}/changes/withdraw: the member takes a change application back before its date.
import { createRoute } from '@hono/zod-openapi';
import { withdrawChange } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractRequestJson, contractRequestSchema } from './cancellation-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';

/** The route; another member's contract is 404. */
export function withdrawMyChangeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/contracts/{contractId}/changes/withdraw',
      tags: ['mypage'],
      summary: 'Withdraw the change application of one of my contracts',
      request: { params: contractIdParamsSchema },
      responses: {
        200: {
          description: 'the withdrawn application',
          content: { 'application/json': { schema: contractRequestSchema } },
        },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
        409: problem('no change to withdraw (none applied for, or already applied)'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const request = await withdrawChange(ctx.db, {
        contractId: c.req.valid('param').contractId,
        memberId,
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json(contractRequestJson(request), 200);
    },
  );
}
