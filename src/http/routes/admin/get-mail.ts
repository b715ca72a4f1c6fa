// GET /api/admin/mailbox/{id}: one mail of the dev mailbox, however old.
import { createRoute, z } from '@hono/zod-openapi';
import { kernelErrors } from '../../../domain/errors.js';
import { getDevMail } from '../../../modules/notifications/index.js';
import { mayPerform } from '../../../modules/operators/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';
import { devMailJson, devMailSchema } from './list-mailbox.js';

/** The mail with its text part; 404 `not_found` for an id the mailbox does not hold. */
export function adminGetMailRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/mailbox/{id}',
      tags: ['admin'],
      summary: 'One mail of the dev mailbox',
      middleware: [requirePermission('mailbox.read')] as const,
      request: {
        params: z.object({
          id: z
            .string()
            .min(1)
            .max(100)
            .openapi({
              param: { name: 'id', in: 'path' },
              example: 'mail_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e',
            }),
        }),
      },
      responses: {
        200: { description: 'the mail', content: { 'application/json': { schema: devMailSchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such mail'),
      },
    }),
    async (c) => {
      const m = await getDevMail(c.get('ctx').db, c.req.valid('param').id);
      if (!m) throw kernelErrors.notFound();
      return c.json(devMailJson(m, mayPerform(c.get('operator').roles, 'mailbox.read_secrets')), 200);
    },
  );
}
