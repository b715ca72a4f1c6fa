// PUT /api/mypage/contracts/{contractId}/payment-method: change the contract's payment method where the store allows it on the contract.
import { createRoute, z } from '@hono/zod-openapi';
import { paymentMethodKeys } from '../../../domain/catalog.js';
import { changePaymentMethod, nextTermDeadlineOf } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';
import { contractRenewalStateSchema, renewalStateJson } from './renewal-schemas.js';

/** The route; another member's contract is 404. */
export function changeMyPaymentMethodRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'put',
      path: '/api/mypage/contracts/{contractId}/payment-method',
      tags: ['mypage'],
      summary: 'Change the payment method of one of my contracts (store setting: on the contract)',
      request: {
        params: contractIdParamsSchema,
        body: {
          content: { 'application/json': { schema: z.object({ method: z.enum(paymentMethodKeys) }) } },
        },
      },
      responses: {
        200: {
          description: 'the renewal state',
          content: { 'application/json': { schema: contractRenewalStateSchema } },
        },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
        409: problem(
          'the store changes payment methods only by re-contracting, or a renewal awaits payment (named)',
        ),
        422: problem('a payment method the product does not offer'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const row = await changePaymentMethod(ctx.db, {
        contractId: c.req.valid('param').contractId,
        memberId,
        method: c.req.valid('json').method,
        actor: { kind: 'member', id: memberId },
        now: ctx.clock.now(),
      });
      return c.json(renewalStateJson(row, nextTermDeadlineOf(row)), 200);
    },
  );
}
