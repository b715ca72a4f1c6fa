// PUT /api/admin/operators/{id}/roles: replaces an operator's roles (owner); the last active owner keeps the owner role.
import { createRoute, z } from '@hono/zod-openapi';
import { changeOperatorRoles, operatorRoleNames } from '../../../modules/operators/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, operatorRoleSchema, problem } from './admin-schemas.js';
import { operatorIdParamsSchema } from './operator-schemas.js';

/** Sets the roles; audited `operator.roles_changed` with before and after. */
export function adminChangeOperatorRolesRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'put',
      path: '/api/admin/operators/{id}/roles',
      tags: ['admin'],
      summary: "Change an operator's roles",
      middleware: [requirePermission('operators.manage')] as const,
      request: {
        params: operatorIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ roles: z.array(z.enum(operatorRoleNames)).min(1) })
                .openapi('AdminOperatorRoles'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'the roles now',
          content: { 'application/json': { schema: z.object({ roles: z.array(operatorRoleSchema) }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such operator'),
        409: problem('the last active owner cannot lose the owner role (`last_owner`)'),
        422: problem('no roles, or an unknown one'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const roles = await changeOperatorRoles(ctx.db, {
        operatorId: c.req.valid('param').id,
        roles: c.req.valid('json').roles,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json({ roles }, 200);
    },
  );
}
