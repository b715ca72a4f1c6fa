// POST /api/admin/login-ids/unlock: lifts the lock of a login ID as a caller gave it, whether or not a member holds it.
import { createRoute, z } from '@hono/zod-openapi';
import { unlockLoginIdAfterIdentityCheck } from '../../../modules/identity/auth-index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { identityCheckSchema } from './identity-check-schema.js';

/**
 * For an inquiry naming a login ID: unknown IDs lock like known ones, so they can be unlocked too. The
 * answer says which member holds the ID (null for none): support may search members anyway.
 */
export function adminUnlockLoginIdRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/login-ids/unlock',
      tags: ['admin'],
      summary: 'Unlock a login ID given as text, after an identity check',
      middleware: [requirePermission('members.unlock')] as const,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ loginId: z.string().trim().min(1).max(64), identityCheck: identityCheckSchema })
                .openapi('LoginIdUnlock'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'unlocked',
          content: {
            'application/json': {
              schema: z
                .object({
                  loginIdKey: z.string().openapi({ description: 'the ID as compared (NFKC, lower case)' }),
                  memberId: z.string().nullable().openapi({ description: 'the member holding it, or null' }),
                })
                .openapi('LoginIdUnlocked'),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        409: problem('the login ID is not locked (`login_not_locked`); nothing changed'),
        422: problem('the login ID or the identity check is missing'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const result = await unlockLoginIdAfterIdentityCheck(ctx.db, {
        loginId: body.loginId,
        identityCheck: body.identityCheck,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(result, 200);
    },
  );
}
