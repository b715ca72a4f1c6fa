// GET /api/mypage/sign-ins: the signed-in member's recent sign-ins, so misuse can be spotted.
import { createRoute, z } from '@hono/zod-openapi';
import { listMemberSignIns, requireMemberSession } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { signInEntrySchema, signInJson } from './session-schemas.js';

/** The last 20 sign-ins of the session's member, newest first, the one behind this session marked. */
export function listMySignInsRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/sign-ins',
      tags: ['mypage'],
      summary: 'My recent sign-ins',
      responses: {
        200: {
          description: 'the last 20 sign-ins and failed attempts, newest first',
          content: {
            'application/json': {
              schema: z.object({ signIns: z.array(signInEntrySchema) }).openapi('MySignIns'),
            },
          },
        },
        401: problem('not signed in, or the session has expired'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { memberId, sessionId } = await requireMemberSession(ctx, c.req.raw.headers);
      const signIns = await listMemberSignIns(ctx.db, memberId);
      return c.json({ signIns: signIns.map((entry) => signInJson(entry, sessionId)) }, 200);
    },
  );
}
