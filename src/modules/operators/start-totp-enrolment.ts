// Starts setting up an authenticator app for the signed-in operator: a new secret, shown once as an otpauth URI.
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { operators } from '../../db/schema/operators.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { authErrorCode } from '../identity/auth-index.js';
import { OPERATOR_TOTP_ISSUER, operatorAuth } from './auth.js';
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
  const [operator] = await ctx.db
    .select({ loginId: operators.loginId })
    .from(operators)
    .where(eq(operators.id, input.operatorId));
  if (!operator) throw operatorErrors.notSignedIn();
  await recordAudit(ctx.db, {
    actor: input.actor,
    action: 'operator.totp_enrolment_started',
    targetType: 'operator',
    targetId: input.operatorId,
    at: ctx.clock.now(),
  });
  return { totpUri: withAccountName(result.totpURI, operator.loginId) };
}

/**
 * better-auth labels the secret with the user's email, which for operators is the internal
 * `…@operators.keiyaku.invalid` address; the app should show the login ID the operator types.
 * The label is `issuer:account` (Key Uri Format); the query (secret, issuer, digits, period) is kept.
 */
function withAccountName(totpUri: string, loginId: string): string {
  const query = totpUri.slice(totpUri.indexOf('?'));
  return `otpauth://totp/${encodeURIComponent(OPERATOR_TOTP_ISSUER)}:${encodeURIComponent(loginId)}${query}`;
}
