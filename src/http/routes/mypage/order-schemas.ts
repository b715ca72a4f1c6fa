// OpenAPI schemas of the My Page order routes and the functions that shape orders into them.
import { z } from '@hono/zod-openapi';
import type { PaymentMethodKey } from '../../../domain/catalog.js';
import { type TermKey, termLabel } from '../../../domain/catalog.js';
import { orderLineStatuses, orderLineStatusLabels, orderStatuses } from '../../../domain/orders.js';
import {
  type OrderDetail,
  type OrderSummary,
  orderCancellationNotice,
  orderStatusLabels,
  paymentMethodLabels,
} from '../../../modules/ordering/index.js';
import { bilingualSchema } from '../store/catalog-schemas.js';
import { checkoutContactSchema } from './checkout-schemas.js';

const orderStatusSchema = z.enum(orderStatuses);
const lineStatusSchema = z.enum(orderLineStatuses);

export const orderSummarySchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: 'K2026-000001' }),
    status: orderStatusSchema,
    statusLabel: bilingualSchema,
    placedAt: z.string(),
    totalAmount: z.number().int().openapi({ description: 'the first term with one-time fees, tax included' }),
    products: z.array(bilingualSchema),
  })
  .openapi('OrderSummary');

export const orderListSchema = z
  .object({
    orders: z.array(orderSummarySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .openapi('OrderList');

export const orderListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const orderIdParamsSchema = z.object({ orderId: z.string().min(1).max(100) });

export const orderDetailSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    status: orderStatusSchema,
    statusLabel: bilingualSchema,
    placedAt: z.string(),
    paymentMethod: z.string().nullable(),
    paymentMethodLabel: bilingualSchema.nullable(),
    customerContact: checkoutContactSchema,
    billingContact: checkoutContactSchema,
    taxBreakdown: z.array(
      z.object({ rate: z.number().int(), taxableAmount: z.number().int(), taxAmount: z.number().int() }),
    ),
    subtotalAmount: z.number().int(),
    taxAmount: z.number().int(),
    totalAmount: z.number().int(),
    lines: z.array(
      z.object({
        id: z.string(),
        position: z.number().int(),
        productId: z.string(),
        productName: bilingualSchema,
        plan: z.string(),
        planName: bilingualSchema,
        term: z.string(),
        termLabel: bilingualSchema,
        quantity: z.number().int(),
        options: z.array(z.object({ code: z.string(), quantity: z.number().int().optional() })),
        isTrial: z.boolean(),
        trialDays: z.number().int().nullable(),
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
        orderFields: z.record(z.string(), z.string()),
        status: lineStatusSchema,
        statusLabel: bilingualSchema,
        rejectionReason: z.string().nullable(),
        serviceStartDate: z.string().nullable(),
      }),
    ),
    consents: z.array(
      z.object({
        kind: z.string(),
        documentKey: z.string(),
        documentVersion: z.string(),
        consentedAt: z.string(),
      }),
    ),
    timeline: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        orderLineId: z.string().nullable(),
        fromStatus: z.string().nullable(),
        toStatus: z.string().nullable(),
        actor: z.string(),
        note: z.string().nullable(),
        at: z.string(),
      }),
    ),
    cancellationNotice: bilingualSchema.openapi({
      description: 'orders cannot be cancelled; cancel the contract',
    }),
  })
  .openapi('OrderDetail');

const label = <K extends string>(labels: { ja: Record<K, string>; en: Record<K, string> }, key: K) => ({
  ja: labels.ja[key],
  en: labels.en[key],
});

/** One row of the list. */
export function orderSummaryJson(order: OrderSummary): z.infer<typeof orderSummarySchema> {
  return {
    ...order,
    statusLabel: label(orderStatusLabels, order.status),
    placedAt: order.placedAt.toISOString(),
  };
}

/** The whole order as My Page shows it. */
export function orderDetailJson(order: OrderDetail): z.infer<typeof orderDetailSchema> {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    statusLabel: label(orderStatusLabels, order.status),
    placedAt: order.placedAt.toISOString(),
    paymentMethod: order.paymentMethod,
    paymentMethodLabel: order.paymentMethod
      ? (paymentMethodLabels[order.paymentMethod as PaymentMethodKey] ?? null)
      : null,
    customerContact: order.customerContact,
    billingContact: order.billingContact,
    taxBreakdown: order.taxBreakdown,
    subtotalAmount: order.subtotalAmount,
    taxAmount: order.taxAmount,
    totalAmount: order.totalAmount,
    lines: order.lines.map((line) => {
      const planRow = line.pricing.lines.find((row) => row.kind === 'plan');
      return {
        id: line.id,
        position: line.position,
        productId: line.productId,
        productName: line.productName,
        plan: line.plan,
        planName: planRow ? { ja: planRow.labelJa, en: planRow.labelEn } : { ja: line.plan, en: line.plan },
        term: line.term,
        termLabel: { ja: termLabel(line.term as TermKey, 'ja'), en: termLabel(line.term as TermKey, 'en') },
        quantity: line.quantity,
        options: line.options,
        isTrial: line.isTrial,
        trialDays: line.trialDays,
        pricing: line.pricing,
        orderFields: line.orderFields,
        status: line.status,
        statusLabel: label(orderLineStatusLabels, line.status),
        rejectionReason: line.rejectionReason,
        serviceStartDate: line.serviceStartDate,
      };
    }),
    consents: order.consents.map((c) => ({ ...c, consentedAt: c.consentedAt.toISOString() })),
    timeline: order.timeline.map((e) => ({ ...e, at: e.at.toISOString() })),
    cancellationNotice: orderCancellationNotice,
  };
}

export const orderDetailResponse = {
  description: 'the order',
  content: { 'application/json': { schema: orderDetailSchema } },
};
