// POST /api/sessions/verify-backup-code: a backup code instead of the mailed code, which opens the session.
import { createRoute, z } from '@hono/zod-openapi';
import { pendingSignInMember, verifySignInBackupCode } from '../../../modules/identity/auth-index.js';
import { clientAddress } from '../../client-address.js';
import { createRouter } from '../../openapi-app.js';
import { limitRequest } from '../../rate-limit.js';
import { problem } from './identity-schemas.js';

/** Second step of signing in, with one of the member's single-use backup codes. */
export function verifyBackupCodeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/sessions/verify-backup-code',
      tags: ['sessions'],
      summary: 'Finish signing in with a backup code',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ code: z.string().min(1).max(64) }).openapi('SignInBackupCode'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'signed in; the session cookie is set and the code is spent',
          content: {
            'application/json': {
              schema: z
                .object({ status: z.literal('signed_in'), memberId: z.string() })
                .openapi('SignedInWithBackupCode'),
            },
          },
        },
        401: problem('wrong or used backup code, or no sign-in waiting for one'),
        423: problem('the login ID is locked'),
        429: problem(
          'too many requests from this address or for this account; `Retry-After` says when to retry',
        ),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      await limitRequest(c, 'verifyCode', await pendingSignInMember(ctx.db, c.req.header('cookie')));
      const { memberId, setCookies } = await verifySignInBackupCode(c.get('ctx'), {
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
