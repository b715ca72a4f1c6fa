// POST /api/admin/me/totp: starts binding an authenticator app to the signed-in operator; answers the otpauth URI.
import { createRoute, z } from '@hono/zod-openapi';
import { startTotpEnrolment } from '../../../modules/operators/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';

/** A new TOTP secret as an `otpauth://` URI (for a QR code); confirm it with a first code. */
export function adminStartTotpRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/me/totp',
      tags: ['admin'],
      summary: 'Start setting up an authenticator app',
      middleware: [requirePermission('account.self')] as const,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ password: z.string().min(1).max(1024) }).openapi('TotpEnrolmentStart'),
            },
          },
        },
      },
      responses: {
        201: {
          description: 'the secret to scan; it counts once confirmed',
          content: {
            'application/json': {
              schema: z.object({ totpUri: z.string() }).openapi('TotpEnrolment'),
            },
          },
        },
        401: problem('not signed in as an operator, or wrong password'),
        403: problem('no role allows this'),
        409: problem('an authenticator app is already set up'),
      },
    }),
    async (c) => {
      const operator = c.get('operator');
      const result = await startTotpEnrolment(c.get('ctx'), {
        operatorId: operator.id,
        password: c.req.valid('json').password,
        headers: c.req.raw.headers,
        actor: operatorActor(c),
      });
      return c.json(result, 201);
    },
  );
}
