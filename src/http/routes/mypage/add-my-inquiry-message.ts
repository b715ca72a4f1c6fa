// POST /api/mypage/inquiries/{id}/messages: the member writes again; an answered inquiry reopens.
import { createRoute, z } from '@hono/zod-openapi';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { addMemberMessage, getMyInquiry } from '../../../modules/support/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import {
  inquiryIdParamsSchema,
  inquiryMessageBodySchema,
  myInquirySchema,
} from '../store/inquiry-schemas.js';
import { myInquiryJson } from './get-my-inquiry.js';

/** A follow-up on the member's own inquiry; answers with the inquiry as it now stands. */
export function addMyInquiryMessageRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/inquiries/{id}/messages',
      tags: ['mypage'],
      summary: 'Write again on one of my inquiries',
      request: {
        params: inquiryIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ body: inquiryMessageBodySchema }).openapi('InquiryFollowUp'),
            },
          },
        },
      },
      responses: {
        201: { description: 'added', content: { 'application/json': { schema: myInquirySchema } } },
        401: problem('not signed in'),
        404: problem('no such inquiry of this member'),
        409: problem('the inquiry is closed'),
        422: problem('the message is empty or too long'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const inquiryId = c.req.valid('param').id;
      await addMemberMessage(ctx.db, {
        memberId,
        inquiryId,
        body: c.req.valid('json').body,
        requestId: c.get('requestId'),
        now: ctx.clock.now(),
      });
      return c.json(myInquiryJson(await getMyInquiry(ctx.db, { memberId, inquiryId })), 201);
    },
  );
}
