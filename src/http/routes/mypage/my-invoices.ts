// GET /api/mypage/invoices and /api/mypage/invoices/{invoiceId}: the member's own invoices (請求一覧, 請求詳細), each from its reflection date on.
import { createRoute, z } from '@hono/zod-openapi';
import { getMyPageInvoice, listMyPageInvoices } from '../../../modules/billing/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import {
  invoiceIdParamsSchema,
  myInvoiceDetailJson,
  myInvoiceDetailSchema,
  myInvoiceSummaryJson,
  myInvoiceSummarySchema,
} from './invoice-schemas.js';

/** The member's invoices shown today (never a draft, none before its reflection date), newest month first. */
export function listMyInvoicesRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/invoices',
      tags: ['mypage'],
      summary: 'My invoices',
      request: {
        query: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(24),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: {
          description: 'a page of the member’s invoices',
          content: {
            'application/json': {
              schema: z.object({ invoices: z.array(myInvoiceSummarySchema), total: z.number().int() }),
            },
          },
        },
        401: problem('not signed in'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const page = await listMyPageInvoices(ctx.db, {
        memberId,
        now: ctx.clock.now(),
        ...c.req.valid('query'),
      });
      return c.json({ invoices: page.invoices.map(myInvoiceSummaryJson), total: page.total }, 200);
    },
  );
}

/** One of the member's invoices; another member's, a draft or one not yet reflected answers like an unknown one (404). */
export function getMyInvoiceRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/invoices/{invoiceId}',
      tags: ['mypage'],
      summary: 'One of my invoices',
      request: { params: invoiceIdParamsSchema },
      responses: {
        200: {
          description: 'the qualified invoice with its lines and per-rate totals',
          content: { 'application/json': { schema: myInvoiceDetailSchema } },
        },
        401: problem('not signed in'),
        404: problem('no such invoice of this member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const invoice = await getMyPageInvoice(ctx.db, {
        invoiceId: c.req.valid('param').invoiceId,
        memberId,
        now: ctx.clock.now(),
      });
      return c.json(myInvoiceDetailJson(invoice), 200);
    },
  );
}
