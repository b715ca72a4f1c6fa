// Shared OpenAPI schemas of the inquiry routes (the public form and My Page).
import { z } from '@hono/zod-openapi';
import { inquiryCategories, inquiryStatuses } from '../../../domain/inquiries.js';
import { multilineText } from '../../input-text-guard.js';

export const inquiryCategorySchema = z.enum(inquiryCategories).openapi('InquiryCategory');
export const inquiryStatusSchema = z.enum(inquiryStatuses).openapi('InquiryStatus');
export const inquiryNumberSchema = z.string().openapi({ example: 'Q2026-000001' });

export const inquiryMessageBodySchema = multilineText(z.string().trim().min(1).max(5000));

export const myInquirySummarySchema = z
  .object({
    id: z.string().openapi({ example: 'inq_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
    number: inquiryNumberSchema,
    category: inquiryCategorySchema,
    subject: z.string(),
    status: inquiryStatusSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('MyInquirySummary');

export const myInquirySchema = myInquirySummarySchema
  .extend({
    message: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    contactPhone: z.string().nullable(),
    messages: z.array(
      z.object({
        id: z.string(),
        direction: z.enum(['from_customer', 'to_customer']),
        body: z.string(),
        createdAt: z.string(),
      }),
    ),
  })
  .openapi('MyInquiry');

export const inquiryIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'inq_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
});
