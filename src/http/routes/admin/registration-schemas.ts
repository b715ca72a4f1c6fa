// OpenAPI schemas of the operator's registration review queue and member withdrawal.
import { z } from '@hono/zod-openapi';
import { memberStatusSchema } from './member-schemas.js';

export const adminRegistrationSchema = z
  .object({
    id: z.string().openapi({ example: 'mem_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
    loginId: z.string(),
    memberKind: z.enum(['corporate', 'individual']),
    name: z.string(),
    nameKana: z.string(),
    email: z.string(),
    companyName: z.string().nullable(),
    department: z.string().nullable(),
    postalCode: z.string(),
    prefecture: z.string(),
    city: z.string(),
    street: z.string(),
    building: z.string().nullable(),
    phone: z.string(),
    status: memberStatusSchema,
    createdAt: z.string(),
    confirmedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    rejectionReason: z.string().nullable(),
  })
  .openapi('AdminRegistration');

export const bilingualReasonSchema = z.object({ ja: z.string(), en: z.string() }).openapi('BilingualReason');

export const memberStatusChangeSchema = z
  .object({ memberId: z.string(), status: memberStatusSchema })
  .openapi('MemberStatusChange');
