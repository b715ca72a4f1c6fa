// Replaces an operator's roles (an owner's action); the last active owner keeps the owner role.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { operators } from '../../db/schema/operators.js';
import { toDate } from '../../domain/clock.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { recordAudit } from '../audit/index.js';
import type { ActingOperator } from './acting-operator.js';
import { assertNotLastOwner } from './assert-not-last-owner.js';
import { findOperator } from './find-operator.js';
import { operatorErrors } from './operator-errors.js';
import { type OperatorRole, operatorRoleNames } from './operator-permissions.js';

export interface ChangeOperatorRolesInput {
  operatorId: string;
  roles: OperatorRole[];
  actor: ActingOperator;
  now: Temporal.Instant;
}

const rolesSchema = z.array(z.enum(operatorRoleNames)).min(1);

/** Sets the roles; returns them. Unchanged roles change nothing and are not audited. */
export async function changeOperatorRoles(db: Db, input: ChangeOperatorRolesInput): Promise<OperatorRole[]> {
  const parsed = rolesSchema.safeParse(input.roles);
  if (!parsed.success) {
    throw operatorErrors.invalid(
      zodIssuesToFields(parsed.error.issues).map((f) => ({
        ...f,
        path: `roles${f.path ? `.${f.path}` : ''}`,
      })),
    );
  }
  // Stored in the permission map's order, so equal sets compare equal.
  const roles = operatorRoleNames.filter((role) => parsed.data.includes(role));
  return db.transaction(async (tx) => {
    const before = await findOperator(tx, input.operatorId);
    if (before.roles.length === roles.length && before.roles.every((r) => roles.includes(r)))
      return before.roles;
    if (before.roles.includes('owner') && !roles.includes('owner') && before.status === 'active') {
      await assertNotLastOwner(tx, input.operatorId);
    }
    await tx
      .update(operators)
      .set({ roles, updatedAt: toDate(input.now) })
      .where(eq(operators.id, input.operatorId));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'operator.roles_changed',
      targetType: 'operator',
      targetId: input.operatorId,
      before: { roles: before.roles },
      after: { roles },
      at: input.now,
    });
    return roles;
  });
}
