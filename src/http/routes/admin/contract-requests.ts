// GET /api/admin/contract-requests and POST …/{id}/confirm: the console's queue of cancellations and changes wished inside the lead time, confirmed or re-dated.
import { createRoute, z } from '@hono/zod-openapi';
import {
  type ContractRequestQueueItem,
  confirmCancellationRequest,
  listContractRequests,
} from '../../../modules/contracts/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { contractRequestJson, contractRequestSchema } from '../mypage/cancellation-schemas.js';
import { contractStatusSchema } from '../mypage/contract-schemas.js';
import { bilingualSchema } from '../store/catalog-schemas.js';
import { operatorActor, problem } from './admin-schemas.js';

const queueItemSchema = contractRequestSchema
  .extend({
    contract: z.object({
      id: z.string(),
      number: z.string(),
      productName: bilingualSchema,
      status: contractStatusSchema,
    }),
    member: z.object({
      id: z.string(),
      loginId: z.string(),
      name: z.string(),
      companyName: z.string().nullable(),
    }),
  })
  .openapi('ContractRequestQueueItem');

function queueItemJson(item: ContractRequestQueueItem) {
  return {
    ...contractRequestJson(item),
    contract: {
      id: item.contract.id,
      number: item.contract.number,
      productName: { ja: item.contract.productNameJa, en: item.contract.productNameEn },
      status: item.contract.status as z.infer<typeof contractStatusSchema>,
    },
    member: item.member,
  };
}

/** The queue of applications, `requested` (waiting for a decision) by default. */
export function adminListContractRequestsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/contract-requests',
      tags: ['admin'],
      summary: 'Cancellations and changes waiting for a decision',
      description:
        'Earliest wished date first, at most 200. `state`: `requested` (default), `scheduled`, `withdrawn`, `done`.',
      middleware: [requirePermission('contracts.read')] as const,
      request: {
        query: z.object({ state: z.enum(['requested', 'scheduled', 'withdrawn', 'done']).optional() }),
      },
      responses: {
        200: {
          description: 'the applications',
          content: { 'application/json': { schema: z.object({ requests: z.array(queueItemSchema) }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        422: problem('unknown state'),
      },
    }),
    async (c) => {
      const items = await listContractRequests(c.get('ctx').db, { state: c.req.valid('query').state });
      return c.json({ requests: items.map(queueItemJson) }, 200);
    },
  );
}

/** Confirms a requested cancellation for the wished last day, or for another day the store can meet. */
export function adminConfirmContractRequestRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/contract-requests/{id}/confirm',
      tags: ['admin'],
      summary: 'Confirm a requested cancellation or change, or propose another date',
      description:
        'A cancellation: without `endDate` the wished last day is confirmed; with one, that day is the last day (re-dated). The contract becomes `cancellation_scheduled`, the member gets the 解約受付 mail with the date it takes effect, the provider is told. A change: without `effectiveDate` the wished first day is confirmed; another one needs a `reason`, and the difference is worked out again for it; the member gets the 契約変更受付 mail with the date. Audited.',
      middleware: [requirePermission('contracts.decide')] as const,
      request: {
        params: z.object({ id: z.string().min(1).max(100) }),
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  endDate: z.string().max(10).optional().openapi({
                    description: 'a cancellation: another last day of service',
                    example: '2026-10-31',
                  }),
                  effectiveDate: z.string().max(10).optional().openapi({
                    description: 'a change: another first day with the new content (needs a reason)',
                    example: '2026-10-01',
                  }),
                  reason: z.string().trim().min(1).max(1000).optional().openapi({
                    description: 'why another date, shown in the timeline and the audit log',
                  }),
                })
                .openapi('ContractRequestDecision'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'the scheduled application',
          content: { 'application/json': { schema: contractRequestSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such application'),
        409: problem(
          'the application is not waiting for a decision, or the contract cannot be cancelled or changed',
        ),
        422: problem(
          'the date is not a real date, or before the earliest allowed; another change date without a reason',
        ),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const done = await confirmCancellationRequest(ctx.db, {
        requestId: c.req.valid('param').id,
        endDate: body.endDate,
        effectiveDate: body.effectiveDate,
        actor: operatorActor(c),
        reason: body.reason ?? null,
        now: ctx.clock.now(),
      });
      return c.json(contractRequestJson(done), 200);
    },
  );
}
