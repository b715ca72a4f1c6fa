// GET /api/mypage/contracts/{contractId}/cancellation-quote: the earliest last day and the early-termination fee, before the member applies.
import { createRoute, z } from '@hono/zod-openapi';
import { quoteCancellation } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';

export const cancellationQuoteSchema = z
  .object({
    contractId: z.string(),
    endDate: z.string().openapi({ description: 'the last day of service quoted (YYYY-MM-DD)' }),
    earliestDate: z.string().openapi({ description: 'the first last day the lead time allows' }),
    leadBusinessDays: z.number().int(),
    withinLeadTime: z
      .boolean()
      .openapi({ description: 'true: accepted as requested; an operator confirms the date' }),
    minimumTermEnd: z.string().nullable(),
    remainingMinimumTermMonths: z.number().int(),
    feeKind: z.enum(['none', 'remaining_months', 'fixed']),
    earlyTerminationFee: z.number().int().openapi({ description: 'tax excluded' }),
  })
  .openapi('CancellationQuote');

/** The route; another member's contract is 404. */
export function quoteMyCancellationRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/contracts/{contractId}/cancellation-quote',
      tags: ['mypage'],
      summary: 'Quote a cancellation of one of my contracts',
      request: {
        params: contractIdParamsSchema,
        query: z.object({
          endDate: z.string().max(10).optional().openapi({
            description: 'the desired last day of service; the earliest allowed when absent',
            example: '2026-08-31',
          }),
        }),
      },
      responses: {
        200: {
          description: 'the quote',
          content: { 'application/json': { schema: cancellationQuoteSchema } },
        },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
        409: problem('the contract cannot be cancelled in its status'),
        422: problem('the date is not a real date, or not after today'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const quote = await quoteCancellation(ctx.db, {
        contractId: c.req.valid('param').contractId,
        memberId,
        endDate: c.req.valid('query').endDate,
        now: ctx.clock.now(),
      });
      return c.json(quote, 200);
    },
  );
}
