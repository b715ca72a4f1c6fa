// The console's receivables ledger: payments recorded by hand, refunds, write-offs, credit applied, an invoice's and a member's entries, flagged payments.
import { createRoute, z } from '@hono/zod-openapi';
import { yen } from '../../../domain/money.js';
import {
  applyMemberCredit,
  getInvoiceLedger,
  listFlaggedPayments,
  listLedgerEntries,
  paymentMethods,
  recordInvoicePayment,
  refundInvoiceCredit,
  writeOffInvoice,
} from '../../../modules/billing/index.js';
import { getMemberProfile, identityErrors } from '../../../modules/identity/auth-index.js';
import { multilineText } from '../../input-text-guard.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { invoiceIdParamsSchema, invoiceStatusSchema } from '../mypage/invoice-schemas.js';
import { operatorActor, problem } from './admin-schemas.js';
import { memberIdParamsSchema } from './member-schemas.js';

const yenAmount = z.number().int().min(1).max(1_000_000_000);
const dateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  .openapi({ example: '2026-04-10' });
const reasonSchema = multilineText(z.string().trim().min(1).max(1000));
const methodSchema = z.enum(paymentMethods).openapi({
  description:
    '`bank_transfer` 銀行振込, `card` カード, `direct_debit` 口座振替, `agency` 決済代行, `convenience_store` コンビニ, `cash` 現金, `other` その他',
});

const entrySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['invoice', 'payment', 'credit_note', 'refund', 'write_off', 'adjustment']),
    amount: z
      .number()
      .int()
      .openapi({ description: 'invoices positive; payments, credits, write-offs negative' }),
    invoiceId: z.string().nullable(),
    occurredOn: z.string(),
    note: z.string().nullable(),
    actor: z.object({ kind: z.string(), id: z.string().nullable() }),
    recordedAt: z.string(),
  })
  .openapi('LedgerEntry');

const ledgerChangeSchema = z
  .object({
    entryId: z.string(),
    status: invoiceStatusSchema,
    open: z.number().int().openapi({ description: 'still owed; negative: a credit the member holds' }),
  })
  .openapi('LedgerChange');

const common = {
  401: problem('not signed in as an operator'),
  403: problem('no role allows this'),
  404: problem('no such invoice'),
};

/** Records a payment seen to arrive; an invoice already paid accepts it flagged `already_paid`. */
export function adminRecordInvoicePaymentRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/invoices/{invoiceId}/payments',
      tags: ['admin'],
      summary: 'Record a payment',
      description:
        "A `payment` ledger entry; the invoice becomes `partially_paid` or `paid` as the ledger sums say. More than is owed stays as the member's credit; money for an invoice that owed nothing is accepted and flagged `already_paid`. Audited.",
      middleware: [requirePermission('billing.record_payment')] as const,
      request: {
        params: invoiceIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  amount: yenAmount,
                  receivedOn: dateSchema,
                  method: methodSchema,
                  note: multilineText(z.string().trim().max(1000)).optional(),
                })
                .openapi('InvoicePaymentInput'),
            },
          },
        },
      },
      responses: {
        201: {
          description: 'recorded',
          content: {
            'application/json': {
              schema: ledgerChangeSchema.extend({ flag: z.enum(['already_paid']).nullable() }),
            },
          },
        },
        ...common,
        409: problem('`invoice_not_payable`: a draft or void invoice'),
        422: problem('`ledger_date_in_future`, or a field is invalid'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const result = await recordInvoicePayment(ctx.db, {
        invoiceId: c.req.valid('param').invoiceId,
        amount: yen(body.amount),
        receivedOn: body.receivedOn,
        method: body.method,
        note: body.note ? body.note : null,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(
        { entryId: result.entryId, status: result.status, open: result.open, flag: result.flag },
        201,
      );
    },
  );
}

/** Writes off what an invoice still owes (all, or `amount`), with a reason. */
export function adminWriteOffInvoiceRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/invoices/{invoiceId}/write-offs',
      tags: ['admin'],
      summary: 'Write off an invoice',
      description:
        'A `write_off` ledger entry with the reason; fully settled so, the invoice is `written_off`. Audited.',
      middleware: [requirePermission('billing.write_off')] as const,
      request: {
        params: invoiceIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ amount: yenAmount.optional(), reason: reasonSchema })
                .openapi('InvoiceWriteOffInput'),
            },
          },
        },
      },
      responses: {
        201: { description: 'written off', content: { 'application/json': { schema: ledgerChangeSchema } } },
        ...common,
        409: problem('`write_off_exceeds_open` or `invoice_not_payable`'),
        422: problem('no reason, or an invalid amount'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const result = await writeOffInvoice(ctx.db, {
        invoiceId: c.req.valid('param').invoiceId,
        amount: body.amount === undefined ? undefined : yen(body.amount),
        reason: body.reason,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json({ entryId: result.entryId, status: result.status, open: result.open }, 201);
    },
  );
}

/** Refunds what was paid beyond an invoice (all of it, or `amount`). */
export function adminRefundInvoiceCreditRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/invoices/{invoiceId}/refunds',
      tags: ['admin'],
      summary: 'Refund an over-payment',
      description: "A `refund` ledger entry against the invoice's surplus, with a note. Audited.",
      middleware: [requirePermission('billing.refund')] as const,
      request: {
        params: invoiceIdParamsSchema,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ amount: yenAmount.optional(), note: reasonSchema })
                .openapi('InvoiceRefundInput'),
            },
          },
        },
      },
      responses: {
        201: { description: 'refunded', content: { 'application/json': { schema: ledgerChangeSchema } } },
        ...common,
        409: problem('`refund_exceeds_credit` or `invoice_not_payable`'),
        422: problem('no note, or an invalid amount'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const result = await refundInvoiceCredit(ctx.db, {
        invoiceId: c.req.valid('param').invoiceId,
        amount: body.amount === undefined ? undefined : yen(body.amount),
        note: body.note,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json({ entryId: result.entryId, status: result.status, open: result.open }, 201);
    },
  );
}

/** An invoice's ledger entries and sums. */
export function adminGetInvoiceLedgerRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/invoices/{invoiceId}/ledger',
      tags: ['admin'],
      summary: "An invoice's ledger entries",
      middleware: [requirePermission('billing.read')] as const,
      request: { params: invoiceIdParamsSchema },
      responses: {
        200: {
          description: 'entries oldest first; `open` still owed, `paid` received, `writtenOff`',
          content: {
            'application/json': {
              schema: z.object({
                entries: z.array(
                  entrySchema.extend({
                    payment: z
                      .object({ method: methodSchema, flag: z.enum(['already_paid']).nullable() })
                      .nullable(),
                  }),
                ),
                total: z.number().int(),
                open: z.number().int(),
                paid: z.number().int(),
                writtenOff: z.number().int(),
              }),
            },
          },
        },
        ...common,
      },
    }),
    async (c) => {
      const ledger = await getInvoiceLedger(c.get('ctx').db, c.req.valid('param').invoiceId);
      return c.json({ entries: ledger.entries, ...ledger.sums }, 200);
    },
  );
}

/** A member's ledger: balance and every entry. */
export function adminGetMemberLedgerRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/members/{id}/ledger',
      tags: ['admin'],
      summary: "A member's receivables ledger",
      middleware: [requirePermission('billing.read')] as const,
      request: { params: memberIdParamsSchema },
      responses: {
        200: {
          description: 'entries oldest first; `balance` owed (negative: credit)',
          content: {
            'application/json': {
              schema: z.object({ balance: z.number().int(), entries: z.array(entrySchema) }),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = c.req.valid('param').id;
      await getMemberProfile(ctx.db, memberId).catch(() => {
        throw identityErrors.memberNotFound();
      });
      const ledger = await listLedgerEntries(ctx.db, memberId);
      return c.json({ balance: ledger.balance, entries: ledger.entries }, 200);
    },
  );
}

/** Applies the member's credit to their invoices still owed, oldest first. */
export function adminApplyMemberCreditRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/members/{id}/credit-applications',
      tags: ['admin'],
      summary: "Apply a member's credit to open invoices",
      description:
        'Moves what over-paid invoices hold to invoices still owed (oldest period first) as pairs of `adjustment` entries; the balance is unchanged, statuses follow. Nothing to move answers an empty list. Audited.',
      middleware: [requirePermission('billing.record_payment')] as const,
      request: { params: memberIdParamsSchema },
      responses: {
        200: {
          description: 'the moves made',
          content: {
            'application/json': {
              schema: z.object({
                moves: z.array(
                  z.object({
                    fromInvoiceId: z.string(),
                    fromNumber: z.string(),
                    toInvoiceId: z.string(),
                    toNumber: z.string(),
                    amount: z.number().int(),
                  }),
                ),
              }),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = c.req.valid('param').id;
      await getMemberProfile(ctx.db, memberId).catch(() => {
        throw identityErrors.memberNotFound();
      });
      const result = await applyMemberCredit(ctx.db, {
        memberId,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(result, 200);
    },
  );
}

/** Payments flagged because their invoice owed nothing (double transfers), newest first. */
export function adminListFlaggedPaymentsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/payments/flagged',
      tags: ['admin'],
      summary: 'Flagged payments',
      description:
        '`unresolved=true` keeps those whose invoice still holds the surplus (neither refunded nor applied).',
      middleware: [requirePermission('billing.read')] as const,
      request: {
        query: z.object({
          unresolved: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
        }),
      },
      responses: {
        200: {
          description: 'the flagged payments',
          content: {
            'application/json': {
              schema: z.object({
                payments: z.array(
                  z.object({
                    entryId: z.string(),
                    invoiceId: z.string(),
                    invoiceNumber: z.string(),
                    memberId: z.string(),
                    amount: z.number().int(),
                    receivedOn: z.string(),
                    method: methodSchema,
                    flag: z.enum(['already_paid']),
                    invoiceOpen: z.number().int(),
                    recordedAt: z.string(),
                  }),
                ),
              }),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => {
      const payments = await listFlaggedPayments(c.get('ctx').db, {
        unresolvedOnly: c.req.valid('query').unresolved,
      });
      return c.json({ payments }, 200);
    },
  );
}
