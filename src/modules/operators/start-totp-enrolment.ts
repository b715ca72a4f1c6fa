// Starts setting up an authenticator app for the signed-in operator: a new secret, shown once as an otpauth URI.
import type { AppContext } from '../../context.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { authErrorCode } from '../identity/auth-index.js';
import { operatorAuth } from './auth.js';
import { operatorErrors } from './operator-errors.js';

export interface StartTotpEnrolmentInput {
  operatorId: string;
  /** The operator's password again: a session left open on a desk must not be enough to bind a phone. */
  password: string;
  headers: Headers;
  actor: Actor;
}

/** Creates an unconfirmed TOTP secret and returns its `otpauth://` URI; it counts only after confirmTotpEnrolment. */
export async function startTotpEnrolment(
  ctx: AppContext,
  input: StartTotpEnrolmentInput,
): Promise<{ totpUri: string }> {
  const result = await operatorAuth(ctx)
    .api.enableTwoFactor({
      body: { password: input.password, method: 'totp' },
      headers: input.headers,
    })
    .catch((error: unknown): never => {
      const code = authErrorCode(error);
      if (code === 'INVALID_PASSWORD') throw operatorErrors.wrongPassword();
      if (code === 'TOTP_ALREADY_ENABLED') throw operatorErrors.totpAlreadyEnabled();
      if (code === 'UNAUTHORIZED' || code === '401') throw operatorErrors.notSignedIn();
      throw error;
    });
  if (!('totpURI' in result) || typeof result.totpURI !== 'string')
    throw new Error('better-auth enabled TOTP without a URI');
  await recordAudit(ctx.db, {
    actor: input.actor,
    action: 'operator.totp_enrolment_started',
    targetType: 'operator',
    targetId: input.operatorId,
    at: ctx.clock.now(),
  });
  return { totpUri: result.totpURI };
}
