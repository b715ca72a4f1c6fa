// DELETE /api/admin/sessions/current: operator sign-out.
import { createRoute } from '@hono/zod-openapi';
import { signOutOperator } from '../../../modules/operators/index.js';
import { createRouter } from '../../openapi-app.js';

/** Ends the operator session; 204 without one too, so signing out twice is harmless. */
export function adminDeleteSessionRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'delete',
      path: '/api/admin/sessions/current',
      tags: ['admin'],
      summary: 'Operator sign-out',
      responses: { 204: { description: 'signed out; the admin session cookie is cleared' } },
    }),
    async (c) => {
      const { setCookies } = await signOutOperator(c.get('ctx'), {
        headers: c.req.raw.headers,
        actor: { kind: 'operator', id: null, requestId: c.get('requestId') },
      });
      for (const line of setCookies) c.header('set-cookie', line, { append: true });
      return c.body(null, 204);
    },
  );
}
