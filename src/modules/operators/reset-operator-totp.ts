// Removes an operator's authenticator app after an identity check (an owner's action): sign-in codes come by mail again.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { operatorSession, operatorTwoFactor } from '../../db/schema/operators.js';
import { type IdentityCheck, recordIdentityCheck } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import type { ActingOperator } from './acting-operator.js';
import { findOperator } from './find-operator.js';
import { operatorErrors } from './operator-errors.js';

export interface ResetOperatorTotpInput {
  operatorId: string;
  identityCheck: IdentityCheck;
  actor: ActingOperator;
  now: Temporal.Instant;
}

/**
 * Deletes the TOTP secret (confirmed or pending) and the operator's sessions, mails the operator, and
 * records the identity check with the audit entry, in one transaction. `totp_not_enabled` (409) when
 * there is no confirmed app, so a mistaken click changes nothing.
 */
export async function resetOperatorTotp(db: Db, input: ResetOperatorTotpInput): Promise<void> {
  await db.transaction(async (tx) => {
    const operator = await findOperator(tx, input.operatorId);
    const secrets = await tx
      .select({ verified: operatorTwoFactor.verified })
      .from(operatorTwoFactor)
      .where(eq(operatorTwoFactor.userId, input.operatorId));
    if (!secrets.some((s) => s.verified)) throw operatorErrors.totpNotEnabled();
    await tx.delete(operatorTwoFactor).where(eq(operatorTwoFactor.userId, input.operatorId));
    // Whoever holds the lost phone may also hold a session; the operator signs in again with a mailed code.
    const ended = await tx
      .delete(operatorSession)
      .where(eq(operatorSession.userId, input.operatorId))
      .returning({ id: operatorSession.id });
    await enqueueMail(tx, {
      template: 'operator-totp-reset',
      locale: operator.locale,
      to: operator.email,
      payload: { displayName: operator.displayName, loginId: operator.loginId },
      now: input.now,
    });
    await recordIdentityCheck(tx, {
      actor: input.actor,
      action: 'operator.totp_reset',
      purpose: 'operator.totp_reset',
      targetType: 'operator',
      targetId: input.operatorId,
      check: input.identityCheck,
      before: { totpEnabled: true },
      after: { totpEnabled: false, sessionsEnded: ended.length },
      at: input.now,
    });
  });
}
