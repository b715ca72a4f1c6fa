// Enables a disabled operator again (an owner's action); the next sign-in needs the password and a second factor as ever.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { operators } from '../../db/schema/operators.js';
import { toDate } from '../../domain/clock.js';
import { recordAudit } from '../audit/index.js';
import type { ActingOperator } from './acting-operator.js';
import { findOperator } from './find-operator.js';
import { operatorErrors } from './operator-errors.js';

export interface EnableOperatorInput {
  operatorId: string;
  reason?: string;
  actor: ActingOperator;
  now: Temporal.Instant;
}

/** Sets the operator `active`; `operator_already_active` (409) when it is. */
export async function enableOperator(db: Db, input: EnableOperatorInput): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findOperator(tx, input.operatorId);
    if (before.status === 'active') throw operatorErrors.alreadyInStatus('active');
    await tx
      .update(operators)
      .set({ status: 'active', updatedAt: toDate(input.now) })
      .where(eq(operators.id, input.operatorId));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'operator.enabled',
      targetType: 'operator',
      targetId: input.operatorId,
      before: { status: 'disabled' },
      after: { status: 'active' },
      ...(input.reason ? { reason: input.reason } : {}),
      at: input.now,
    });
  });
}
