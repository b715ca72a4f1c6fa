// POST /api/password-resets: starts a forgotten-password reset, answered identically whether the ID exists or not.
import { createRoute, z } from '@hono/zod-openapi';
import { requestPasswordReset } from '../../../modules/identity/auth-index.js';
import { normalizeLoginId } from '../../../modules/identity/index.js';
import { createRouter } from '../../openapi-app.js';
import { limitRequest } from '../../rate-limit.js';
import { problem } from './identity-schemas.js';

/** Mails a reset link and, separately, a temporary password to an active member. */
export function requestPasswordResetRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/password-resets',
      tags: ['members'],
      summary: 'Forgotten password: mail a reset link and a temporary password',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ loginId: z.string().min(1).max(64) }).openapi('PasswordResetRequest'),
            },
          },
        },
      },
      responses: {
        202: {
          description: 'if the login ID belongs to an active member, two mails are on their way',
          content: {
            'application/json': {
              schema: z
                .object({ status: z.literal('accepted'), validMinutes: z.number().int() })
                .openapi('PasswordResetAccepted'),
            },
          },
        },
        429: problem(
          'too many requests from this address or for this account; `Retry-After` says when to retry',
        ),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { loginId } = c.req.valid('json');
      await limitRequest(c, 'passwordResetRequest', normalizeLoginId(loginId));
      await requestPasswordReset(ctx.db, {
        loginId,
        actor: { kind: 'member', id: null, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json({ status: 'accepted' as const, validMinutes: 30 }, 202);
    },
  );
}
