// POST /api/admin/sessions/verify-code: the authenticator-app or mailed code, which opens the operator session.
import { createRoute, z } from '@hono/zod-openapi';
import { verifyOperatorCode } from '../../../modules/operators/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';

/** Second step of an operator's sign-in. */
export function adminVerifyCodeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/sessions/verify-code',
      tags: ['admin'],
      summary: 'Finish operator sign-in with the second-factor code',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ code: z.string().regex(/^[0-9]{6}$/, 'six digits') })
                .openapi('OperatorSignInCode'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'signed in; the admin session cookie is set',
          content: {
            'application/json': {
              schema: z
                .object({
                  status: z.literal('signed_in'),
                  operatorId: z.string(),
                  method: z.enum(['totp', 'email']),
                })
                .openapi('OperatorSignedIn'),
            },
          },
        },
        401: problem('wrong code, or no sign-in waiting for one'),
        410: problem('the mailed code has expired'),
        429: problem('five wrong codes: this code is dead'),
      },
    }),
    async (c) => {
      const { operatorId, method, setCookies } = await verifyOperatorCode(c.get('ctx'), {
        code: c.req.valid('json').code,
        headers: c.req.raw.headers,
        actor: { kind: 'operator', id: null, requestId: c.get('requestId') },
      });
      for (const line of setCookies) c.header('set-cookie', line, { append: true });
      return c.json({ status: 'signed_in' as const, operatorId, method }, 200);
    },
  );
}
