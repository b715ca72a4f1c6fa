// DELETE /api/mypage/sessions/{sessionId}: "sign out this device" in the member's session list.
import { createRoute, z } from '@hono/zod-openapi';
import { requireMemberSession, revokeMemberSession } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';

/** Ends one of the member's own sessions; another member's session is 404 like an unknown one. */
export function revokeMySessionRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'delete',
      path: '/api/mypage/sessions/{sessionId}',
      tags: ['mypage'],
      summary: 'Sign out one device',
      request: {
        params: z.object({
          sessionId: z
            .string()
            .min(1)
            .max(100)
            .openapi({ param: { name: 'sessionId', in: 'path' } }),
        }),
      },
      responses: {
        204: { description: 'signed out; if it was this session, the cookie is cleared' },
        401: problem('not signed in, or the session has expired'),
        404: problem('no such session of this member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { memberId, sessionId } = await requireMemberSession(ctx, c.req.raw.headers);
      const { setCookies } = await revokeMemberSession(ctx, {
        memberId,
        sessionId: c.req.valid('param').sessionId,
        currentSessionId: sessionId,
        headers: c.req.raw.headers,
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
      });
      for (const line of setCookies) c.header('set-cookie', line, { append: true });
      return c.body(null, 204);
    },
  );
}
