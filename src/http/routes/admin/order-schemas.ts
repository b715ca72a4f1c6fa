// OpenAPI schemas of the admin order routes and the functions shaping orders into them.
import { z } from '@hono/zod-openapi';
import { orderStatuses } from '../../../domain/orders.js';
import type { OrderForOperator } from '../../../flows/get-order-for-operator.js';
import type { OrderLinePricingRow, OrderListItem } from '../../../modules/ordering/index.js';
import type { ProvisioningQueueItem } from '../../../modules/provisioning/index.js';
import {
  deliverySchema,
  lineStatusSchema,
  provisioningRequestJson,
  provisioningRequestSchema,
} from '../provider/provisioning-schemas.js';

export const orderStatusSchema = z.enum(orderStatuses).openapi('OrderStatus', {
  description:
    'derived from the lines: received; in_progress once a line moved; completed when every line is started or rejected (one started); rejected when every line is',
});

const memberRef = z.object({
  id: z.string(),
  loginId: z.string(),
  name: z.string(),
  companyName: z.string().nullable(),
});

export const adminOrderSummarySchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: 'K2026-000001' }),
    status: orderStatusSchema,
    member: memberRef,
    totalAmount: z.number().int().openapi({ description: 'yen, tax included' }),
    paymentMethod: z.string(),
    placedAt: z.string(),
  })
  .openapi('AdminOrderSummary');

export function adminOrderSummaryJson(o: OrderListItem): z.infer<typeof adminOrderSummarySchema> {
  return { ...o, placedAt: o.placedAt.toISOString() };
}

const contactSchema = z.object({
  companyName: z.string().nullable(),
  departmentName: z.string().nullable(),
  name: z.string(),
  nameKana: z.string().nullable(),
  email: z.string(),
  phone: z.string(),
  postalCode: z.string().nullable(),
  address: z.string().nullable(),
});

const bilingual = z.object({ ja: z.string(), en: z.string() });

/** A code's name from the priced rows kept with the line; the code itself when a row is missing. */
function pricedName(pricing: OrderLinePricingRow, kind: string, code: string): { ja: string; en: string } {
  const row = pricing.lines.find((line) => line.kind === kind && line.code === code);
  return row ? { ja: row.labelJa, en: row.labelEn } : { ja: code, en: code };
}

export const adminOrderLineSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  productId: z.string(),
  providerId: z.string(),
  productName: z.object({ ja: z.string(), en: z.string() }),
  plan: z.string(),
  planName: bilingual.openapi({ description: 'the plan as it was named when ordered' }),
  term: z.string(),
  quantity: z.number().int(),
  options: z.array(
    z.object({
      code: z.string(),
      name: bilingual.openapi({ description: 'the option as it was named when ordered' }),
      quantity: z.number().int().optional(),
    }),
  ),
  isTrial: z.boolean(),
  trialDays: z.number().int().nullable(),
  pricing: z
    .record(z.string(), z.unknown())
    .openapi({ description: 'the priced lines and amounts as confirmed' }),
  orderFields: z.record(z.string(), z.string()),
  orderFieldLabels: z
    .record(z.string(), bilingual)
    .openapi({ description: "each order field's label by key, from the product's current definition" }),
  status: lineStatusSchema,
  rejectionReason: z.string().nullable(),
  serviceStartDate: z.string().nullable(),
  updatedAt: z.string(),
});

export const adminOrderSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    status: orderStatusSchema,
    member: memberRef.extend({ email: z.string() }),
    customerContact: contactSchema,
    billingContact: contactSchema,
    paymentMethod: z.string(),
    taxBreakdown: z.array(z.object({ rate: z.number(), taxableAmount: z.number(), taxAmount: z.number() })),
    subtotalAmount: z.number().int(),
    taxAmount: z.number().int(),
    totalAmount: z.number().int(),
    locale: z.string(),
    placedAt: z.string(),
    lines: z.array(adminOrderLineSchema),
    timeline: z.array(
      z.object({
        id: z.string(),
        orderLineId: z.string().nullable(),
        kind: z.string().openapi({
          description: 'placed, line_status_changed, start_date_changed, provisioning_requested',
        }),
        fromStatus: z.string().nullable(),
        toStatus: z.string().nullable(),
        actor: z.string().openapi({ description: 'member:…, operator:…, provider:… or system' }),
        actorName: bilingual.nullable().openapi({ description: 'who the actor is; null for the system' }),
        note: z.string().nullable(),
        at: z.string(),
      }),
    ),
    consents: z.array(
      z.object({
        kind: z.string(),
        documentKey: z.string(),
        documentTitle: bilingual.openapi({ description: "the document's title (its key when unknown)" }),
        documentVersion: z.string(),
        consentedAt: z.string(),
      }),
    ),
    provisioningRequests: z.array(provisioningRequestSchema),
  })
  .openapi('AdminOrder');

export function adminOrderJson(o: OrderForOperator): z.infer<typeof adminOrderSchema> {
  return {
    id: o.order.id,
    number: o.order.number,
    status: o.order.status,
    member: o.member,
    customerContact: o.order.customerContact,
    billingContact: o.order.billingContact,
    paymentMethod: o.order.paymentMethod,
    taxBreakdown: o.order.taxBreakdown,
    subtotalAmount: Number(o.order.subtotalAmount),
    taxAmount: Number(o.order.taxAmount),
    totalAmount: Number(o.order.totalAmount),
    locale: o.order.locale,
    placedAt: o.order.placedAt.toISOString(),
    lines: o.lines.map((l) => ({
      id: l.id,
      position: l.position,
      productId: l.productId,
      providerId: l.providerId,
      productName: { ja: l.productNameJa, en: l.productNameEn },
      plan: l.plan,
      planName: pricedName(l.pricing, 'plan', l.plan),
      term: l.term,
      quantity: l.quantity,
      options: l.options.map((option) => ({ ...option, name: pricedName(l.pricing, 'option', option.code) })),
      isTrial: l.isTrial,
      trialDays: l.trialDays,
      pricing: l.pricing as unknown as Record<string, unknown>,
      orderFields: l.orderFields,
      orderFieldLabels: Object.fromEntries(
        Object.keys(l.orderFields).map((key) => [
          key,
          o.orderFieldLabels[l.productId]?.[key] ?? { ja: key, en: key },
        ]),
      ),
      status: l.status,
      rejectionReason: l.rejectionReason,
      serviceStartDate: l.serviceStartDate,
      updatedAt: l.updatedAt.toISOString(),
    })),
    timeline: o.timeline.map((e) => ({
      id: e.id,
      orderLineId: e.orderLineId,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: e.actor,
      actorName: o.actorNames[e.actor] ?? null,
      note: e.note,
      at: e.at.toISOString(),
    })),
    consents: o.consents.map((c) => ({
      kind: c.kind,
      documentKey: c.documentKey,
      documentTitle: o.documentTitles[c.documentKey] ?? { ja: c.documentKey, en: c.documentKey },
      documentVersion: c.documentVersion,
      consentedAt: c.consentedAt.toISOString(),
    })),
    provisioningRequests: o.provisioningRequests.map(provisioningRequestJson),
  };
}

export const provisioningQueueItemSchema = z
  .object({
    orderId: z.string(),
    orderNumber: z.string(),
    memberId: z.string(),
    placedAt: z.string(),
    orderLineId: z.string(),
    productName: z.object({ ja: z.string(), en: z.string() }),
    plan: z.string(),
    planName: z.object({ ja: z.string(), en: z.string() }),
    term: z.string(),
    quantity: z.number().int(),
    isTrial: z.boolean(),
    lineStatus: lineStatusSchema,
    provider: z.object({
      id: z.string(),
      slug: z.string(),
      nameJa: z.string(),
      nameEn: z.string(),
      isStore: z.boolean(),
    }),
    request: z
      .object({ id: z.string(), delivery: deliverySchema })
      .nullable()
      .openapi({ description: "null for the store's own products, which an operator starts" }),
  })
  .openapi('ProvisioningQueueItem');

export function provisioningQueueItemJson(
  i: ProvisioningQueueItem,
): z.infer<typeof provisioningQueueItemSchema> {
  return {
    ...i,
    placedAt: i.placedAt.toISOString(),
    request: i.request
      ? {
          id: i.request.id,
          delivery: { ...i.request.delivery, lastSentAt: i.request.delivery.lastSentAt.toISOString() },
        }
      : null,
  };
}
