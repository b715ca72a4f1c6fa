// The OpenAPI schemas of a contract change: the wish a member sends and the quote it gets back.
import { z } from '@hono/zod-openapi';
import type { ChangeQuote, ChangeWish } from '../../../modules/contracts/index.js';
import { bilingualSchema } from '../store/catalog-schemas.js';

const optionChoiceSchema = z.object({
  code: z.string().min(1).max(60),
  quantity: z.number().int().min(0).max(1_000_000).optional(),
});

export const changeWishSchema = z
  .object({
    effectiveDate: z.string().max(10).openapi({
      description: 'the first day with the new content (YYYY-MM-DD), today or later',
      example: '2026-09-20',
    }),
    plan: z.string().min(1).max(60).optional().openapi({ description: 'the new plan; absent keeps it' }),
    quantity: z.number().int().min(0).max(1_000_000).optional().openapi({
      description: 'the new quantity; absent keeps it',
    }),
    options: z.array(optionChoiceSchema).max(100).optional().openapi({
      description: 'the whole new set of options; absent keeps them',
    }),
  })
  .openapi('ContractChangeWish');

const pricingLineSchema = z.object({
  kind: z.string(),
  code: z.string(),
  labelJa: z.string(),
  labelEn: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  amount: z.number().int(),
  taxRate: z.number(),
  recurring: z.boolean(),
});

const sideSchema = z.object({
  plan: z.string(),
  quantity: z.number().int(),
  options: z.array(z.object({ code: z.string(), quantity: z.number().int().optional() })),
  termAmount: z.number().int().openapi({ description: 'one term, tax excluded' }),
  pricing: z.object({
    lines: z.array(pricingLineSchema),
    monthlyAmount: z.number().int().nullable(),
    termAmount: z.number().int(),
    oneTimeAmount: z.number().int(),
  }),
});

export const changeQuoteSchema = z
  .object({
    contractId: z.string(),
    effectiveDate: z.string(),
    earliestDate: z.string().openapi({ description: 'the first date the lead time allows' }),
    leadBusinessDays: z.number().int(),
    withinLeadTime: z
      .boolean()
      .openapi({ description: 'true: accepted as requested; an operator confirms the date' }),
    proration: z.enum(['none', 'daily', 'monthly']),
    current: sideSchema,
    proposed: sideSchema,
    difference: z.object({
      periodStart: z.string().openapi({ description: 'the term the change takes effect in' }),
      periodEnd: z.string(),
      charged: z.number().int().nullable().openapi({ description: 'days or months charged; null for none' }),
      total: z.number().int().nullable(),
      unit: z.enum(['days', 'months']).nullable(),
      oldAmount: z.number().int(),
      newAmount: z.number().int(),
      amount: z.number().int().openapi({ description: 'tax excluded; positive charged, negative credited' }),
      workings: bilingualSchema.openapi({ description: 'how the amount was worked out' }),
    }),
    nextInvoice: z.object({
      lines: z.array(
        z.object({
          kind: z.enum(['adjustment', 'term']),
          label: bilingualSchema,
          periodStart: z.string(),
          periodEnd: z.string(),
          amount: z.number().int(),
        }),
      ),
      subtotal: z.number().int().openapi({ description: 'tax excluded' }),
    }),
  })
  .openapi('ContractChangeQuote');

/** The body as the module's wish. */
export function changeWishOf(body: z.infer<typeof changeWishSchema>): ChangeWish {
  return {
    effectiveDate: body.effectiveDate,
    plan: body.plan,
    quantity: body.quantity,
    options: body.options,
  };
}

/** The quote as JSON. */
export function changeQuoteJson(q: ChangeQuote): z.infer<typeof changeQuoteSchema> {
  return q;
}
