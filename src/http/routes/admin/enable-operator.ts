// POST /api/admin/operators/{id}/enable: a disabled operator may sign in again (owner).
import { createRoute, z } from '@hono/zod-openapi';
import { enableOperator } from '../../../modules/operators/index.js';
import { multilineText } from '../../input-text-guard.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { operatorIdParamsSchema } from './operator-schemas.js';

/** Enables; audited `operator.enabled`. */
export function adminEnableOperatorRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/operators/{id}/enable',
      tags: ['admin'],
      summary: 'Enable a disabled operator',
      middleware: [requirePermission('operators.manage')] as const,
      request: {
        params: operatorIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ reason: multilineText(z.string().trim().max(500)).optional() }),
            },
          },
        },
      },
      responses: {
        204: { description: 'enabled' },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such operator'),
        409: problem('already active'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { reason } = c.req.valid('json');
      await enableOperator(ctx.db, {
        operatorId: c.req.valid('param').id,
        ...(reason ? { reason } : {}),
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.body(null, 204);
    },
  );
}
