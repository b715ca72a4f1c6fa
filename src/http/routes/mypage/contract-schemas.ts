// OpenAPI schemas of the contract routes (My Page and console) and the functions that shape contracts into them.
import { z } from '@hono/zod-openapi';
import { isTermKey, type PaymentMethodKey, termLabel } from '../../../domain/catalog.js';
import { contractStatuses, contractStatusLabels, renewalModeLabels } from '../../../domain/contracts.js';
import type { ContractDetail, ContractSummary } from '../../../modules/contracts/index.js';
import { paymentMethodLabels } from '../../../modules/ordering/index.js';
import { bilingualSchema } from '../store/catalog-schemas.js';

export const contractStatusSchema = z.enum(contractStatuses);
const dateSchema = z.string().openapi({ example: '2026-04-15', description: 'YYYY-MM-DD (Asia/Tokyo)' });

export const contractSummarySchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: 'C2026-000001' }),
    status: contractStatusSchema,
    statusLabel: bilingualSchema,
    productId: z.string(),
    productName: bilingualSchema,
    plan: z.string(),
    planName: bilingualSchema,
    term: z.string(),
    termLabel: bilingualSchema,
    termMonths: z.number().int(),
    quantity: z.number().int(),
    startDate: dateSchema,
    currentTermStart: dateSchema,
    currentTermEnd: dateSchema,
    trialEnd: dateSchema.nullable(),
    endDate: dateSchema.nullable(),
    renewalMode: z.enum(['auto', 'manual']),
    renewalModeLabel: bilingualSchema,
    termAmount: z.number().int().openapi({ description: 'one term, tax excluded, as priced at order' }),
    monthlyAmount: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'per month, tax excluded, when exact' }),
  })
  .openapi('ContractSummary');

export const contractListSchema = z
  .object({
    contracts: z.array(contractSummarySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .openapi('ContractList');

export const contractListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const contractIdParamsSchema = z.object({ contractId: z.string().min(1).max(100) });

const historyEntrySchema = z.object({
  id: z.string(),
  kind: z.string().openapi({
    description: '`opened`, `status_changed`, `cancellation_requested`, `cancellation_withdrawn`',
  }),
  fromStatus: contractStatusSchema.nullable(),
  toStatus: contractStatusSchema.nullable(),
  toStatusLabel: bilingualSchema.nullable(),
  actorKind: z.string().openapi({ description: 'member, operator, provider, system or cli' }),
  reason: z.string().nullable(),
  at: z.string(),
});

export const contractDetailSchema = contractSummarySchema
  .extend({
    orderId: z.string(),
    orderNumber: z.string(),
    options: z.array(z.object({ code: z.string(), quantity: z.number().int(), name: bilingualSchema })),
    pricing: z.object({
      lines: z.array(
        z.object({
          kind: z.string(),
          code: z.string(),
          labelJa: z.string(),
          labelEn: z.string(),
          quantity: z.number().int(),
          unitPrice: z.number().int(),
          amount: z.number().int(),
          taxRate: z.number().int(),
          recurring: z.boolean(),
        }),
      ),
      monthlyAmount: z.number().int().nullable(),
      termAmount: z.number().int(),
      oneTimeAmount: z.number().int(),
    }),
    paymentMethod: z.string().nullable(),
    paymentMethodLabel: bilingualSchema.nullable(),
    minimumTermMonths: z.number().int(),
    minimumTermEnd: dateSchema.nullable(),
    earlyTermination: z.object({
      kind: z.enum(['none', 'remaining_months', 'fixed']),
      fee: z.number().int().nullable(),
    }),
    history: z.array(historyEntrySchema),
  })
  .openapi('ContractDetail');

function termLabelOf(term: string): { ja: string; en: string } {
  return isTermKey(term) ? { ja: termLabel(term, 'ja'), en: termLabel(term, 'en') } : { ja: term, en: term };
}

/** A summary as JSON, with labels beside every code. */
export function contractSummaryJson(c: ContractSummary) {
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    statusLabel: { ja: contractStatusLabels.ja[c.status], en: contractStatusLabels.en[c.status] },
    productId: c.productId,
    productName: c.productName,
    plan: c.plan,
    planName: c.planName,
    term: c.term,
    termLabel: termLabelOf(c.term),
    termMonths: c.termMonths,
    quantity: c.quantity,
    startDate: c.startDate,
    currentTermStart: c.currentTermStart,
    currentTermEnd: c.currentTermEnd,
    trialEnd: c.trialEnd,
    endDate: c.endDate,
    renewalMode: c.renewalMode,
    renewalModeLabel: { ja: renewalModeLabels.ja[c.renewalMode], en: renewalModeLabels.en[c.renewalMode] },
    termAmount: c.termAmount,
    monthlyAmount: c.monthlyAmount,
  };
}

/** A detail as JSON for the member: the history says what kind of actor did it, never who. */
export function contractDetailJson(c: ContractDetail) {
  return {
    ...contractSummaryJson(c),
    orderId: c.orderId,
    orderNumber: c.orderNumber,
    options: c.options,
    pricing: c.pricing,
    paymentMethod: c.paymentMethod,
    paymentMethodLabel:
      c.paymentMethod !== null && c.paymentMethod in paymentMethodLabels
        ? paymentMethodLabels[c.paymentMethod as PaymentMethodKey]
        : null,
    minimumTermMonths: c.minimumTermMonths,
    minimumTermEnd: c.minimumTermEnd,
    earlyTermination: c.earlyTermination,
    history: c.history.map((h) => ({
      id: h.id,
      kind: h.kind,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      toStatusLabel:
        h.toStatus === null
          ? null
          : { ja: contractStatusLabels.ja[h.toStatus], en: contractStatusLabels.en[h.toStatus] },
      actorKind: h.actorKind,
      reason: h.reason,
      at: h.at.toISOString(),
    })),
  };
}
