// POST /api/admin/sessions: the password step of an operator's sign-in; the second factor is asked for next.
import { createRoute, z } from '@hono/zod-openapi';
import { signInOperator } from '../../../modules/operators/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';

/** Password check, then a pending-second-factor cookie and, without an authenticator app, a mailed code. */
export function adminCreateSessionRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/sessions',
      tags: ['admin'],
      summary: 'Operator sign-in with login ID and password (first step)',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ loginId: z.string().min(1).max(64), password: z.string().min(1).max(1024) })
                .openapi('OperatorSignIn'),
            },
          },
        },
      },
      responses: {
        202: {
          description: 'the password is right; enter a code from the authenticator app or the mail',
          content: {
            'application/json': {
              schema: z
                .object({
                  status: z.literal('second_factor_required'),
                  method: z.enum(['totp', 'email']),
                })
                .openapi('OperatorSecondFactorRequired'),
            },
          },
        },
        401: problem('wrong login ID or password'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { method, setCookies } = await signInOperator(c.get('ctx'), {
        loginId: body.loginId,
        password: body.password,
        headers: c.req.raw.headers,
        actor: { kind: 'operator', id: null, requestId: c.get('requestId') },
      });
      for (const line of setCookies) c.header('set-cookie', line, { append: true });
      return c.json({ status: 'second_factor_required' as const, method }, 202);
    },
  );
}
