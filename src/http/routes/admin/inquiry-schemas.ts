// OpenAPI schemas of the operator inquiry inbox and the JSON shapes of its answers.
import { z } from '@hono/zod-openapi';
import { inquiryTransitions } from '../../../domain/inquiries.js';
import type { InquiryDetail, InquirySummary } from '../../../modules/support/index.js';
import {
  inquiryCategorySchema,
  inquiryIdParamsSchema,
  inquiryMessageBodySchema,
  inquiryNumberSchema,
  inquiryStatusSchema,
} from '../store/inquiry-schemas.js';

export { inquiryCategorySchema, inquiryIdParamsSchema, inquiryMessageBodySchema, inquiryStatusSchema };

export const adminInquirySummarySchema = z
  .object({
    id: z.string().openapi({ example: 'inq_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
    number: inquiryNumberSchema,
    category: inquiryCategorySchema,
    subject: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    memberId: z.string().nullable(),
    status: inquiryStatusSchema,
    assigneeOperatorId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AdminInquirySummary');

export const adminInquirySchema = adminInquirySummarySchema
  .extend({
    message: z.string(),
    contactPhone: z.string().nullable(),
    locale: z.enum(['ja', 'en']),
    nextStatuses: z.array(inquiryStatusSchema).openapi({
      description: 'the statuses the state machine allows from the current one, for the console to offer',
    }),
    messages: z.array(
      z
        .object({
          id: z.string(),
          direction: z.enum(['from_customer', 'to_customer', 'internal_note']),
          body: z.string(),
          authorKind: z.enum(['member', 'operator']),
          authorId: z.string().nullable(),
          createdAt: z.string(),
        })
        .openapi('AdminInquiryMessage'),
    ),
  })
  .openapi('AdminInquiry');

/** A list entry as JSON. */
export function adminInquirySummaryJson(item: InquirySummary) {
  return { ...item, createdAt: item.createdAt.toISOString(), updatedAt: item.updatedAt.toISOString() };
}

/** The whole inquiry as JSON, internal notes included. */
export function adminInquiryJson(inquiry: InquiryDetail) {
  return {
    id: inquiry.id,
    number: inquiry.number,
    category: inquiry.category,
    subject: inquiry.subject,
    message: inquiry.message,
    contactName: inquiry.contactName,
    contactEmail: inquiry.contactEmail,
    contactPhone: inquiry.contactPhone,
    memberId: inquiry.memberId,
    locale: inquiry.locale,
    status: inquiry.status,
    nextStatuses: [...inquiryTransitions[inquiry.status]],
    assigneeOperatorId: inquiry.assigneeOperatorId,
    createdAt: inquiry.createdAt.toISOString(),
    updatedAt: inquiry.updatedAt.toISOString(),
    messages: inquiry.messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      body: m.body,
      authorKind: m.authorKind,
      authorId: m.authorId,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}
