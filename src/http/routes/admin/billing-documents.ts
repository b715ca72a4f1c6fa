// The console's billing documents: credit notes on an invoice and their PDFs, the stored-document search (and its CSV), the accounting CSV export.
import { createRoute, z } from '@hono/zod-openapi';
import {
  type BillingDocumentView,
  type CreditNoteDetail,
  exportInvoicesCsv,
  getCreditNotePdf,
  getInvoice,
  issueCreditNote,
  listInvoiceCreditNotes,
  searchBillingDocuments,
} from '../../../modules/billing/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { invoiceIdParamsSchema } from '../mypage/invoice-schemas.js';
import { pdfContent, pdfLangQuerySchema, pdfResponse } from '../mypage/pdf-response.js';
import { operatorActor, problem } from './admin-schemas.js';

const label = z.object({ ja: z.string(), en: z.string() });
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const creditNoteSchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: 'CN2026-0000001' }),
    invoiceId: z.string(),
    memberId: z.string(),
    issueDate: z.string(),
    original: z
      .object({ issueDate: z.string(), periodFrom: z.string(), periodThrough: z.string() })
      .openapi({ description: 'the original sale: the invoice’s issue date and billed period' }),
    reason: z.string(),
    issuerName: z.string(),
    registrationNumber: z.string().nullable(),
    rates: z.array(
      z.object({
        percent: z.number().int(),
        reduced: z.boolean(),
        taxableAmount: z.number().int(),
        tax: z.number().int(),
      }),
    ),
    subtotal: z.number().int(),
    tax: z.number().int(),
    total: z.number().int().openapi({ description: 'returned, tax included (positive)' }),
    lines: z.array(
      z.object({
        position: z.number().int(),
        invoicePosition: z.number().int(),
        description: label,
        amount: z.number().int(),
        taxPercent: z.number().int(),
        reducedMarker: z.boolean(),
        serviceFrom: z.string(),
        serviceThrough: z.string(),
      }),
    ),
    createdAt: z.string(),
  })
  .openapi('CreditNote');

const creditNoteJson = (note: CreditNoteDetail) => note;

/** Issues a credit note on an issued invoice: all that is left of it, or chosen lines and amounts. */
export function adminIssueCreditNoteRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/invoices/{invoiceId}/credit-notes',
      tags: ['admin'],
      summary: 'Issue a credit note (適格返還請求書)',
      description:
        'Without `lines`, returns everything of the invoice not yet returned. With `lines`, each `position` (the invoice line) and `amount` (tax-exclusive yen; absent: what is left of the line). Tax is rounded once per rate on this note; the note that returns the last of a rate returns exactly the invoice’s remaining tax. Writes a `credit_note` ledger entry of minus the total. Audited (`billing.credit_note_issued`).',
      middleware: [requirePermission('billing.credit')] as const,
      request: {
        params: invoiceIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  reason: z.string().trim().min(1).max(500),
                  lines: z
                    .array(
                      z.object({
                        position: z.number().int().min(1),
                        amount: z.number().int().min(1).max(1_000_000_000_000).optional(),
                      }),
                    )
                    .min(1)
                    .max(500)
                    .optional(),
                })
                .openapi('CreditNoteRequest'),
            },
          },
        },
      },
      responses: {
        201: {
          description: 'the credit note',
          content: { 'application/json': { schema: creditNoteSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such invoice'),
        409: problem('the invoice is not issued, or already returned in full'),
        422: problem('an unknown or repeated line, or more than is left of a line'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const note = await issueCreditNote(ctx.db, {
        invoiceId: c.req.valid('param').invoiceId,
        reason: body.reason,
        lines: body.lines,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(creditNoteJson(note), 201);
    },
  );
}

/** The credit notes of one invoice, oldest first. */
export function adminListInvoiceCreditNotesRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/invoices/{invoiceId}/credit-notes',
      tags: ['admin'],
      summary: 'The credit notes of an invoice',
      middleware: [requirePermission('billing.read')] as const,
      request: { params: invoiceIdParamsSchema },
      responses: {
        200: {
          description: 'the credit notes, oldest first',
          content: { 'application/json': { schema: z.object({ creditNotes: z.array(creditNoteSchema) }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such invoice'),
      },
    }),
    async (c) => {
      const db = c.get('ctx').db;
      const { invoiceId } = c.req.valid('param');
      await getInvoice(db, { invoiceId });
      return c.json({ creditNotes: (await listInvoiceCreditNotes(db, invoiceId)).map(creditNoteJson) }, 200);
    },
  );
}

/** One credit note as a PDF (the stored record). */
export function adminGetCreditNotePdfRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/credit-notes/{creditNoteId}/pdf',
      tags: ['admin'],
      summary: 'One credit note as a PDF',
      middleware: [requirePermission('billing.read')] as const,
      request: {
        params: z.object({ creditNoteId: z.string().min(1).max(100) }),
        query: pdfLangQuerySchema,
      },
      responses: {
        200: { description: 'the qualified credit note (A4)', content: pdfContent },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such credit note'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const pdf = await getCreditNotePdf(ctx.db, {
        creditNoteId: c.req.valid('param').creditNoteId,
        locale: c.req.valid('query').lang,
        now: ctx.clock.now(),
      });
      return pdfResponse(c, pdf);
    },
  );
}

const documentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['invoice', 'credit_note']),
    documentId: z.string().openapi({ description: 'the invoice’s or credit note’s id' }),
    number: z.string(),
    memberId: z.string(),
    counterparty: z.string(),
    transactionDate: z.string(),
    amount: z.number().int().openapi({ description: 'tax included' }),
    sha256: z.string(),
    storedAt: z.string(),
  })
  .openapi('BillingDocument');

const documentCsvColumns = [
  '種別',
  '書類番号',
  '取引日',
  '金額（税込）',
  '取引先',
  '会員ID',
  'SHA-256',
  '保存日時',
] as const;

function documentsCsv(documents: BillingDocumentView[]): Buffer {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = [documentCsvColumns.join(',')];
  for (const d of documents) {
    rows.push(
      [
        d.kind === 'invoice' ? '請求書' : '返還請求書',
        d.number,
        d.transactionDate,
        d.amount,
        d.counterparty,
        d.memberId,
        d.sha256,
        d.storedAt,
      ]
        .map(cell)
        .join(','),
    );
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8')]);
}

/** The stored documents searched by transaction date, amount and counterparty, combined; JSON or CSV. */
export function adminSearchBillingDocumentsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/billing-documents',
      tags: ['admin'],
      summary: 'Stored billing documents (電子帳簿保存法 search)',
      description:
        'Every condition is optional and they combine: `from`/`to` (transaction date, inclusive), `minAmount`/`maxAmount` (tax included, inclusive), `counterparty` (part of the printed name, the member’s name or company), `kind`. Oldest transaction first, then by number. `format=csv`: the whole result (up to 10,000 rows) as UTF-8 CSV with BOM.',
      middleware: [requirePermission('billing.read')] as const,
      request: {
        query: z.object({
          kind: z.enum(['invoice', 'credit_note']).optional(),
          from: dateSchema.optional(),
          to: dateSchema.optional(),
          minAmount: z.coerce.number().int().min(0).optional(),
          maxAmount: z.coerce.number().int().min(0).optional(),
          counterparty: z.string().max(100).optional(),
          format: z.enum(['json', 'csv']).default('json'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: {
          description: 'a page of stored documents and the number of matches, or the CSV',
          content: {
            'application/json': {
              schema: z.object({ documents: z.array(documentSchema), total: z.number().int() }),
            },
            'text/csv': { schema: z.string() },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        422: problem('a query parameter is invalid'),
      },
    }),
    async (c) => {
      const { format, limit, offset, ...query } = c.req.valid('query');
      const db = c.get('ctx').db;
      if (format === 'csv') {
        const all = await searchBillingDocuments(db, { ...query, limit: 10_000, offset: 0 });
        return c.body(new Uint8Array(documentsCsv(all.documents)), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="billing-documents.csv"',
          'cache-control': 'private, no-store',
        });
      }
      return c.json(await searchBillingDocuments(db, { ...query, limit, offset }), 200);
    },
  );
}

/** A month's invoices and lines as CSV for accounting software. */
export function adminExportInvoicesRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/invoices/export',
      tags: ['admin'],
      summary: 'Invoices of a month as accounting CSV',
      description:
        'One row per invoice line with its invoice’s facts (columns in the billing README). `encoding=sjis`: Shift_JIS (Windows-31J); `utf8bom`: UTF-8 with a BOM.',
      middleware: [requirePermission('billing.read')] as const,
      request: {
        query: z.object({
          month: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
            .openapi({ example: '2026-04' }),
          encoding: z.enum(['sjis', 'utf8bom']).default('utf8bom'),
        }),
      },
      responses: {
        200: { description: 'the CSV', content: { 'text/csv': { schema: z.string() } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        422: problem('the month is not YYYY-MM or the encoding is unknown'),
      },
    }),
    async (c) => {
      const { month, encoding } = c.req.valid('query');
      const bytes = await exportInvoicesCsv(c.get('ctx').db, { month, encoding });
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': `text/csv; charset=${encoding === 'sjis' ? 'Shift_JIS' : 'utf-8'}`,
        'content-disposition': `attachment; filename="invoices-${month}-${encoding}.csv"`,
        'cache-control': 'private, no-store',
      });
    },
  );
}
