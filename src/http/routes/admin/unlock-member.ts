// POST /api/admin/members/{id}/unlock: lifts the lock of a member's login ID after a recorded identity check.
import { createRoute } from '@hono/zod-openapi';
import { unlockLoginIdAfterIdentityCheck } from '../../../modules/identity/auth-index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { identityCheckBodySchema } from './identity-check-schema.js';
import { memberIdParamsSchema } from './member-schemas.js';

/** Unlocks; audited `login_id.unlocked` with the identity check. */
export function adminUnlockMemberRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/members/{id}/unlock',
      tags: ['admin'],
      summary: "Unlock a member's login ID after an identity check",
      middleware: [requirePermission('members.unlock')] as const,
      request: {
        params: memberIdParamsSchema,
        body: { required: true, content: { 'application/json': { schema: identityCheckBodySchema } } },
      },
      responses: {
        204: { description: 'unlocked; the failure count starts again at zero' },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such member'),
        409: problem('the login ID is not locked (`login_not_locked`); nothing changed'),
        422: problem('the identity check is missing or incomplete'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      await unlockLoginIdAfterIdentityCheck(ctx.db, {
        memberId: c.req.valid('param').id,
        identityCheck: c.req.valid('json').identityCheck,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.body(null, 204);
    },
  );
}
