// POST /api/mypage/contracts/{contractId}/renewal-quote: the renewal quote (見積を変更する) for a chosen term and options; changes nothing.
import { createRoute } from '@hono/zod-openapi';
import { businessDateAt } from '../../../domain/clock.js';
import { assertRenewalQuotable, getContractRow, priceRenewal } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';
import { quoteJson, renewalChoiceSchema, renewalQuoteSchema } from './renewal-schemas.js';

/** The route; another member's contract is 404. */
export function quoteMyRenewalRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/contracts/{contractId}/renewal-quote',
      tags: ['mypage'],
      summary: 'Quote the manual renewal of one of my contracts',
      request: {
        params: contractIdParamsSchema,
        body: { content: { 'application/json': { schema: renewalChoiceSchema } } },
      },
      responses: {
        200: { description: 'the quote', content: { 'application/json': { schema: renewalQuoteSchema } } },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
        409: problem(
          'renews automatically, outside the window (with its opening date), or an earlier renewal is unpaid',
        ),
        422: problem('a term or option the product does not offer'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const row = await getContractRow(ctx.db, { contractId: c.req.valid('param').contractId, memberId });
      await assertRenewalQuotable(ctx.db, row, businessDateAt(ctx.clock.now()));
      const { quote } = await priceRenewal(ctx.db, row, c.req.valid('json'));
      return c.json(quoteJson(quote), 200);
    },
  );
}
