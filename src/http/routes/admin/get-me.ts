// GET /api/admin/me: the signed-in operator's own profile and roles, for the console to draw what they may use.
import { createRoute } from '@hono/zod-openapi';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorProfileSchema, problem } from './admin-schemas.js';

/** The session's operator. */
export function adminGetMeRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/me',
      tags: ['admin'],
      summary: 'The signed-in operator',
      middleware: [requirePermission('account.self')] as const,
      responses: {
        200: {
          description: 'the operator',
          content: { 'application/json': { schema: operatorProfileSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    (c) => c.json(c.get('operator'), 200),
  );
}
