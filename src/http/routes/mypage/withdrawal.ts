// GET and POST /api/mypage/withdrawal: what blocks the signed-in member's withdrawal, and withdrawing (退会).
import { createRoute, z } from '@hono/zod-openapi';
import { getWithdrawalStatus, requireMemberId, withdrawSelf } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { requestOrigin } from '../../request-origin.js';
import { problem } from '../store/identity-schemas.js';

const reasonSchema = z.object({ ja: z.string(), en: z.string() });

/** The store's withdrawal mode and the reasons that block the member now. */
export function getMyWithdrawalRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/withdrawal',
      tags: ['mypage'],
      summary: 'Can I withdraw?',
      responses: {
        200: {
          description:
            '`self-service`: the member may withdraw here when `reasons` is empty; `by-request`: through the inquiry form',
          content: {
            'application/json': {
              schema: z
                .object({
                  mode: z.enum(['self-service', 'by-request']),
                  reasons: z.array(reasonSchema),
                  retentionDays: z.number().int(),
                })
                .openapi('MyWithdrawal'),
            },
          },
        },
        401: problem('not signed in'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      return c.json(await getWithdrawalStatus(ctx.db, ctx.withdrawalBlockers, memberId), 200);
    },
  );
}

/** Withdraws the signed-in member after the password and an explicit confirmation. */
export function withdrawMeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/withdrawal',
      tags: ['mypage'],
      summary: 'Withdraw (退会)',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  password: z.string().min(1).max(1024),
                  confirm: z.literal(true).openapi({ description: 'the member ticked "I understand"' }),
                })
                .openapi('MyWithdrawalRequest'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'withdrawn: every session is ended and the mail is on its way',
          content: {
            'application/json': {
              schema: z.object({ status: z.literal('withdrawn') }).openapi('MyWithdrawalDone'),
            },
          },
        },
        401: problem('not signed in'),
        403: problem('the password is wrong'),
        409: problem('`withdrawal_blocked` listing the reasons, or `withdrawal_by_request`'),
        422: problem('the password or the confirmation is missing'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      await withdrawSelf(ctx, {
        memberId,
        password: c.req.valid('json').password,
        actor: { kind: 'member', id: memberId, ...requestOrigin(c) },
      });
      return c.json({ status: 'withdrawn' as const }, 200);
    },
  );
}
