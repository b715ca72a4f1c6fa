// POST /api/mypage/contracts/{contractId}/renewals: proceed with the renewal quote; the renewal waits for its payment.
import { createRoute } from '@hono/zod-openapi';
import { requestRenewal } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';
import { quoteJson, renewalChoiceSchema, requestedRenewalSchema } from './renewal-schemas.js';

/** The route; another member's contract is 404. */
export function requestMyRenewalRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/contracts/{contractId}/renewals',
      tags: ['mypage'],
      summary: 'Apply for the manual renewal of one of my contracts (pending until paid)',
      request: {
        params: contractIdParamsSchema,
        body: { content: { 'application/json': { schema: renewalChoiceSchema } } },
      },
      responses: {
        201: {
          description: 'the pending renewal',
          content: { 'application/json': { schema: requestedRenewalSchema } },
        },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
        409: problem('renews automatically, outside the window, or an earlier renewal is unpaid (named)'),
        422: problem('a term or option the product does not offer'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const renewal = await requestRenewal(ctx.db, {
        contractId: c.req.valid('param').contractId,
        memberId,
        choice: c.req.valid('json'),
        actor: { kind: 'member', id: memberId },
        now: ctx.clock.now(),
      });
      return c.json(quoteJson(renewal), 201);
    },
  );
}
