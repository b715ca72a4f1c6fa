// OpenAPI schemas of the renewal, next-term and payment-method routes (My Page and console).
import { z } from '@hono/zod-openapi';
import { isTermKey, termLabel } from '../../../domain/catalog.js';
import { bilingualSchema } from '../store/catalog-schemas.js';

const termChoiceSchema = z.object({ term: z.string(), label: bilingualSchema });

/** A term key with its label (6ヶ月 / 6 months); a key that is no term is shown as it is. */
export function termChoiceJson(term: string) {
  return {
    term,
    label: isTermKey(term)
      ? { ja: termLabel(term, 'ja'), en: termLabel(term, 'en') }
      : { ja: term, en: term },
  };
}

export const renewalChoiceSchema = z
  .object({
    term: z
      .string()
      .max(10)
      .optional()
      .openapi({ example: '12m', description: 'the next term; the current one when absent' }),
    options: z
      .array(z.string().max(60))
      .max(100)
      .optional()
      .openapi({ description: 'codes of the optional options to keep; included options come with the plan' }),
  })
  .openapi('RenewalChoice');

export const renewalQuoteSchema = z
  .object({
    contractId: z.string(),
    term: z.string(),
    termMonths: z.number().int(),
    termStart: z.string(),
    termEnd: z.string(),
    availableTerms: z.array(z.string()),
    termChoices: z.array(termChoiceSchema).openapi({ description: 'the available terms with their labels' }),
    options: z.array(
      z.object({
        code: z.string(),
        name: bilingualSchema,
        included: z.boolean(),
        required: z.boolean(),
        selected: z.boolean(),
      }),
    ),
    lines: z.array(
      z.object({
        kind: z.string(),
        code: z.string(),
        name: bilingualSchema,
        quantity: z.number(),
        unitPrice: z.number().int(),
        amount: z.number().int(),
      }),
    ),
    subtotal: z.number().int().openapi({ description: 'one term, tax excluded' }),
    tax: z.number().int(),
    total: z.number().int().openapi({ description: 'one term, tax included' }),
    windowOpens: z.string(),
    graceEnd: z.string(),
  })
  .openapi('RenewalQuote');

export const requestedRenewalSchema = renewalQuoteSchema
  .extend({ renewalId: z.string(), status: z.literal('pending') })
  .openapi('RequestedRenewal');

export const contractRenewalStateSchema = z
  .object({
    contractId: z.string(),
    renewalMode: z.enum(['auto', 'manual']),
    paymentMethod: z.string().nullable(),
    walletRenewalDay: z.number().int().nullable(),
    nextTerm: z
      .object({
        term: z.string(),
        options: z.array(z.object({ code: z.string(), quantity: z.number().optional() })),
      })
      .nullable(),
    nextTermChangeDeadline: z
      .string()
      .nullable()
      .openapi({ description: 'YYYY-MM-DD; null when none applies' }),
  })
  .openapi('ContractRenewalState');

/** The renewal state of a contract row, as the routes answer it. */
export function renewalStateJson(
  row: {
    id: string;
    renewalMode: 'auto' | 'manual';
    paymentMethod: string | null;
    walletRenewalDay: number | null;
    nextTerm: { term: string; options: { code: string; quantity?: number }[] } | null;
  },
  deadline: string | null,
) {
  return {
    contractId: row.id,
    renewalMode: row.renewalMode,
    paymentMethod: row.paymentMethod,
    walletRenewalDay: row.walletRenewalDay,
    nextTerm: row.nextTerm,
    nextTermChangeDeadline: deadline,
  };
}

/** The quote's lines as the API shows them. */
export function quoteJson<
  Q extends {
    availableTerms: string[];
    lines: {
      kind: string;
      code: string;
      name: { ja: string; en: string };
      quantity: number;
      unitPrice: number;
      amount: number;
    }[];
  },
>(q: Q) {
  return {
    ...q,
    termChoices: q.availableTerms.map(termChoiceJson),
    lines: q.lines.map((l) => ({
      kind: l.kind,
      code: l.code,
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
    })),
  };
}

const renewalViewSchema = z.object({
  id: z.string().openapi({ description: 'the reference the member quotes when paying' }),
  status: z.enum(['pending', 'paid']),
  statusLabel: bilingualSchema,
  how: z.enum(['manual', 'auto']),
  term: termChoiceSchema,
  termStart: z.string(),
  termEnd: z.string(),
  total: z.number().int().openapi({ description: 'one term, tax included' }),
  quotedAt: z.string(),
  paidAt: z.string().nullable(),
  applied: z.boolean().openapi({ description: 'the contract has entered this term' }),
});

export const renewalStatusLabels = {
  pending: { ja: 'お支払い待ち', en: 'Awaiting payment' },
  paid: { ja: 'お支払い済み', en: 'Paid' },
} as const;

/** A renewal as the pages show it, with its labels. */
export function renewalViewJson(r: {
  id: string;
  status: 'pending' | 'paid';
  how: 'manual' | 'auto';
  term: string;
  termStart: string;
  termEnd: string;
  total: number;
  quotedAt: Date;
  paidAt: Date | null;
  appliedAt: Date | null;
}) {
  return {
    id: r.id,
    status: r.status,
    statusLabel: renewalStatusLabels[r.status],
    how: r.how,
    term: termChoiceJson(r.term),
    termStart: r.termStart,
    termEnd: r.termEnd,
    total: r.total,
    quotedAt: r.quotedAt.toISOString(),
    paidAt: r.paidAt?.toISOString() ?? null,
    applied: r.appliedAt !== null,
  };
}

export const contractRenewalsSchema = z.array(renewalViewSchema).openapi('ContractRenewals');

export const contractRenewalDetailSchema = contractRenewalStateSchema
  .extend({
    paymentMethodLabel: bilingualSchema.nullable(),
    paymentMethodChange: z.enum(['on_contract', 'recontract']).openapi({
      description: "the store's policy: on the contract, or only by cancelling and ordering again",
    }),
    paymentMethods: z
      .array(z.object({ method: z.string(), label: bilingualSchema }))
      .openapi({ description: 'the methods the product offers' }),
    autoRenewalDate: z.string().nullable().openapi({
      description: 'automatic renewal: the day it renews (a wallet: the renewal day before the term end)',
    }),
    trialAtEnd: z
      .enum(['convert', 'end'])
      .nullable()
      .openapi({ description: 'while in trial: what its last day does; null otherwise' }),
    window: z
      .object({ opens: z.string(), graceEnd: z.string() })
      .nullable()
      .openapi({ description: "manual renewal of a contract in force: the renewal quote's window" }),
    renewals: contractRenewalsSchema,
    nextTermQuote: z
      .object({
        term: termChoiceSchema,
        termChoices: z.array(termChoiceSchema),
        options: z.array(
          z.object({
            code: z.string(),
            name: bilingualSchema,
            included: z.boolean(),
            required: z.boolean(),
            selected: z.boolean(),
          }),
        ),
        termStart: z.string(),
        termEnd: z.string(),
        subtotal: z.number().int(),
        total: z.number().int(),
      })
      .nullable()
      .openapi({ description: 'automatic renewal: the next term as it stands, priced today' }),
  })
  .openapi('ContractRenewalDetail');
