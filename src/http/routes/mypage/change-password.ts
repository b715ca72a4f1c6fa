// POST /api/mypage/password: the signed-in member changes their password; other sessions are signed out.
import { createRoute, z } from '@hono/zod-openapi';
import { changePassword, requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';

/** Password change on My Page; the answer carries the cookie of the session that replaces this one. */
export function changePasswordRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/password',
      tags: ['mypage'],
      summary: 'Change my password',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  currentPassword: z.string().min(1).max(1024),
                  newPassword: z.string().min(1).max(1024),
                })
                .openapi('PasswordChange'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'changed; every other session is signed out and a mail is on its way',
          content: {
            'application/json': {
              schema: z.object({ status: z.literal('password_changed') }).openapi('MyPasswordChanged'),
            },
          },
        },
        401: problem('not signed in'),
        403: problem('the current password is wrong'),
        422: problem('the new password does not meet the store policy'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const body = c.req.valid('json');
      const { setCookies } = await changePassword(ctx, {
        memberId,
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
        headers: c.req.raw.headers,
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
      });
      for (const line of setCookies) c.header('set-cookie', line, { append: true });
      return c.json({ status: 'password_changed' as const }, 200);
    },
  );
}
