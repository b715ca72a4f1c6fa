// POST /api/admin/registrations/{id}/reject: a registration under review is refused, with a reason mailed to the person.
import { createRoute, z } from '@hono/zod-openapi';
import { rejectRegistration } from '../../../modules/identity/auth-index.js';
import { multilineText } from '../../input-text-guard.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { memberIdParamsSchema } from './member-schemas.js';
import { memberStatusChangeSchema } from './registration-schemas.js';

/** Rejects one registration; the reason is written for the person, who receives it by mail. */
export function adminRejectRegistrationRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/registrations/{id}/reject',
      tags: ['admin'],
      summary: 'Reject a registration',
      middleware: [requirePermission('registrations.review')] as const,
      request: {
        params: memberIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  reason: multilineText(
                    z.string().trim().min(1).max(1000).openapi({
                      description: 'told to the person in the rejection mail',
                      example: 'ご登録の住所を確認できませんでした。',
                    }),
                  ),
                })
                .openapi('RegistrationRejection'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'rejected; the mail is on its way',
          content: { 'application/json': { schema: memberStatusChangeSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such member'),
        409: problem('the member is not waiting for review'),
        422: problem('no reason given'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = c.req.valid('param').id;
      const result = await rejectRegistration(ctx.db, {
        memberId,
        reason: c.req.valid('json').reason,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json({ memberId, status: result.status }, 200);
    },
  );
}
