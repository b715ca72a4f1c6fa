// POST /api/mypage/email-change: the signed-in member asks to change their contact email.
import { createRoute, z } from '@hono/zod-openapi';
import {
  EMAIL_CHANGE_VALID_HOURS,
  requestEmailChange,
  requireMemberId,
} from '../../../modules/identity/auth-index.js';
import { memberTextLimits } from '../../../modules/identity/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';

const requestSchema = z
  .object({ newEmail: z.string().max(memberTextLimits.email).openapi({ example: 'hanako.new@example.jp' }) })
  .openapi('EmailChangeRequest');

const requestedSchema = z
  .object({
    status: z.literal('confirmation_sent'),
    newEmail: z.string(),
    validHours: z.number().int(),
  })
  .openapi('EmailChangeRequested');

/** Mails a single-use link to the new address and a notice to the current one; nothing changes until the link is opened. */
export function requestEmailChangeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/email-change',
      tags: ['mypage'],
      summary: 'Ask to change my email address',
      request: { body: { required: true, content: { 'application/json': { schema: requestSchema } } } },
      responses: {
        202: {
          description: 'the link is on its way',
          content: { 'application/json': { schema: requestedSchema } },
        },
        401: problem('not signed in'),
        422: problem('not an email address, or the current one'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const { newEmail } = await requestEmailChange(ctx.db, {
        memberId,
        newEmail: c.req.valid('json').newEmail,
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json(
        { status: 'confirmation_sent' as const, newEmail, validHours: EMAIL_CHANGE_VALID_HOURS },
        202,
      );
    },
  );
}
