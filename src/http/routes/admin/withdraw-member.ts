// GET /api/admin/members/{id}/withdrawal and POST /api/admin/members/{id}/withdraw: what blocks, and withdrawing a member on request.
import { createRoute, z } from '@hono/zod-openapi';
import {
  getMemberProfile,
  getWithdrawalStatus,
  identityErrors,
  withdrawMember,
} from '../../../modules/identity/auth-index.js';
import { multilineText } from '../../input-text-guard.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { memberIdParamsSchema } from './member-schemas.js';
import { bilingualReasonSchema, memberStatusChangeSchema } from './registration-schemas.js';

/** The member's status and what would block a withdrawal now, for the operator's withdraw action. */
export function adminGetMemberWithdrawalRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/members/{id}/withdrawal',
      tags: ['admin'],
      summary: "What blocks a member's withdrawal",
      middleware: [requirePermission('members.withdraw')] as const,
      request: { params: memberIdParamsSchema },
      responses: {
        200: {
          description: 'the reasons; empty when the member may be withdrawn',
          content: {
            'application/json': {
              schema: z
                .object({
                  reasons: z.array(bilingualReasonSchema),
                  retentionDays: z.number().int(),
                })
                .openapi('AdminWithdrawalCheck'),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = c.req.valid('param').id;
      // An unknown id is 404 rather than an empty list of reasons.
      await getMemberProfile(ctx.db, memberId).catch(() => {
        throw identityErrors.memberNotFound();
      });
      const status = await getWithdrawalStatus(ctx.db, ctx.withdrawalBlockers, memberId);
      return c.json({ reasons: status.reasons, retentionDays: status.retentionDays }, 200);
    },
  );
}

/** Withdraws a member in either withdrawal mode (by request is this route's purpose), with the reason recorded. */
export function adminWithdrawMemberRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/members/{id}/withdraw',
      tags: ['admin'],
      summary: 'Withdraw a member',
      middleware: [requirePermission('members.withdraw')] as const,
      request: {
        params: memberIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  reason: multilineText(
                    z.string().trim().min(1).max(1000).openapi({
                      description: 'why, for the audit log (e.g. the inquiry number of the request)',
                      example: 'お問い合わせ Q2026-000012 による退会のご依頼',
                    }),
                  ),
                })
                .openapi('MemberWithdrawal'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'withdrawn; sessions ended, the mail is on its way',
          content: { 'application/json': { schema: memberStatusChangeSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such member'),
        409: problem('something blocks the withdrawal, or the member is not active'),
        422: problem('no reason given'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = c.req.valid('param').id;
      const result = await withdrawMember(ctx.db, ctx.withdrawalBlockers, {
        memberId,
        reason: c.req.valid('json').reason,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json({ memberId, status: result.status }, 200);
    },
  );
}
