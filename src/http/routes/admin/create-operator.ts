// POST /api/admin/operators: the owner creates an operator; like `keiyaku create-operator`, a temporary password is answered once.
import { createRoute, z } from '@hono/zod-openapi';
import {
  createOperator,
  generateOperatorPassword,
  listOperators,
  operatorRoleNames,
} from '../../../modules/operators/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { adminOperatorJson, adminOperatorSchema } from './operator-schemas.js';

/**
 * The password is generated here and answered once (`Cache-Control: no-store`); the owner hands it over by
 * a channel of their choosing. The new operator signs in with it and a mailed code, so the password alone
 * is not enough, and can then set up an authenticator app. It is never mailed or logged.
 */
export function adminCreateOperatorRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/operators',
      tags: ['admin'],
      summary: 'Create an operator',
      middleware: [requirePermission('operators.manage')] as const,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  loginId: z.string(),
                  displayName: z.string(),
                  email: z.string(),
                  roles: z.array(z.enum(operatorRoleNames)).min(1),
                  locale: z.enum(['ja', 'en']).default('ja'),
                })
                .openapi('AdminOperatorCreate'),
            },
          },
        },
      },
      responses: {
        201: {
          description: 'created; the temporary password is shown only in this answer',
          content: {
            'application/json': {
              schema: z
                .object({ operator: adminOperatorSchema, temporaryPassword: z.string() })
                .openapi('AdminOperatorCreated'),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        409: problem('the login ID is taken (`operator_login_id_taken`)'),
        422: problem('a field is invalid'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const temporaryPassword = generateOperatorPassword();
      const { operatorId } = await createOperator(ctx.db, {
        loginId: body.loginId,
        displayName: body.displayName,
        email: body.email,
        roles: body.roles,
        locale: body.locale,
        password: temporaryPassword,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      const created = (await listOperators(ctx.db, ctx.clock.now())).find((o) => o.id === operatorId);
      if (!created) throw new Error(`operator ${operatorId} vanished after creation`);
      c.header('Cache-Control', 'no-store');
      return c.json({ operator: adminOperatorJson(created), temporaryPassword }, 201);
    },
  );
}
