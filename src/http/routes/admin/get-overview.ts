// GET /api/admin/overview: the console home's counts of the day's work, each only for roles that may open its queue.
import { createRoute, z } from '@hono/zod-openapi';
import { getConsoleOverview } from '../../../flows/get-console-overview.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';

const count = (description: string) => z.number().int().min(0).optional().openapi({ description });

const overviewSchema = z
  .object({
    newOrders: count('orders still `received` (orders.read)'),
    linesWaiting: count('order lines `received` or `preparing`: the provisioning queue (orders.read)'),
    newInquiries: count('inquiries `new` (inquiries.read)'),
    unansweredInquiries: count('inquiries `in_progress`, not yet answered (inquiries.read)'),
    registrationsToReview: count('registrations `pending_review` (registrations.review)'),
    lockedLoginIds: count('member login IDs locked now (members.unlock)'),
    lockedOperators: count('operator login IDs locked now (operators.unlock)'),
    failedMessages: count('mails and SMS that failed after their last retry (mailbox.read)'),
    failedWebhooks: count('webhooks that failed after their last retry (orders.read)'),
    licenceAttachConflicts: count(
      'refused attachments of a licence another member holds, not yet looked into (licences.manage)',
    ),
  })
  .openapi('AdminOverview');

/** The counts the signed-in operator's roles may see. */
export function adminGetOverviewRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/overview',
      tags: ['admin'],
      summary: "The console home's counts",
      description:
        'Each count is present only when one of the operator’s roles may open its queue (the action in brackets); absent is not zero.',
      middleware: [requirePermission('overview.read')] as const,
      responses: {
        200: { description: 'the counts', content: { 'application/json': { schema: overviewSchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const overview = await getConsoleOverview(ctx.db, {
        roles: c.get('operator').roles,
        now: ctx.clock.now(),
      });
      return c.json(overview, 200);
    },
  );
}
