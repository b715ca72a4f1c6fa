// POST /api/admin/inquiries/{id}/notes: an internal note for colleagues, never shown to the customer.
import { createRoute, z } from '@hono/zod-openapi';
import { addInternalNote, getInquiry } from '../../../modules/support/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import {
  adminInquiryJson,
  adminInquirySchema,
  inquiryIdParamsSchema,
  inquiryMessageBodySchema,
} from './inquiry-schemas.js';

/** Adds the note (audited `inquiry.note_added`) and answers with the inquiry. */
export function adminAddInquiryNoteRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/inquiries/{id}/notes',
      tags: ['admin'],
      summary: 'Add an internal note to an inquiry',
      middleware: [requirePermission('inquiries.handle')] as const,
      request: {
        params: inquiryIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ body: inquiryMessageBodySchema }).openapi('InquiryNoteInput'),
            },
          },
        },
      },
      responses: {
        201: { description: 'the inquiry', content: { 'application/json': { schema: adminInquirySchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such inquiry'),
        422: problem('the note is empty or too long'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const inquiryId = c.req.valid('param').id;
      await addInternalNote(ctx.db, {
        inquiryId,
        body: c.req.valid('json').body,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(adminInquiryJson(await getInquiry(ctx.db, inquiryId)), 201);
    },
  );
}
