// POST /api/mypage/contracts/{contractId}/change-quote: the price difference of a change, the date it takes effect and the next invoice, before the member applies.
import { createRoute } from '@hono/zod-openapi';
import { quoteChange } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { changeQuoteJson, changeQuoteSchema, changeWishOf, changeWishSchema } from './change-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';

/** The route; another member's contract is 404. Changes nothing. */
export function quoteMyChangeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/contracts/{contractId}/change-quote',
      tags: ['mypage'],
      summary: 'Quote a change of one of my contracts (quantity, options, plan)',
      description:
        "The new content is priced by the store's estimate engine; the difference for the rest of the term the change falls in follows the product's proration rule (`none`: in full, `daily`, `monthly`: a started month in full), each side rounded down. Amounts exclude tax.",
      request: {
        params: contractIdParamsSchema,
        body: { required: true, content: { 'application/json': { schema: changeWishSchema } } },
      },
      responses: {
        200: { description: 'the quote', content: { 'application/json': { schema: changeQuoteSchema } } },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
        409: problem('the contract cannot be changed in its status'),
        422: problem(
          'a date in the past or after the last day, a quantity the product does not allow to change or out of range, an unknown plan or option, nothing changed',
        ),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const quote = await quoteChange(ctx.db, {
        contractId: c.req.valid('param').contractId,
        memberId,
        wish: changeWishOf(c.req.valid('json')),
        now: ctx.clock.now(),
      });
      return c.json(changeQuoteJson(quote), 200);
    },
  );
}
