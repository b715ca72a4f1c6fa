// OpenAPI schemas of provisioning requests and line steps, shared by the provider API and the admin API.
import { z } from '@hono/zod-openapi';
import { orderLineStatuses } from '../../../domain/orders.js';
import type { ProvisioningRequestView } from '../../../modules/provisioning/index.js';
import { multilineText } from '../../input-text-guard.js';

export const lineStatusSchema = z.enum(orderLineStatuses).openapi('OrderLineStatus', {
  description: 'received (受付済) → preparing (準備中) → started (提供開始), or rejected (不可)',
});

export const deliverySchema = z
  .object({
    status: z.enum(['pending', 'delivered', 'failed']).openapi({
      description: 'delivered when the webhook and every mail were delivered; failed when one gave up',
    }),
    sendCount: z.number().int().openapi({ description: '1, plus one per resend' }),
    lastSentAt: z.string(),
    webhook: z
      .object({
        messageId: z.string().openapi({ description: 'the `webhook-id` header' }),
        status: z.string(),
        attempts: z.number().int(),
        lastStatusCode: z.number().int().nullable(),
      })
      .nullable()
      .openapi({ description: 'null when the provider has no (enabled) webhook URL' }),
    mails: z.array(z.object({ outboxId: z.string(), to: z.string(), status: z.string() })),
  })
  .openapi('ProvisioningDelivery');

export const provisioningPayloadSchema = z
  .object({
    orderNumber: z.string(),
    orderedAt: z.string(),
    line: z.object({
      orderLineId: z.string(),
      productId: z.string(),
      productSlug: z.string().nullable(),
      productName: z.object({ ja: z.string(), en: z.string() }),
      plan: z.string(),
      term: z.string().openapi({ description: '`monthly` or `Nm` (N months)' }),
      quantity: z.number().int(),
      options: z.array(z.object({ code: z.string(), quantity: z.number().int().optional() })),
      trial: z.object({ days: z.number().int().nullable() }).nullable(),
    }),
    orderFields: z
      .record(z.string(), z.string())
      .openapi({ description: "the product's order fields by key" }),
    contact: z.record(z.string(), z.string().nullable()).openapi({
      description:
        "only the contact fields the provider's sharedContactFields name and the member agreed to share (companyName, departmentName, name, nameKana, email, phone, postalCode, address)",
    }),
  })
  .openapi('ProvisioningPayload', {
    description: 'exactly what the provisioning.requested webhook carried as `data` (with `requestId`)',
  });

export const provisioningRequestSchema = z
  .object({
    id: z.string().openapi({ example: 'prq_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
    orderLineId: z.string().openapi({ description: 'the line to mark preparing, start or reject' }),
    providerId: z.string(),
    lineStatus: lineStatusSchema,
    serviceStartDate: z.string().nullable().openapi({ description: 'YYYY-MM-DD (Asia/Tokyo) once started' }),
    rejectionReason: z.string().nullable(),
    payload: provisioningPayloadSchema,
    delivery: deliverySchema,
    createdAt: z.string(),
  })
  .openapi('ProvisioningRequest');

export function provisioningRequestJson(
  v: ProvisioningRequestView,
): z.infer<typeof provisioningRequestSchema> {
  return {
    id: v.id,
    orderLineId: v.orderLineId,
    providerId: v.providerId,
    lineStatus: v.lineStatus,
    serviceStartDate: v.serviceStartDate,
    rejectionReason: v.rejectionReason,
    payload: v.payload,
    delivery: { ...v.delivery, lastSentAt: v.delivery.lastSentAt.toISOString() },
    createdAt: v.createdAt.toISOString(),
  };
}

export const lineIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'order line id (orl_…)' }),
});

export const startBody = z
  .object({
    serviceStartDate: z.string().max(10).openapi({
      example: '2026-04-15',
      description: 'YYYY-MM-DD: a business day of the store, not before the order date',
    }),
  })
  .openapi('ConfirmLineStartBody');

export const rejectBody = z
  .object({
    reason: multilineText(
      z.string().max(2000).openapi({ description: 'shown to the member in the rejection mail' }),
    ),
  })
  .openapi('RejectLineBody');

export const lineStepResultSchema = z
  .object({
    orderLineId: z.string(),
    status: lineStatusSchema,
    serviceStartDate: z.string().nullable(),
  })
  .openapi('OrderLineStepResult');
