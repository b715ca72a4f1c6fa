// POST /api/sessions: the password step of signing in; a code goes by mail or SMS, no session is opened yet.
import { createRoute, z } from '@hono/zod-openapi';
import { signIn } from '../../../modules/identity/auth-index.js';
import { normalizeLoginId } from '../../../modules/identity/index.js';
import { clientAddress } from '../../client-address.js';
import { createRouter } from '../../openapi-app.js';
import { limitRequest } from '../../rate-limit.js';
import { problem } from './identity-schemas.js';

/** Password check, then a code by the member's channel and a pending-second-factor cookie. */
export function createSessionRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/sessions',
      tags: ['sessions'],
      summary: 'Sign in with login ID and password (first step)',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ loginId: z.string().min(1).max(64), password: z.string().min(1).max(1024) })
                .openapi('SignIn'),
            },
          },
        },
      },
      responses: {
        202: {
          description: "the password is right; a 6-digit code was sent by the member's channel",
          content: {
            'application/json': {
              schema: z
                .object({
                  status: z.literal('code_sent'),
                  codeValidMinutes: z.number().int(),
                  channel: z.enum(['email', 'sms']).openapi({
                    description: '`sms` when the member chose SMS and has a mobile number; otherwise `email`',
                  }),
                  destinationHint: z.string().openapi({
                    description:
                      'What the page may show of where the code went: the last four digits of the mobile number, or the address with its local part masked',
                    example: '5678',
                  }),
                })
                .openapi('CodeSent'),
            },
          },
        },
        401: problem('wrong login ID or password'),
        403: problem('the email address is not confirmed yet'),
        423: problem('the login ID is locked; the problem says how it gets unlocked'),
        429: problem(
          'too many requests from this address or for this account; `Retry-After` says when to retry',
        ),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await limitRequest(c, 'signIn', normalizeLoginId(body.loginId));
      const { setCookies, destination } = await signIn(c.get('ctx'), {
        loginId: body.loginId,
        password: body.password,
        headers: c.req.raw.headers,
        ipAddress: clientAddress(c, c.get('ctx').config.trustProxy),
        actor: { kind: 'member', id: null, requestId: c.get('requestId') },
      });
      for (const line of setCookies) c.header('set-cookie', line, { append: true });
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
