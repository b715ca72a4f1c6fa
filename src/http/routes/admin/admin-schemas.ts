// Shared OpenAPI schemas and helpers of the admin routes.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { operatorRoleNames } from '../../../modules/operators/index.js';
import type { OperatorActor } from '../../../modules/support/index.js';
import type { AdminEnv } from '../../middleware/require-role.js';
import { requestOrigin } from '../../request-origin.js';

export { problem } from '../store/identity-schemas.js';

export const operatorRoleSchema = z.enum(operatorRoleNames).openapi('OperatorRole');

export const operatorProfileSchema = z
  .object({
    id: z.string().openapi({ example: 'opr_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
    loginId: z.string(),
    displayName: z.string(),
    email: z.string(),
    locale: z.enum(['ja', 'en']),
    roles: z.array(operatorRoleSchema),
    totpEnabled: z.boolean(),
  })
  .openapi('OperatorProfile');

export const adminStoreSchema = z
  .object({
    name: z.string(),
    issuerName: z.string(),
    registrationNumber: z.string().nullable(),
    postalCode: z.string(),
    address: z.string(),
    phone: z.string(),
    email: z.string(),
    businessHours: z.string(),
    taxRounding: z.enum(['floor', 'round', 'ceil']),
    sessionIdleMinutes: z
      .number()
      .int()
      .openapi({ description: 'a member session ends after this many idle minutes' }),
    sessionAbsoluteHours: z
      .number()
      .int()
      .openapi({ description: 'a member session ends this many hours after sign-in' }),
    registrationReview: z.enum(['auto', 'manual']),
    withdrawal: z.enum(['self-service', 'by-request']),
    personalDataRetentionDays: z.number().int(),
    orderNumberFormat: z.string().openapi({
      description: 'how order numbers are written, e.g. K{YYYY}-{SEQ:6}',
      example: 'K{YYYY}-{SEQ:6}',
    }),
    contractNumberFormat: z.string().openapi({
      description: 'how contract numbers are written, e.g. C{YYYY}-{SEQ:6}',
      example: 'C{YYYY}-{SEQ:6}',
    }),
    paymentMethodChange: z.enum(['on_contract', 'recontract']).openapi({
      description:
        "how members change a contract's payment method: on_contract (on My Page) or recontract (cancel and order again)",
    }),
    updatedAt: z.string(),
  })
  .openapi('AdminStore');

export const closureDaySchema = z
  .object({ day: z.string().openapi({ example: '2026-08-13' }), reason: z.string() })
  .openapi('ClosureDay');

/** The audit actor of an admin request: the operator the guard let through. */
export function operatorActor(c: Context<AdminEnv>): OperatorActor {
  return { kind: 'operator', id: c.get('operator').id, ...requestOrigin(c) };
}
