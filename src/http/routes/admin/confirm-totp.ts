// POST /api/admin/me/totp/confirm: the first code from the authenticator app; from then on it is the operator's second factor.
import { createRoute, z } from '@hono/zod-openapi';
import { confirmTotpEnrolment } from '../../../modules/operators/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';

/** Confirms the pending TOTP secret. */
export function adminConfirmTotpRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/me/totp/confirm',
      tags: ['admin'],
      summary: 'Confirm the authenticator app with its first code',
      middleware: [requirePermission('account.self')] as const,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ code: z.string().regex(/^[0-9]{6}$/, 'six digits') })
                .openapi('TotpEnrolmentConfirm'),
            },
          },
        },
      },
      responses: {
        204: { description: 'the authenticator app is now the second factor' },
        401: problem('not signed in as an operator, or wrong code'),
        403: problem('no role allows this'),
        409: problem('no set-up in progress, or already set up'),
      },
    }),
    async (c) => {
      await confirmTotpEnrolment(c.get('ctx'), {
        operatorId: c.get('operator').id,
        code: c.req.valid('json').code,
        headers: c.req.raw.headers,
        actor: operatorActor(c),
      });
      return c.body(null, 204);
    },
  );
}
