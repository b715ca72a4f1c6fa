// GET /api/admin/inquiries/{id}: one inquiry with its whole conversation, internal notes included.
import { createRoute } from '@hono/zod-openapi';
import { getInquiry } from '../../../modules/support/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';
import { adminInquiryJson, adminInquirySchema, inquiryIdParamsSchema } from './inquiry-schemas.js';

/** The inquiry as the inbox shows it. */
export function adminGetInquiryRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/inquiries/{id}',
      tags: ['admin'],
      summary: 'One inquiry with every message',
      middleware: [requirePermission('inquiries.read')] as const,
      request: { params: inquiryIdParamsSchema },
      responses: {
        200: { description: 'the inquiry', content: { 'application/json': { schema: adminInquirySchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such inquiry'),
      },
    }),
    async (c) => c.json(adminInquiryJson(await getInquiry(c.get('ctx').db, c.req.valid('param').id)), 200),
  );
}
