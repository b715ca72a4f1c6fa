// GET /api/mypage/credit-notes/{creditNoteId}/pdf: one of the member's credit notes as a PDF (the stored record).
import { createRoute, z } from '@hono/zod-openapi';
import { getCreditNotePdf } from '../../../modules/billing/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { pdfContent, pdfLangQuerySchema, pdfResponse } from './pdf-response.js';

/** One of the member's credit notes; another member's answers exactly like an unknown one (404). */
export function getMyCreditNotePdfRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/credit-notes/{creditNoteId}/pdf',
      tags: ['mypage'],
      summary: 'One of my credit notes as a PDF',
      request: {
        params: z.object({ creditNoteId: z.string().min(1).max(100) }),
        query: pdfLangQuerySchema,
      },
      responses: {
        200: { description: 'the qualified credit note (A4)', content: pdfContent },
        401: problem('not signed in'),
        404: problem('no such credit note of this member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const pdf = await getCreditNotePdf(ctx.db, {
        creditNoteId: c.req.valid('param').creditNoteId,
        memberId,
        locale: c.req.valid('query').lang,
        now: ctx.clock.now(),
      });
      return pdfResponse(c, pdf);
    },
  );
}
