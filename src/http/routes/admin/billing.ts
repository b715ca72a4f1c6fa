// The console's billing: GET/POST /api/admin/billing-runs (the monthly close and its dry run), GET /api/admin/invoices and /api/admin/invoices/{invoiceId}.
import { createRoute, z } from '@hono/zod-openapi';
import {
  type CloseRunView,
  closeBillingMonth,
  getInvoice,
  listCloseRuns,
  searchInvoices,
} from '../../../modules/billing/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import {
  invoiceDetailJson,
  invoiceDetailSchema,
  invoiceIdParamsSchema,
  invoiceStatusSchema,
  invoiceSummaryJson,
  invoiceSummarySchema,
} from '../mypage/invoice-schemas.js';
import { operatorActor, problem } from './admin-schemas.js';

const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .openapi({ example: '2026-04' });

const billingRunSchema = z
  .object({
    id: z.string(),
    profileId: z.string(),
    month: z.string(),
    periodFrom: z.string(),
    periodThrough: z.string(),
    state: z.enum(['running', 'completed']),
    invoiceCount: z.number().int(),
    lineCount: z.number().int(),
    memberCount: z.number().int(),
    totalAmount: z.number().int(),
    taxAmount: z.number().int(),
    startedBy: z.object({ kind: z.string(), id: z.string().nullable() }),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('BillingRun');

const runJson = (run: CloseRunView) => run;

/** The closes, newest month first. */
export function adminListBillingRunsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/billing-runs',
      tags: ['admin'],
      summary: 'Billing runs (monthly closes)',
      middleware: [requirePermission('billing.read')] as const,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(120).default(24) }) },
      responses: {
        200: {
          description: 'the closes',
          content: { 'application/json': { schema: z.object({ runs: z.array(billingRunSchema) }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) =>
      c.json({ runs: (await listCloseRuns(c.get('ctx').db, c.req.valid('query'))).map(runJson) }, 200),
  );
}

/** Runs the close for a month, or its dry run; a month already closed answers the earlier run. */
export function adminStartBillingRunRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/billing-runs',
      tags: ['admin'],
      summary: 'Close a month (or a dry run)',
      description:
        'One qualified invoice per member for the month (start-of-month close: terms beginning in the month, billed in advance). `dryRun` computes the same through the same code and saves nothing. A month already closed answers the earlier run with `alreadyClosed: true`. Audited.',
      middleware: [requirePermission('billing.close')] as const,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ month: monthSchema, dryRun: z.boolean().default(false) })
                .openapi('BillingRunStart'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'the run and what this request wrote (or would write)',
          content: {
            'application/json': {
              schema: z.object({
                run: billingRunSchema,
                dryRun: z.boolean(),
                alreadyClosed: z.boolean(),
                written: z.object({
                  invoices: z.number().int(),
                  lines: z.number().int(),
                  total: z.number().int(),
                }),
              }),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        422: problem('the month is not YYYY-MM'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const result = await closeBillingMonth(ctx.db, {
        month: body.month,
        dryRun: body.dryRun,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json({ ...result, run: runJson(result.run) }, 200);
    },
  );
}

/** Invoices searched and paged. */
export function adminSearchInvoicesRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/invoices',
      tags: ['admin'],
      summary: 'Invoices',
      description:
        'Newest month first. `number`: part of an invoice number; `memberId`; `month` (`YYYY-MM`); `status`; `limit` (1–200, 50) and `offset`.',
      middleware: [requirePermission('billing.read')] as const,
      request: {
        query: z.object({
          number: z.string().max(40).optional(),
          memberId: z.string().max(100).optional(),
          month: monthSchema.optional(),
          status: invoiceStatusSchema.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: {
          description: 'a page of invoices and the number of matches',
          content: {
            'application/json': {
              schema: z.object({
                invoices: z.array(invoiceSummarySchema.extend({ memberId: z.string() })),
                total: z.number().int(),
              }),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        422: problem('a query parameter is invalid'),
      },
    }),
    async (c) => {
      const page = await searchInvoices(c.get('ctx').db, c.req.valid('query'));
      return c.json(
        {
          invoices: page.invoices.map((i) => ({ ...invoiceSummaryJson(i), memberId: i.memberId })),
          total: page.total,
        },
        200,
      );
    },
  );
}

/** One invoice with its lines. */
export function adminGetInvoiceRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/invoices/{invoiceId}',
      tags: ['admin'],
      summary: 'One invoice',
      middleware: [requirePermission('billing.read')] as const,
      request: { params: invoiceIdParamsSchema },
      responses: {
        200: {
          description: 'the qualified invoice',
          content: {
            'application/json': {
              schema: invoiceDetailSchema.extend({
                memberId: z.string(),
                billingRunId: z.string().nullable(),
              }),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such invoice'),
      },
    }),
    async (c) => {
      const invoice = await getInvoice(c.get('ctx').db, { invoiceId: c.req.valid('param').invoiceId });
      return c.json(
        { ...invoiceDetailJson(invoice), memberId: invoice.memberId, billingRunId: invoice.billingRunId },
        200,
      );
    },
  );
}
