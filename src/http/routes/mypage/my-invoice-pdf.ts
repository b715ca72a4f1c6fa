// GET /api/mypage/invoices/{invoiceId}/pdf: the member's own invoice as a PDF (the stored record once issued).
import { createRoute } from '@hono/zod-openapi';
import { getInvoicePdf } from '../../../modules/billing/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { invoiceIdParamsSchema } from './invoice-schemas.js';
import { pdfContent, pdfLangQuerySchema, pdfResponse } from './pdf-response.js';

/** One of the member's invoices as a PDF; another member's answers exactly like an unknown one (404). */
export function getMyInvoicePdfRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/invoices/{invoiceId}/pdf',
      tags: ['mypage'],
      summary: 'One of my invoices as a PDF',
      request: { params: invoiceIdParamsSchema, query: pdfLangQuerySchema },
      responses: {
        200: {
          description: 'the qualified invoice (A4, Japanese; `lang=en`: English beside it)',
          content: pdfContent,
        },
        401: problem('not signed in'),
        404: problem('no such invoice of this member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const pdf = await getInvoicePdf(ctx.db, {
        invoiceId: c.req.valid('param').invoiceId,
        memberId,
        locale: c.req.valid('query').lang,
        now: ctx.clock.now(),
      });
      return pdfResponse(c, pdf);
    },
  );
}
