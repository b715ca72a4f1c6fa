// POST /api/members/resend-confirmation: a new confirmation link, answered identically whether the ID exists or not.
import { createRoute, z } from '@hono/zod-openapi';
import { resendConfirmation } from '../../../modules/identity/auth-index.js';
import { normalizeLoginId } from '../../../modules/identity/index.js';
import { createRouter } from '../../openapi-app.js';
import { limitRequest } from '../../rate-limit.js';
import { problem } from './identity-schemas.js';

/** Queues a fresh confirmation mail for an unconfirmed member. */
export function resendConfirmationRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/members/resend-confirmation',
      tags: ['members'],
      summary: 'Send the confirmation mail again',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ loginId: z.string().min(1).max(64) }).openapi('ResendConfirmation'),
            },
          },
        },
      },
      responses: {
        202: {
          description: 'if the login ID belongs to an unconfirmed member, a new link is on its way',
          content: {
            'application/json': {
              schema: z.object({ status: z.literal('accepted') }).openapi('ResendAccepted'),
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
      await limitRequest(c, 'resendConfirmation', normalizeLoginId(loginId));
      await resendConfirmation(ctx.db, {
        loginId,
        actor: { kind: 'member', id: null, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json({ status: 'accepted' as const }, 202);
    },
  );
}
