// POST /api/admin/operators/{id}/totp/reset: removes an operator's authenticator app after a recorded identity check (owner).
import { createRoute } from '@hono/zod-openapi';
import { resetOperatorTotp } from '../../../modules/operators/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { identityCheckBodySchema } from './identity-check-schema.js';
import { operatorIdParamsSchema } from './operator-schemas.js';

/** Removes the app and ends the operator's sessions; the next sign-in uses a mailed code. */
export function adminResetOperatorTotpRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/operators/{id}/totp/reset',
      tags: ['admin'],
      summary: "Reset an operator's authenticator app after an identity check",
      middleware: [requirePermission('operators.totp_reset')] as const,
      request: {
        params: operatorIdParamsSchema,
        body: { required: true, content: { 'application/json': { schema: identityCheckBodySchema } } },
      },
      responses: {
        204: { description: 'removed; the operator has been mailed' },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such operator'),
        409: problem('no authenticator app to remove (`totp_not_enabled`)'),
        422: problem('the identity check is missing or incomplete'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      await resetOperatorTotp(ctx.db, {
        operatorId: c.req.valid('param').id,
        identityCheck: c.req.valid('json').identityCheck,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.body(null, 204);
    },
  );
}
