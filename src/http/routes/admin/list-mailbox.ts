// GET /api/admin/mailbox: the dev mailbox, what the store would have sent with SMTP configured.
import { createRoute, z } from '@hono/zod-openapi';
import { listDevMailbox } from '../../../modules/notifications/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';

export const devMailSchema = z
  .object({
    id: z.string(),
    messageId: z.string(),
    from: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    deliveredAt: z.string(),
  })
  .openapi('DevMail');

/** The newest mails of the dev mailbox. */
export function adminListMailboxRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/mailbox',
      tags: ['admin'],
      summary: 'Dev mailbox (mail kept instead of sent)',
      middleware: [requirePermission('mailbox.read')] as const,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: {
        200: {
          description: 'newest first',
          content: { 'application/json': { schema: z.object({ mails: z.array(devMailSchema) }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => {
      const mails = await listDevMailbox(c.get('ctx').db, c.req.valid('query').limit);
      return c.json(
        {
          mails: mails.map((m) => ({
            id: m.id,
            messageId: m.messageId,
            from: m.from,
            to: m.to,
            subject: m.subject,
            text: m.text,
            deliveredAt: m.deliveredAt.toISOString(),
          })),
        },
        200,
      );
    },
  );
}
