// GET /api/admin/inquiry-assignees: the operators an inbox names, and which of them an inquiry may go to.
import { createRoute, z } from '@hono/zod-openapi';
import { listOperatorDirectory, mayPerform } from '../../../modules/operators/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';

const assigneeSchema = z
  .object({
    id: z.string().openapi({ example: 'opr_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
    displayName: z.string(),
    assignable: z.boolean().openapi({
      description: 'active and allowed to handle inquiries; others are listed only to name old entries',
    }),
  })
  .openapi('InquiryAssignee');

/**
 * Names for the operator ids in the inbox (assignees, authors of replies and notes). Only the name
 * leaves: support staff need not see colleagues' login IDs, mail addresses or roles.
 */
export function adminListInquiryAssigneesRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/inquiry-assignees',
      tags: ['admin'],
      summary: 'Operators named in the inquiry inbox',
      middleware: [requirePermission('inquiries.read')] as const,
      responses: {
        200: {
          description: 'every operator by display name',
          content: {
            'application/json': {
              schema: z.object({ operators: z.array(assigneeSchema) }).openapi('InquiryAssigneeList'),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => {
      const directory = await listOperatorDirectory(c.get('ctx').db);
      return c.json(
        {
          operators: directory.map((entry) => ({
            id: entry.id,
            displayName: entry.displayName,
            assignable: entry.status === 'active' && mayPerform(entry.roles, 'inquiries.handle'),
          })),
        },
        200,
      );
    },
  );
}
