// POST /api/sessions/verify-code: the mailed code, which opens the session.
import { createRoute, z } from '@hono/zod-openapi';
import { pendingSignInMember, verifySignInCode } from '../../../modules/identity/auth-index.js';
import { clientAddress } from '../../client-address.js';
import { createRouter } from '../../openapi-app.js';
import { limitRequest } from '../../rate-limit.js';
import { problem } from './identity-schemas.js';

/** Second step of signing in. */
export function verifyCodeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/sessions/verify-code',
      tags: ['sessions'],
      summary: 'Finish signing in with the mailed code',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ code: z.string().regex(/^[0-9]{6}$/, 'six digits') }).openapi('SignInCode'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'signed in; the session cookie is set',
          content: {
            'application/json': {
              schema: z.object({ status: z.literal('signed_in'), memberId: z.string() }).openapi('SignedIn'),
            },
          },
        },
        401: problem('wrong code, or no sign-in waiting for one'),
        410: problem('the code has expired'),
        429: problem(
          'five wrong codes: this code is dead; or too many requests from this address or for this account (`rate_limited`, with `Retry-After`)',
        ),
        423: problem('the login ID is locked; the problem says how it gets unlocked'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      await limitRequest(c, 'verifyCode', await pendingSignInMember(ctx.db, c.req.header('cookie')));
      const { memberId, setCookies } = await verifySignInCode(c.get('ctx'), {
        code: c.req.valid('json').code,
        headers: c.req.raw.headers,
        ipAddress: clientAddress(c, c.get('ctx').config.trustProxy),
        actor: { kind: 'member', id: null, requestId: c.get('requestId') },
      });
      for (const line of setCookies) c.header('set-cookie', line, { append: true });
      return c.json({ status: 'signed_in' as const, memberId }, 200);
    },
  );
}
