// GET /api/mypage/inquiries/{id}: one of the member's inquiries with the replies (internal notes never leave).
import { createRoute } from '@hono/zod-openapi';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { getMyInquiry, type MyInquiry } from '../../../modules/support/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { inquiryIdParamsSchema, myInquirySchema } from '../store/inquiry-schemas.js';

/** The inquiry as JSON for My Page. */
export function myInquiryJson(inquiry: MyInquiry) {
  return {
    ...inquiry,
    createdAt: inquiry.createdAt.toISOString(),
    updatedAt: inquiry.updatedAt.toISOString(),
    messages: inquiry.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  };
}

/** The member's own inquiry; another member's id answers exactly like an unknown one. */
export function getMyInquiryRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/inquiries/{id}',
      tags: ['mypage'],
      summary: 'One of my inquiries',
      request: { params: inquiryIdParamsSchema },
      responses: {
        200: {
          description: 'the inquiry and its replies',
          content: { 'application/json': { schema: myInquirySchema } },
        },
        401: problem('not signed in'),
        404: problem('no such inquiry of this member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const inquiry = await getMyInquiry(ctx.db, { memberId, inquiryId: c.req.valid('param').id });
      return c.json(myInquiryJson(inquiry), 200);
    },
  );
}
