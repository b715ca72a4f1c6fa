// POST /api/sessions/resend-code: a new sign-in code for the sign-in waiting for one, at most once a minute.
import { createRoute, z } from '@hono/zod-openapi';
import { pendingSignInMember, resendSignInCode } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { limitRequest } from '../../rate-limit.js';
import { problem } from './identity-schemas.js';

/** The new code replaces the old one; the answer says where it went, as the sign-in step does. */
export function resendCodeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/sessions/resend-code',
      tags: ['sessions'],
      summary: 'Send a new sign-in code (60 seconds after the last one)',
      responses: {
        202: {
          description:
            "a new 6-digit code was sent by the member's channel; the previous code no longer works",
          content: {
            'application/json': {
              schema: z
                .object({
                  status: z.literal('code_sent'),
                  codeValidMinutes: z.number().int(),
                  channel: z.enum(['email', 'sms']),
                  destinationHint: z.string(),
                })
                .openapi('CodeResent'),
            },
          },
        },
        401: problem('no sign-in is waiting for a code'),
        429: problem(
          'within 60 seconds of the last code (`code_resend_too_soon`), or too many requests (`rate_limited`); both with `Retry-After`',
        ),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      await limitRequest(c, 'resendCode', await pendingSignInMember(ctx.db, c.req.header('cookie')));
      const destination = await resendSignInCode(ctx, {
        headers: c.req.raw.headers,
        actor: { kind: 'member', id: null, requestId: c.get('requestId') },
      });
      return c.json(
        {
          status: 'code_sent' as const,
          codeValidMinutes: 10,
          channel: destination.channel,
          destinationHint: destination.hint,
        },
        202,
      );
    },
  );
}
