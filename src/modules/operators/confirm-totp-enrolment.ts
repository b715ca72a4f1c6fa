// Confirms an authenticator app with its first code; from then on the app replaces the mailed code at sign-in.
import type { AppContext } from '../../context.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { authErrorCode } from '../identity/auth-index.js';
import { operatorAuth } from './auth.js';
import { hasTotp } from './has-totp.js';
import { operatorErrors } from './operator-errors.js';

export interface ConfirmTotpEnrolmentInput {
  operatorId: string;
  code: string;
  headers: Headers;
  actor: Actor;
}

/** Checks a code from the app against the pending secret and marks the secret confirmed. */
export async function confirmTotpEnrolment(ctx: AppContext, input: ConfirmTotpEnrolmentInput): Promise<void> {
  if (await hasTotp(ctx.db, input.operatorId)) throw operatorErrors.totpAlreadyEnabled();
  try {
    await operatorAuth(ctx).api.verifyTOTP({ body: { code: input.code }, headers: input.headers });
  } catch (error) {
    const code = authErrorCode(error);
    if (code === 'TOTP_NOT_ENABLED') throw operatorErrors.totpNotStarted();
    if (code === 'INVALID_CODE') throw operatorErrors.enrolmentCodeIncorrect();
    throw error;
  }
  await recordAudit(ctx.db, {
    actor: input.actor,
    action: 'operator.totp_enabled',
    targetType: 'operator',
    targetId: input.operatorId,
    at: ctx.clock.now(),
  });
}
