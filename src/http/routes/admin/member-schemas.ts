// OpenAPI schemas of the operator's member administration.
import { z } from '@hono/zod-openapi';
import { memberStatuses } from '../../../modules/identity/index.js';

export const memberStatusSchema = z.enum(memberStatuses).openapi('MemberStatus');

export const adminMemberSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'mem_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
    loginId: z.string(),
    name: z.string(),
    nameKana: z.string(),
    email: z.string(),
    status: memberStatusSchema,
    createdAt: z.string(),
    companyName: z.string().nullable(),
  })
  .openapi('AdminMemberSummary');

export const adminMemberSchema = adminMemberSummarySchema
  .extend({
    locale: z.enum(['ja', 'en']),
    confirmedAt: z.string().nullable(),
    terms: z.object({ version: z.string(), acceptedAt: z.string() }),
    signIns: z
      .array(
        z.object({
          at: z.string(),
          outcome: z.string().openapi({ example: 'signed_in' }),
          reason: z.string().nullable(),
        }),
      )
      .openapi({ description: 'recent sign-in attempts from the audit log, newest first' }),
    sessions: z
      .array(
        z.object({
          createdAt: z.string(),
          expiresAt: z.string(),
          ipAddress: z.string().nullable(),
          userAgent: z.string().nullable(),
        }),
      )
      .openapi({ description: 'sessions not yet expired, newest first' }),
    profile: z
      .object({
        memberKind: z.enum(['corporate', 'individual']),
        companyName: z.string().nullable(),
        department: z.string().nullable(),
        postalCode: z.string(),
        prefecture: z.string(),
        city: z.string(),
        street: z.string(),
        building: z.string().nullable(),
        phone: z.string(),
        marketingOptIn: z.boolean(),
      })
      .openapi('AdminMemberProfile'),
    secondFactor: z
      .object({
        channel: z.enum(['email', 'sms']),
        mobilePhone: z.string().nullable(),
        unusedBackupCodes: z.number().int(),
      })
      .openapi('AdminMemberSecondFactor'),
    consents: z
      .array(z.object({ kind: z.enum(['terms', 'privacy']), version: z.string(), agreedAt: z.string() }))
      .openapi({ description: 'every consent given, newest first' }),
    lock: z
      .object({ failedCount: z.number().int(), lockedAt: z.string(), lockedUntil: z.string().nullable() })
      .nullable()
      .openapi({
        description: 'set while the login ID is locked; lockedUntil null: only an operator unlocks',
      }),
    failedSignIns: z.number().int().openapi({ description: 'failures counted towards a lock so far' }),
  })
  .openapi('AdminMember');

export const memberIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'mem_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
});
