// The OpenAPI schema of a cancellation (or change) application and the function that shapes one into it.
import { z } from '@hono/zod-openapi';
import type { ContractRequestView } from '../../../modules/contracts/index.js';
import { bilingualSchema } from '../store/catalog-schemas.js';

const stateLabels = {
  requested: { ja: '確認待ち', en: 'Waiting for confirmation' },
  scheduled: { ja: '受付済み', en: 'Accepted' },
  withdrawn: { ja: '取り消し済み', en: 'Withdrawn' },
  done: { ja: '完了', en: 'Done' },
} as const;

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
    reason: r.reason,
    requestedAt: r.requestedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}
