// POST /api/admin/registrations/{id}/approve: a registration under review becomes an active member, who is mailed.
import { createRoute } from '@hono/zod-openapi';
import { approveRegistration } from '../../../modules/identity/auth-index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { memberIdParamsSchema } from './member-schemas.js';
import { memberStatusChangeSchema } from './registration-schemas.js';

/** Approves one registration; the "registration complete" mail goes in the member's language. */
export function adminApproveRegistrationRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/registrations/{id}/approve',
      tags: ['admin'],
      summary: 'Approve a registration',
      middleware: [requirePermission('registrations.review')] as const,
      request: { params: memberIdParamsSchema },
      responses: {
        200: {
          description: 'approved; the member can sign in',
          content: { 'application/json': { schema: memberStatusChangeSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such member'),
        409: problem('the member is not waiting for review'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = c.req.valid('param').id;
      const result = await approveRegistration(ctx.db, {
        memberId,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json({ memberId, status: result.status }, 200);
    },
  );
}
