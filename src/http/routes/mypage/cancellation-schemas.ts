// The OpenAPI schema of a cancellation (or change) application and the function that shapes one into it.
import { z } from '@hono/zod-openapi';
import type { ChangeRecord, ContractRequestView } from '../../../modules/contracts/index.js';
import { bilingualSchema } from '../store/catalog-schemas.js';

const stateLabels = {
  requested: { ja: '確認待ち', en: 'Waiting for confirmation' },
  scheduled: { ja: '受付済み', en: 'Accepted' },
  withdrawn: { ja: '取り消し済み', en: 'Withdrawn' },
  done: { ja: '完了', en: 'Done' },
} as const;

const optionChoiceSchema = z.object({ code: z.string(), quantity: z.number().int().optional() });

/** What a change application changes, with its price for the rest of the term. */
export const contractChangeSchema = z
  .object({
    plan: z.string(),
    quantity: z.number().int(),
    options: z.array(optionChoiceSchema),
    termAmount: z.number().int().openapi({ description: 'one term after the change, tax excluded' }),
    previous: z.object({
      plan: z.string(),
      quantity: z.number().int(),
      options: z.array(optionChoiceSchema),
      termAmount: z.number().int(),
    }),
    proration: z.enum(['none', 'daily', 'monthly']),
    difference: z.object({
      periodStart: z.string(),
      periodEnd: z.string(),
      charged: z.number().int().nullable(),
      total: z.number().int().nullable(),
      unit: z.enum(['days', 'months']).nullable(),
      oldAmount: z.number().int(),
      newAmount: z.number().int(),
      amount: z
        .number()
        .int()
        .openapi({ description: 'tax excluded; positive charged, negative credited on the next invoice' }),
    }),
    summary: z.object({ ja: z.array(z.string()), en: z.array(z.string()) }),
  })
  .openapi('ContractChange');

export const contractRequestSchema = z
  .object({
    id: z.string(),
    contractId: z.string(),
    kind: z.enum(['cancellation', 'change']),
    state: z.enum(['requested', 'scheduled', 'withdrawn', 'done']).openapi({
      description:
        '`requested`: a wish inside the lead time, an operator confirms or proposes another date; `scheduled`: accepted for `effectiveDate`',
    }),
    stateLabel: bilingualSchema,
    desiredDate: z
      .string()
      .openapi({ description: 'the wished date (YYYY-MM-DD), the last day for a cancellation' }),
    effectiveDate: z
      .string()
      .nullable()
      .openapi({ description: 'the date it takes effect; null until confirmed' }),
    fee: z.number().int().openapi({ description: 'early-termination fee, tax excluded' }),
    change: contractChangeSchema.nullable().openapi({ description: 'a change application: what it changes' }),
    reason: z.string().nullable(),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi('ContractRequest');

/** The view as JSON. */
export function contractRequestJson(r: ContractRequestView) {
  return {
    id: r.id,
    contractId: r.contractId,
    kind: r.kind,
    state: r.state,
    stateLabel: stateLabels[r.state],
    desiredDate: r.desiredDate,
    effectiveDate: r.effectiveDate,
    fee: r.fee,
    change: r.kind === 'change' && r.change ? changeJson(r.change as unknown as ChangeRecord) : null,
    reason: r.reason,
    requestedAt: r.requestedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

function changeJson(c: ChangeRecord) {
  return {
    plan: c.plan,
    quantity: c.quantity,
    options: c.options,
    termAmount: c.termAmount,
    previous: c.previous,
    proration: c.proration,
    difference: c.difference,
    summary: c.summary,
  };
}
