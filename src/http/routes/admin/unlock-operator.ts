// POST /api/admin/operators/{id}/unlock: lifts the lock of an operator's login ID after a recorded identity check (owner).
import { createRoute } from '@hono/zod-openapi';
import { unlockOperator } from '../../../modules/operators/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { identityCheckBodySchema } from './identity-check-schema.js';
import { operatorIdParamsSchema } from './operator-schemas.js';

/** Unlocks; audited `operator_login_id.unlocked` with the identity check. */
export function adminUnlockOperatorRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/operators/{id}/unlock',
      tags: ['admin'],
      summary: "Unlock an operator's login ID after an identity check",
      middleware: [requirePermission('operators.unlock')] as const,
      request: {
        params: operatorIdParamsSchema,
        body: { required: true, content: { 'application/json': { schema: identityCheckBodySchema } } },
      },
      responses: {
        204: { description: 'unlocked' },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such operator'),
        409: problem('not locked (`login_not_locked`); nothing changed'),
        422: problem('the identity check is missing or incomplete'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      await unlockOperator(ctx.db, {
        operatorId: c.req.valid('param').id,
        identityCheck: c.req.valid('json').identityCheck,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.body(null, 204);
    },
  );
}
