// POST /api/mypage/contracts/{contractId}/cancellation: the member's cancellation application (解約申込) with a desired last day.
import { createRoute, z } from '@hono/zod-openapi';
import { applyForCancellation } from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractRequestJson, contractRequestSchema } from './cancellation-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';

/** The route; another member's contract is 404. */
export function applyMyCancellationRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/contracts/{contractId}/cancellation',
      tags: ['mypage'],
      summary: 'Apply for the cancellation of one of my contracts (解約申込)',
      description:
        'A last day outside the product lead time is scheduled at once (`scheduled`, the contract becomes `cancellation_scheduled`); one inside it is `requested` and an operator confirms it or proposes another date. The early-termination fee is the one `GET …/cancellation-quote` shows for the same day.',
      request: {
        params: contractIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  endDate: z.string().max(10).openapi({
                    description: 'the desired last day of service (YYYY-MM-DD)',
                    example: '2026-09-30',
                  }),
                })
                .openapi('CancellationApplication'),
            },
          },
        },
      },
      responses: {
        201: {
          description: 'the application',
          content: { 'application/json': { schema: contractRequestSchema } },
        },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
        409: problem('ended or expired, or a cancellation already applied for'),
        422: problem('the date is not a real date, or not after today'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const request = await applyForCancellation(ctx.db, {
        contractId: c.req.valid('param').contractId,
        memberId,
        endDate: c.req.valid('json').endDate,
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json(contractRequestJson(request), 201);
    },
  );
}
