// POST /api/mypage/email-change/confirm: the signed-in member opens the link mailed to the new address.
import { createRoute, z } from '@hono/zod-openapi';
import { confirmEmailChange, requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';

const confirmSchema = z.object({ token: z.string().min(1).max(200) }).openapi('EmailChangeConfirmation');
const confirmedSchema = z.object({ email: z.string() }).openapi('EmailChanged');

/** Makes the new address the contact email; the link works once, for 24 hours, and only for its own member. */
export function confirmEmailChangeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/email-change/confirm',
      tags: ['mypage'],
      summary: 'Confirm my new email address',
      request: { body: { required: true, content: { 'application/json': { schema: confirmSchema } } } },
      responses: {
        200: {
          description: 'the address is changed',
          content: { 'application/json': { schema: confirmedSchema } },
        },
        401: problem('not signed in'),
        410: problem('used, superseded, expired, or another member’s link'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const changed = await confirmEmailChange(ctx.db, {
        memberId,
        token: c.req.valid('json').token,
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json(changed, 200);
    },
  );
}
