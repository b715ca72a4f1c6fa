// PUT /api/mypage/contracts/{contractId}/next-term: 次回ご契約内容の変更 — term length, options and the wallet renewal day, until the deadline.
import { createRoute, z } from '@hono/zod-openapi';
import { changeNextTerm, nextTermDeadlineOf } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';
import { contractRenewalStateSchema, renewalChoiceSchema, renewalStateJson } from './renewal-schemas.js';

/** The route; another member's contract is 404. */
export function changeMyNextTermRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'put',
      path: '/api/mypage/contracts/{contractId}/next-term',
      tags: ['mypage'],
      summary: 'Change the next term of one of my automatically renewed contracts',
      request: {
        params: contractIdParamsSchema,
        body: {
          content: {
            'application/json': {
              schema: renewalChoiceSchema.extend({
                walletRenewalDay: z
                  .union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(25)])
                  .optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'the renewal state',
          content: { 'application/json': { schema: contractRenewalStateSchema } },
        },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
        409: problem('after the deadline (named), or the contract renews by hand'),
        422: problem('a term or option the product does not offer'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const body = c.req.valid('json');
      const row = await changeNextTerm(ctx.db, {
        contractId: c.req.valid('param').contractId,
        memberId,
        ...(body.term !== undefined ? { term: body.term } : {}),
        ...(body.options !== undefined ? { options: body.options } : {}),
        ...(body.walletRenewalDay !== undefined ? { walletRenewalDay: body.walletRenewalDay } : {}),
        actor: { kind: 'member', id: memberId },
        now: ctx.clock.now(),
      });
      return c.json(renewalStateJson(row, nextTermDeadlineOf(row)), 200);
    },
  );
}
