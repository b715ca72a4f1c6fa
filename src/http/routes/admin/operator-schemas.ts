// OpenAPI schemas of the owner's operator management.
import { z } from '@hono/zod-openapi';
import type { OperatorSummary } from '../../../modules/operators/index.js';
import { operatorStatuses } from '../../../modules/operators/index.js';
import { operatorRoleSchema } from './admin-schemas.js';

export const adminOperatorSchema = z
  .object({
    id: z.string().openapi({ example: 'opr_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
    loginId: z.string(),
    displayName: z.string(),
    email: z.string(),
    locale: z.enum(['ja', 'en']),
    roles: z.array(operatorRoleSchema),
    status: z.enum(operatorStatuses),
    totpEnabled: z.boolean(),
    lock: z
      .object({ lockedAt: z.string(), lockedUntil: z.string().nullable() })
      .nullable()
      .openapi({ description: 'set while the login ID is locked; lockedUntil null: only an owner unlocks' }),
    createdAt: z.string(),
  })
  .openapi('AdminOperator');

export const operatorIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'opr_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
});

/** An operator summary as the API answers it. */
export function adminOperatorJson(o: OperatorSummary): z.infer<typeof adminOperatorSchema> {
  return {
    id: o.id,
    loginId: o.loginId,
    displayName: o.displayName,
    email: o.email,
    locale: o.locale,
    roles: o.roles,
    status: o.status,
    totpEnabled: o.totpEnabled,
    lock: o.lock
      ? { lockedAt: o.lock.lockedAt.toISOString(), lockedUntil: o.lock.lockedUntil?.toISOString() ?? null }
      : null,
    createdAt: o.createdAt.toISOString(),
  };
}
