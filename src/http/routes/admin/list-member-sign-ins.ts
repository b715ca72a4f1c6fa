// GET /api/admin/members/{memberId}/sign-ins: a member's recent sign-ins for support, with the user agent.
import { createRoute, z } from '@hono/zod-openapi';
import { memberSignInHistory } from '../../../modules/identity/auth-index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { signInEntrySchema, signInJson } from '../mypage/session-schemas.js';
import { problem } from './admin-schemas.js';

const adminSignInSchema = signInEntrySchema
  .omit({ current: true })
  .extend({ userAgent: z.string().nullable(), sessionId: z.string().nullable() })
  .openapi('AdminMemberSignIn');

/** The member's last 20 sign-ins and failed attempts, newest first. */
export function adminListMemberSignInsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/members/{memberId}/sign-ins',
      tags: ['admin'],
      summary: "A member's sign-in history",
      middleware: [requirePermission('members.read')] as const,
      request: {
        params: z.object({
          memberId: z
            .string()
            .min(1)
            .max(100)
            .openapi({ param: { name: 'memberId', in: 'path' } }),
        }),
      },
      responses: {
        200: {
          description: 'the last 20 sign-ins, newest first',
          content: {
            'application/json': {
              schema: z.object({ signIns: z.array(adminSignInSchema) }).openapi('AdminMemberSignIns'),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const signIns = await memberSignInHistory(ctx.db, c.req.valid('param').memberId);
      return c.json(
        {
          signIns: signIns.map((entry) => {
            const { current: _current, ...json } = signInJson(entry, null);
            return { ...json, userAgent: entry.userAgent, sessionId: entry.sessionId };
          }),
        },
        200,
      );
    },
  );
}
