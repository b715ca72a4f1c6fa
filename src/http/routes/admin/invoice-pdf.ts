// GET /api/admin/invoices/{invoiceId}/pdf: any invoice as a PDF for the console (the stored record once issued).
import { createRoute } from '@hono/zod-openapi';
import { getInvoicePdf } from '../../../modules/billing/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { invoiceIdParamsSchema } from '../mypage/invoice-schemas.js';
import { pdfContent, pdfLangQuerySchema, pdfResponse } from '../mypage/pdf-response.js';
import { problem } from './admin-schemas.js';

/** One invoice as a PDF. */
export function adminGetInvoicePdfRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/invoices/{invoiceId}/pdf',
      tags: ['admin'],
      summary: 'One invoice as a PDF',
      middleware: [requirePermission('billing.read')] as const,
      request: { params: invoiceIdParamsSchema, query: pdfLangQuerySchema },
      responses: {
        200: {
          description: 'the qualified invoice (A4, Japanese; `lang=en`: English beside it)',
          content: pdfContent,
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such invoice'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const pdf = await getInvoicePdf(ctx.db, {
        invoiceId: c.req.valid('param').invoiceId,
        locale: c.req.valid('query').lang,
        now: ctx.clock.now(),
      });
      return pdfResponse(c, pdf);
    },
  );
}
