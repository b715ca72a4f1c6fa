// POST /api/admin/inquiries/{id}/replies: answer the customer by mail; the inquiry becomes "answered".
import { createRoute, z } from '@hono/zod-openapi';
import { getInquiry, replyToInquiry } from '../../../modules/support/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import {
  adminInquiryJson,
  adminInquirySchema,
  inquiryIdParamsSchema,
  inquiryMessageBodySchema,
} from './inquiry-schemas.js';

/** Keeps and mails the reply (audited `inquiry.replied`) and answers with the inquiry. */
export function adminReplyToInquiryRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/inquiries/{id}/replies',
      tags: ['admin'],
      summary: 'Reply to an inquiry',
      middleware: [requirePermission('inquiries.handle')] as const,
      request: {
        params: inquiryIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ body: inquiryMessageBodySchema }).openapi('InquiryReplyInput'),
            },
          },
        },
      },
      responses: {
        201: { description: 'the inquiry', content: { 'application/json': { schema: adminInquirySchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such inquiry'),
        409: problem('the inquiry is closed'),
        422: problem('the reply is empty or too long'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const inquiryId = c.req.valid('param').id;
      await replyToInquiry(ctx.db, {
        inquiryId,
        body: c.req.valid('json').body,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(adminInquiryJson(await getInquiry(ctx.db, inquiryId)), 201);
    },
  );
}
