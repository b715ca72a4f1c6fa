// GET /api/admin/operators: every operator with roles, status, authenticator app and lock state (owner).
import { createRoute, z } from '@hono/zod-openapi';
import { listOperators } from '../../../modules/operators/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';
import { adminOperatorJson, adminOperatorSchema } from './operator-schemas.js';

/** The operators, oldest first. */
export function adminListOperatorsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/operators',
      tags: ['admin'],
      summary: 'Operators',
      middleware: [requirePermission('operators.read')] as const,
      responses: {
        200: {
          description: 'oldest first',
          content: {
            'application/json': {
              schema: z.object({ operators: z.array(adminOperatorSchema) }).openapi('AdminOperatorList'),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const operators = await listOperators(ctx.db, ctx.clock.now());
      return c.json({ operators: operators.map(adminOperatorJson) }, 200);
    },
  );
}
