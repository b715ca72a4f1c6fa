// GET /api/admin/contracts and /api/admin/contracts/{id}, POST …/suspend and …/resume: the console's contracts.
import { createRoute, z } from '@hono/zod-openapi';
import {
  type ContractDetail,
  type ContractListItem,
  getContract,
  resumeContract,
  searchContracts,
  suspendContract,
} from '../../../modules/contracts/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import {
  contractDetailJson,
  contractDetailSchema,
  contractStatusSchema,
  contractSummaryJson,
  contractSummarySchema,
} from '../mypage/contract-schemas.js';
import { operatorActor, problem } from './admin-schemas.js';

const adminContractSummarySchema = contractSummarySchema
  .extend({
    member: z.object({
      id: z.string(),
      loginId: z.string(),
      name: z.string(),
      companyName: z.string().nullable(),
    }),
  })
  .openapi('AdminContractSummary');

const adminContractSchema = contractDetailSchema
  .extend({
    memberId: z.string(),
    providerId: z.string(),
    history: z.array(
      z.object({
        id: z.string(),
        kind: z.string().openapi({
          description: '`opened`, `status_changed`, `cancellation_requested`, `cancellation_withdrawn`',
        }),
        fromStatus: contractStatusSchema.nullable(),
        toStatus: contractStatusSchema.nullable(),
        toStatusLabel: z.object({ ja: z.string(), en: z.string() }).nullable(),
        actorKind: z.string(),
        actorId: z.string().nullable(),
        reason: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .openapi('AdminContract');

function adminContractJson(c: ContractDetail) {
  const json = contractDetailJson(c);
  return {
    ...json,
    memberId: c.memberId,
    providerId: c.providerId,
    history: json.history.map((h, i) => ({ ...h, actorId: c.history[i]!.actorId })),
  };
}

function adminContractSummaryJson(item: ContractListItem) {
  return { ...contractSummaryJson(item), member: item.member };
}

const idParams = z.object({ id: z.string().min(1).max(100) });
const reasonBody = {
  required: true,
  content: {
    'application/json': {
      schema: z
        .object({
          reason: z.string().trim().min(1).max(1000).openapi({
            description: 'why, shown in the timeline and the audit log',
            example: '請求書 INV-2026-000123 の未払いのため',
          }),
        })
        .openapi('ContractStatusReason'),
    },
  },
};

/** Contracts newest start first, searched and paged. */
export function adminListContractsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/contracts',
      tags: ['admin'],
      summary: 'Contracts',
      description:
        'Newest start first. `number`: part of a contract number; `member`: a member id or part of the login ID, name, company or email; `product`: a product id or part of its name; `status`; `renewalMonth` (`YYYY-MM`): contracts whose current term ends that month; `limit` (1–200, 50) and `offset` page through `total`.',
      middleware: [requirePermission('contracts.read')] as const,
      request: {
        query: z.object({
          number: z.string().max(40).optional(),
          member: z.string().max(200).optional(),
          product: z.string().max(200).optional(),
          status: contractStatusSchema.optional(),
          renewalMonth: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
            .optional()
            .openapi({ example: '2027-03' }),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: {
          description: 'a page of contracts and the number of matches',
          content: {
            'application/json': {
              schema: z.object({ contracts: z.array(adminContractSummarySchema), total: z.number().int() }),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        422: problem('a query parameter is invalid'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await searchContracts(c.get('ctx').db, q);
      return c.json({ contracts: page.items.map(adminContractSummaryJson), total: page.total }, 200);
    },
  );
}

/** One contract with its timeline. */
export function adminGetContractRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/contracts/{id}',
      tags: ['admin'],
      summary: 'One contract',
      middleware: [requirePermission('contracts.read')] as const,
      request: { params: idParams },
      responses: {
        200: {
          description: 'the contract',
          content: { 'application/json': { schema: adminContractSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such contract'),
      },
    }),
    async (c) =>
      c.json(
        adminContractJson(await getContract(c.get('ctx').db, { contractId: c.req.valid('param').id })),
        200,
      ),
  );
}

/** Suspends a contract with a reason. */
export function adminSuspendContractRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/contracts/{id}/suspend',
      tags: ['admin'],
      summary: 'Suspend a contract (停止)',
      description:
        'trial | active | cancellation scheduled → suspended; the status before is kept for resuming. Recorded in the timeline, as `contract.status_changed` and in the audit log.',
      middleware: [requirePermission('contracts.suspend')] as const,
      request: { params: idParams, body: reasonBody },
      responses: {
        200: {
          description: 'suspended',
          content: { 'application/json': { schema: adminContractSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such contract'),
        409: problem('the contract cannot be suspended from its status'),
        422: problem('no reason given'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const done = await suspendContract(ctx.db, {
        contractId: c.req.valid('param').id,
        actor: operatorActor(c),
        reason: c.req.valid('json').reason,
        now: ctx.clock.now(),
      });
      return c.json(adminContractJson(done), 200);
    },
  );
}

/** Resumes a suspended contract with a reason. */
export function adminResumeContractRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/contracts/{id}/resume',
      tags: ['admin'],
      summary: 'Resume a suspended contract (再開)',
      description: 'suspended → the status it had before. Recorded like a suspension.',
      middleware: [requirePermission('contracts.suspend')] as const,
      request: { params: idParams, body: reasonBody },
      responses: {
        200: { description: 'resumed', content: { 'application/json': { schema: adminContractSchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such contract'),
        409: problem('the contract is not suspended'),
        422: problem('no reason given'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const done = await resumeContract(ctx.db, {
        contractId: c.req.valid('param').id,
        actor: operatorActor(c),
        reason: c.req.valid('json').reason,
        now: ctx.clock.now(),
      });
      return c.json(adminContractJson(done), 200);
    },
  );
}
