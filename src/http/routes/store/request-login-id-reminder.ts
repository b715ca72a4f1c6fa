// POST /api/login-id-reminders: mails the login IDs of an address, answered identically whether it is known or not.
import { createRoute, z } from '@hono/zod-openapi';
import { sendLoginIdReminder } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { emailKey, limitRequest } from '../../rate-limit.js';
import { problem } from './identity-schemas.js';

/** Forgotten login ID. */
export function requestLoginIdReminderRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/login-id-reminders',
      tags: ['members'],
      summary: 'Forgotten login ID: mail the login IDs registered to an address',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ email: z.string().min(3).max(254) }).openapi('LoginIdReminderRequest'),
            },
          },
        },
      },
      responses: {
        202: {
          description:
            'if members are registered with the address, a mail listing their login IDs is on its way',
          content: {
            'application/json': {
              schema: z.object({ status: z.literal('accepted') }).openapi('LoginIdReminderAccepted'),
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
      const { email } = c.req.valid('json');
      await limitRequest(c, 'loginIdReminder', emailKey(email));
      await sendLoginIdReminder(ctx.db, {
        email,
        actor: { kind: 'member', id: null, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json({ status: 'accepted' as const }, 202);
    },
  );
}
