// POST /api/admin/members/{memberId}/billing-adjustments: an operator adds a charge or a credit to the member's next invoice, with a reason.
import { createRoute, z } from '@hono/zod-openapi';
import { recordBillingAdjustment } from '../../../modules/billing/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';

const adjustmentBody = z
  .object({
    amount: z
      .number()
      .int()
      .openapi({ description: 'Tax-exclusive whole yen, not 0; negative is a credit line.', example: -500 }),
    taxPercent: z.union([z.literal(10), z.literal(8)]).default(10),
    descriptionJa: z.string().trim().min(1).max(200),
    descriptionEn: z.string().trim().min(1).max(200),
    reason: z.string().max(500),
  })
  .openapi('BillingAdjustmentInput');

const adjustmentResult = z
  .object({
    chargeId: z.string(),
    memberId: z.string(),
    amount: z.number().int(),
    taxPercent: z.number().int(),
    transactionDate: z.string(),
  })
  .openapi('BillingAdjustment');

/** Records the adjustment; the next close bills it as one line. */
export function adminRecordBillingAdjustmentRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/members/{memberId}/billing-adjustments',
      tags: ['admin'],
      summary: 'Adjust a member’s next invoice (charge or credit)',
      description:
        'Dated today (Tokyo); the next close bills it on the member’s invoice as an `adjustment` line. Zero and a blank reason are refused. Audited `billing.adjustment_recorded` with the reason.',
      middleware: [requirePermission('billing.adjust')] as const,
      request: {
        params: z.object({ memberId: z.string() }),
        body: { required: true, content: { 'application/json': { schema: adjustmentBody } } },
      },
      responses: {
        201: { description: 'recorded', content: { 'application/json': { schema: adjustmentResult } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('member_not_found'),
        422: problem('adjustment_amount_zero, adjustment_reason_required'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const recorded = await recordBillingAdjustment(ctx.db, {
        memberId: c.req.valid('param').memberId,
        amount: body.amount,
        taxPercent: body.taxPercent,
        descriptionJa: body.descriptionJa,
        descriptionEn: body.descriptionEn,
        reason: body.reason,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(recorded, 201);
    },
  );
}
