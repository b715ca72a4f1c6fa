// DELETE /api/sessions/current: sign out.
import { createRoute } from '@hono/zod-openapi';
import { signOut } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';

/** Ends the current session; answering 204 without a session too, so signing out twice is harmless. */
export function deleteSessionRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'delete',
      path: '/api/sessions/current',
      tags: ['sessions'],
      summary: 'Sign out',
      responses: { 204: { description: 'signed out; the session cookie is cleared' } },
    }),
    async (c) => {
      const { setCookies } = await signOut(c.get('ctx'), {
        headers: c.req.raw.headers,
        actor: { kind: 'member', id: null, requestId: c.get('requestId') },
      });
      for (const line of setCookies) c.header('set-cookie', line, { append: true });
      return c.body(null, 204);
    },
  );
}
