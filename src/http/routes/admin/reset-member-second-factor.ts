// POST /api/admin/members/{id}/second-factor/reset: mailed codes to the registered address again, after a recorded identity check.
import { createRoute, z } from '@hono/zod-openapi';
import { resetMemberSecondFactor } from '../../../modules/identity/auth-index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { identityCheckBodySchema } from './identity-check-schema.js';
import { memberIdParamsSchema } from './member-schemas.js';

/** Resets the channel to email, revokes backup codes and sessions, mails the member; audited with the check. */
export function adminResetMemberSecondFactorRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/members/{id}/second-factor/reset',
      tags: ['admin'],
      summary: "Reset a member's second factor after an identity check",
      middleware: [requirePermission('members.second_factor_reset')] as const,
      request: {
        params: memberIdParamsSchema,
        body: { required: true, content: { 'application/json': { schema: identityCheckBodySchema } } },
      },
      responses: {
        200: {
          description: 'reset; the member has been mailed',
          content: {
            'application/json': {
              schema: z
                .object({ backupCodesRevoked: z.number().int(), sessionsEnded: z.number().int() })
                .openapi('MemberSecondFactorReset'),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such member'),
        422: problem('the identity check is missing or incomplete'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const result = await resetMemberSecondFactor(ctx.db, {
        memberId: c.req.valid('param').id,
        identityCheck: c.req.valid('json').identityCheck,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(result, 200);
    },
  );
}
