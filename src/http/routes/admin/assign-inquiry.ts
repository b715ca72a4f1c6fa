// POST /api/admin/inquiries/{id}/assign: take an inquiry, hand it to a colleague, or release it.
import { createRoute, z } from '@hono/zod-openapi';
import { isActiveOperator } from '../../../modules/operators/index.js';
import { assignInquiry, getInquiry, supportErrors } from '../../../modules/support/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { adminInquiryJson, adminInquirySchema, inquiryIdParamsSchema } from './inquiry-schemas.js';

/** Sets the assignee (audited `inquiry.assigned`) and answers with the inquiry. */
export function adminAssignInquiryRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/inquiries/{id}/assign',
      tags: ['admin'],
      summary: 'Assign an inquiry',
      middleware: [requirePermission('inquiries.handle')] as const,
      request: {
        params: inquiryIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  operatorId: z
                    .string()
                    .min(1)
                    .max(100)
                    .nullable()
                    .openapi({ description: 'the operator to handle it, or null to release it' }),
                })
                .openapi('InquiryAssignment'),
            },
          },
        },
      },
      responses: {
        200: { description: 'the inquiry', content: { 'application/json': { schema: adminInquirySchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such inquiry'),
        422: problem('no such active operator'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const inquiryId = c.req.valid('param').id;
      const { operatorId } = c.req.valid('json');
      if (operatorId !== null && !(await isActiveOperator(ctx.db, operatorId))) {
        throw supportErrors.assigneeUnknown();
      }
      await assignInquiry(ctx.db, {
        inquiryId,
        assigneeOperatorId: operatorId,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(adminInquiryJson(await getInquiry(ctx.db, inquiryId)), 200);
    },
  );
}
