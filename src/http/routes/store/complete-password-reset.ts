// POST /api/password-resets/complete: the link's token plus the mailed temporary password set a new password.
import { createRoute, z } from '@hono/zod-openapi';
import { completePasswordReset } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { limitRequest } from '../../rate-limit.js';
import { problem } from './identity-schemas.js';

/** Sets the new password and signs the member out everywhere; the member then signs in as usual. */
export function completePasswordResetRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/password-resets/complete',
      tags: ['members'],
      summary: 'Forgotten password: set a new password with the link and the temporary password',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  token: z.string().min(1).max(200),
                  temporaryPassword: z.string().min(1).max(200),
                  newPassword: z.string().min(1).max(1024),
                })
                .openapi('PasswordResetCompletion'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'the new password is set; every session was signed out',
          content: {
            'application/json': {
              schema: z.object({ status: z.literal('password_changed') }).openapi('PasswordChanged'),
            },
          },
        },
        410: problem('wrong, used or expired link, or wrong temporary password'),
        422: problem('the new password does not meet the store policy'),
        429: problem(
          'too many requests from this address or for this account; `Retry-After` says when to retry',
        ),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      await limitRequest(c, 'passwordResetComplete', body.token);
      await completePasswordReset(ctx.db, {
        ...body,
        actor: { kind: 'member', id: null, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json({ status: 'password_changed' as const }, 200);
    },
  );
}
