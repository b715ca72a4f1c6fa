// Disables an operator (an owner's action): sign-in is refused and every open session ends; the last active owner stays.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { operatorSession, operators } from '../../db/schema/operators.js';
import { toDate } from '../../domain/clock.js';
import { recordAudit } from '../audit/index.js';
import type { ActingOperator } from './acting-operator.js';
import { assertNotLastOwner } from './assert-not-last-owner.js';
import { findOperator } from './find-operator.js';
import { operatorErrors } from './operator-errors.js';

export interface DisableOperatorInput {
  operatorId: string;
  reason?: string;
  actor: ActingOperator;
  now: Temporal.Instant;
}

/** Sets the operator `disabled` and deletes its sessions in one transaction; returns how many sessions ended. */
export async function disableOperator(
  db: Db,
  input: DisableOperatorInput,
): Promise<{ sessionsEnded: number }> {
  return db.transaction(async (tx) => {
    const before = await findOperator(tx, input.operatorId);
    if (before.status === 'disabled') throw operatorErrors.alreadyInStatus('disabled');
    if (before.roles.includes('owner')) await assertNotLastOwner(tx, input.operatorId);
    await tx
      .update(operators)
      .set({ status: 'disabled', updatedAt: toDate(input.now) })
      .where(eq(operators.id, input.operatorId));
    // getCurrentOperator already refuses a disabled operator; deleting the rows makes the end final.
    const ended = await tx
      .delete(operatorSession)
      .where(eq(operatorSession.userId, input.operatorId))
      .returning({ id: operatorSession.id });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'operator.disabled',
      targetType: 'operator',
      targetId: input.operatorId,
      before: { status: 'active' },
      after: { status: 'disabled', sessionsEnded: ended.length },
      ...(input.reason ? { reason: input.reason } : {}),
      at: input.now,
    });
    return { sessionsEnded: ended.length };
  });
}
