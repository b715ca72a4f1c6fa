// GET /api/admin/sms: the dev SMS outbox, what the store would have sent with an SMS provider configured.
import { createRoute, z } from '@hono/zod-openapi';
import { carriesSecret, listDevSms } from '../../../modules/notifications/index.js';
import { mayPerform } from '../../../modules/operators/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';

const devSmsSchema = z
  .object({
    id: z.string(),
    template: z.string(),
    to: z.string().openapi({ description: 'E.164', example: '+819012345678' }),
    body: z.string().nullable().openapi({ description: 'null when withheld' }),
    withheld: z.boolean().openapi({
      description: 'The SMS carries a credential (a sign-in code) and only the owner may read its text',
    }),
    deliveredAt: z.string(),
  })
  .openapi('DevSms');

/** The newest SMS of the dev SMS outbox. */
export function adminListSmsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/sms',
      tags: ['admin'],
      summary: 'Dev SMS outbox (SMS kept instead of sent)',
      middleware: [requirePermission('mailbox.read')] as const,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: {
        200: {
          description: 'newest first',
          content: { 'application/json': { schema: z.object({ messages: z.array(devSmsSchema) }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => {
      const messages = await listDevSms(c.get('ctx').db, c.req.valid('query').limit);
      const readsSecrets = mayPerform(c.get('operator').roles, 'mailbox.read_secrets');
      return c.json(
        {
          messages: messages.map((m) => {
            const withheld = !readsSecrets && carriesSecret('sms', m.template);
            return {
              id: m.id,
              template: m.template,
              to: m.to,
              body: withheld ? null : m.body,
              withheld,
              deliveredAt: m.deliveredAt.toISOString(),
            };
          }),
        },
        200,
      );
    },
  );
}
