// GET /api/admin/mailbox: the dev mailbox, what the store would have sent with SMTP configured.
import { createRoute, z } from '@hono/zod-openapi';
import { carriesSecret, type DevMail, listDevMailbox } from '../../../modules/notifications/index.js';
import { mayPerform } from '../../../modules/operators/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';

export const devMailSchema = z
  .object({
    id: z.string(),
    messageId: z.string(),
    template: z.string(),
    from: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string().nullable().openapi({ description: 'null when withheld' }),
    withheld: z.boolean().openapi({
      description:
        'The mail carries a credential (a sign-in code, a temporary password, a single-use link) and only the owner may read its text',
    }),
    deliveredAt: z.string(),
  })
  .openapi('DevMail');

/** One kept mail as the console sees it: the text is withheld from roles that may not read credentials. */
export function devMailJson(m: DevMail, readsSecrets: boolean): z.infer<typeof devMailSchema> {
  const withheld = !readsSecrets && carriesSecret('mail', m.template);
  return {
    id: m.id,
    messageId: m.messageId,
    template: m.template,
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: withheld ? null : m.text,
    withheld,
    deliveredAt: m.deliveredAt.toISOString(),
  };
}

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
      const readsSecrets = mayPerform(c.get('operator').roles, 'mailbox.read_secrets');
      return c.json({ mails: mails.map((m) => devMailJson(m, readsSecrets)) }, 200);
    },
  );
}
