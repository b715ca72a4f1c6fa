// OpenAPI schemas of the renewal, next-term and payment-method routes (My Page and console).
import { z } from '@hono/zod-openapi';
import { bilingualSchema } from '../store/catalog-schemas.js';

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
