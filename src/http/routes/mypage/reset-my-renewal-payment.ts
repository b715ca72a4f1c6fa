// POST /api/mypage/contracts/{contractId}/renewal-reset: 支払い方法をリセットする — automatic renewal off, the next renewal by hand.
import { createRoute } from '@hono/zod-openapi';
import { nextTermDeadlineOf, resetRenewalPayment } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';
import { contractRenewalStateSchema, renewalStateJson } from './renewal-schemas.js';

/** The route; another member's contract is 404. */
export function resetMyRenewalPaymentRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/contracts/{contractId}/renewal-reset',
      tags: ['mypage'],
      summary: 'Turn automatic renewal off for one of my contracts',
      request: { params: contractIdParamsSchema },
      responses: {
        200: {
          description: 'the renewal state',
          content: { 'application/json': { schema: contractRenewalStateSchema } },
        },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
        409: problem('the contract renews by hand already'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const row = await resetRenewalPayment(ctx.db, {
        contractId: c.req.valid('param').contractId,
        memberId,
        actor: { kind: 'member', id: memberId },
        now: ctx.clock.now(),
      });
      return c.json(renewalStateJson(row, nextTermDeadlineOf(row)), 200);
    },
  );
}
