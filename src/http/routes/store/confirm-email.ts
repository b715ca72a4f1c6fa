// POST /api/members/confirm-email: the link from the confirmation mail activates the member (no sign-in).
import { createRoute, z } from '@hono/zod-openapi';
import { confirmEmail } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './identity-schemas.js';

/** Spends a confirmation token. */
export function confirmEmailRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/members/confirm-email',
      tags: ['members'],
      summary: "Confirm a new member's email address",
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ token: z.string().min(1).max(200) }).openapi('EmailConfirmation'),
            },
          },
        },
      },
      responses: {
        200: {
          description:
            'confirmed: `active` — registration complete, the member can sign in (the mail is on its way); `pending_review` — an operator reviews the registration first',
          content: {
            'application/json': {
              schema: z.object({ status: z.enum(['active', 'pending_review']) }).openapi('EmailConfirmed'),
            },
          },
        },
        410: problem('the link was used already or has expired'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { status } = await confirmEmail(ctx.db, {
        token: c.req.valid('json').token,
        actor: { kind: 'member', id: null, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json({ status }, 200);
    },
  );
}
