// POST /api/mypage/contracts/{contractId}/changes: the member's change application with a desired date.
import { createRoute } from '@hono/zod-openapi';
import { applyForChange } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractRequestJson, contractRequestSchema } from './cancellation-schemas.js';
import { changeWishOf, changeWishSchema } from './change-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';

/** The route; another member's contract is 404. */
export function applyMyChangeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/contracts/{contractId}/changes',
      tags: ['mypage'],
      summary: 'Apply for a change of one of my contracts (quantity, options, plan) from a date',
      description:
        'A date outside the product lead time is `scheduled` at once; one inside it is `requested` and an operator confirms it or proposes another date. The change is applied on its date with the price `POST …/change-quote` shows for the same wish.',
      request: {
        params: contractIdParamsSchema,
        body: { required: true, content: { 'application/json': { schema: changeWishSchema } } },
      },
      responses: {
        201: {
          description: 'the application',
          content: { 'application/json': { schema: contractRequestSchema } },
        },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
        409: problem('the contract cannot be changed in its status, or a change is already applied for'),
        422: problem('as for the quote'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const request = await applyForChange(ctx.db, {
        contractId: c.req.valid('param').contractId,
        memberId,
        wish: changeWishOf(c.req.valid('json')),
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json(contractRequestJson(request), 201);
    },
  );
}
