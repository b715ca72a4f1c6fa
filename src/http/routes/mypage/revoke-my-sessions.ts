// POST /api/mypage/sessions/revoke-others and …/revoke-all: sign out everywhere else, or everywhere.
import { createRoute } from '@hono/zod-openapi';
import { requireMemberSession, signOutEverywhere } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { sessionsRevokedSchema } from './session-schemas.js';

function revokeRoute(scope: 'others' | 'all') {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: scope === 'others' ? '/api/mypage/sessions/revoke-others' : '/api/mypage/sessions/revoke-all',
      tags: ['mypage'],
      summary: scope === 'others' ? 'Sign out everywhere else' : 'Sign out everywhere, here too',
      responses: {
        200: {
          description:
            scope === 'others'
              ? 'every other session is signed out; this one stays'
              : 'every session is signed out; the answer clears this browser’s cookie',
          content: { 'application/json': { schema: sessionsRevokedSchema } },
        },
        401: problem('not signed in, or the session has expired'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { memberId, sessionId } = await requireMemberSession(ctx, c.req.raw.headers);
      const { revoked, setCookies } = await signOutEverywhere(ctx, {
        memberId,
        currentSessionId: sessionId,
        scope,
        headers: c.req.raw.headers,
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
      });
      for (const line of setCookies) c.header('set-cookie', line, { append: true });
      return c.json({ revoked }, 200);
    },
  );
}

/** Signs out every session of the member but this one. */
export function revokeOtherSessionsRoute() {
  return revokeRoute('others');
}

/** Signs out every session of the member, this one included. */
export function revokeAllSessionsRoute() {
  return revokeRoute('all');
}
