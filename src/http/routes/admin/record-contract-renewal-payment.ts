// POST /api/admin/contracts/{id}/renewals/{renewalId}/payment: record that a manual renewal was paid (until payments exist).
import { createRoute, z } from '@hono/zod-openapi';
import { recordContractRenewalPayment } from '../../../flows/record-contract-renewal-payment.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';

const paidSchema = z
  .object({
    contractId: z.string(),
    renewalId: z.string(),
    status: z.literal('paid'),
    termStart: z.string(),
    termEnd: z.string(),
    total: z.number().int(),
    applied: z
      .boolean()
      .openapi({ description: 'true: the term had begun, so the contract is already in it' }),
    currentTermStart: z.string(),
    currentTermEnd: z.string(),
  })
  .openapi('RecordedRenewalPayment');

/** The route (billing, and the owner). */
export function recordContractRenewalPaymentRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/contracts/{id}/renewals/{renewalId}/payment',
      tags: ['admin'],
      summary: 'Record the payment of a manual renewal (更新の入金記録)',
      middleware: [requirePermission('contracts.record_payment')] as const,
      request: {
        params: z.object({ id: z.string().max(60), renewalId: z.string().max(60) }),
        body: {
          content: {
            'application/json': {
              schema: z.object({ reason: z.string().trim().max(500).nullable().default(null) }),
            },
          },
        },
      },
      responses: {
        200: { description: 'paid', content: { 'application/json': { schema: paidSchema } } },
        404: problem('no such contract or renewal'),
        409: problem('the renewal is not awaiting payment'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id, renewalId } = c.req.valid('param');
      const done = await recordContractRenewalPayment(ctx.db, {
        contractId: id,
        renewalId,
        actor: operatorActor(c),
        reason: c.req.valid('json').reason,
        now: ctx.clock.now(),
      });
      return c.json(
        {
          contractId: id,
          renewalId,
          status: 'paid' as const,
          termStart: done.renewal.termStart,
          termEnd: done.renewal.termEnd,
          total: done.total,
          applied: done.applied,
          currentTermStart: done.contract.currentTermStart,
          currentTermEnd: done.contract.currentTermEnd,
        },
        200,
      );
    },
  );
}
