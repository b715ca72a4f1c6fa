// POST /api/login-id-reminders: mails the login IDs of an address, answered identically whether it is known or not.
import { createRoute, z } from '@hono/zod-openapi';
import { sendLoginIdReminder } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';

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
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      await sendLoginIdReminder(ctx.db, {
        email: c.req.valid('json').email,
        actor: { kind: 'member', id: null, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json({ status: 'accepted' as const }, 202);
    },
  );
}
