// POST /api/admin/operators/{id}/disable: the operator can no longer sign in and every open session ends (owner).
import { createRoute, z } from '@hono/zod-openapi';
import { disableOperator } from '../../../modules/operators/index.js';
import { multilineText } from '../../input-text-guard.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { operatorIdParamsSchema } from './operator-schemas.js';

/** Disables; audited `operator.disabled`. */
export function adminDisableOperatorRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/operators/{id}/disable',
      tags: ['admin'],
      summary: 'Disable an operator',
      middleware: [requirePermission('operators.manage')] as const,
      request: {
        params: operatorIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ reason: multilineText(z.string().trim().max(500)).optional() })
                .openapi('AdminOperatorStatusChange'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'disabled',
          content: {
            'application/json': {
              schema: z.object({ sessionsEnded: z.number().int() }).openapi('AdminOperatorDisabled'),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such operator'),
        409: problem('already disabled, or the last active owner (`last_owner`)'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { reason } = c.req.valid('json');
      const result = await disableOperator(ctx.db, {
        operatorId: c.req.valid('param').id,
        ...(reason ? { reason } : {}),
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(result, 200);
    },
  );
}
