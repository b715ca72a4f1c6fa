// POST /api/admin/inquiries/{id}/status: move an inquiry through its status machine.
import { createRoute, z } from '@hono/zod-openapi';
import { changeInquiryStatus, getInquiry } from '../../../modules/support/index.js';
import { multilineText } from '../../input-text-guard.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import {
  adminInquiryJson,
  adminInquirySchema,
  inquiryIdParamsSchema,
  inquiryStatusSchema,
} from './inquiry-schemas.js';

/** Changes the status (audited `inquiry.status_changed`, with the reason) and answers with the inquiry. */
export function adminChangeInquiryStatusRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/inquiries/{id}/status',
      tags: ['admin'],
      summary: 'Change the status of an inquiry',
      middleware: [requirePermission('inquiries.handle')] as const,
      request: {
        params: inquiryIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  status: inquiryStatusSchema,
                  reason: multilineText(z.string().trim().max(500)).optional(),
                })
                .openapi('InquiryStatusChange'),
            },
          },
        },
      },
      responses: {
        200: { description: 'the inquiry', content: { 'application/json': { schema: adminInquirySchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such inquiry'),
        409: problem('the status machine does not allow this step'),
        422: problem('not a status'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const inquiryId = c.req.valid('param').id;
      const body = c.req.valid('json');
      await changeInquiryStatus(ctx.db, {
        inquiryId,
        status: body.status,
        ...(body.reason ? { reason: body.reason } : {}),
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(adminInquiryJson(await getInquiry(ctx.db, inquiryId)), 200);
    },
  );
}
