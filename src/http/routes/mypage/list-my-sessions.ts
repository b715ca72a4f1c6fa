// GET /api/mypage/sessions: the browsers and devices the member is signed in on now.
import { createRoute, z } from '@hono/zod-openapi';
import { listMemberSessions, requireMemberSession } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { activeSessionSchema, sessionJson } from './session-schemas.js';

/** The session's member's live sessions, this one marked. */
export function listMySessionsRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/sessions',
      tags: ['mypage'],
      summary: 'Where I am signed in',
      responses: {
        200: {
          description: 'the live sessions, most recently used first',
          content: {
            'application/json': {
              schema: z.object({ sessions: z.array(activeSessionSchema) }).openapi('MySessions'),
            },
          },
        },
        401: problem('not signed in, or the session has expired'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { memberId, sessionId } = await requireMemberSession(ctx, c.req.raw.headers);
      const sessions = await listMemberSessions(ctx.db, memberId, ctx.clock.now());
      return c.json({ sessions: sessions.map((s) => sessionJson(s, sessionId)) }, 200);
    },
  );
}
